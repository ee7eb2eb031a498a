"""Who may open which partner URL: one table, every URL of partners/urls.py and the admin.

Roles: anonymous; an owner of the applying organisation; a member who is not an owner
(editor); a member of another organisation; partner staff (a moderator with a second
factor); other staff (a validator). Another organisation's application answers 404 in
every state, never 403; the admin is the login page for non-staff and 404 for other staff.
"""

import pytest

from ecosystem.models import Membership
from partners import urls
from tests.factories import ActorFactory, MembershipFactory
from tests.permission_tables import PermissionTable

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="partners",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "owner", "editor", "stranger", "partner_staff", "staff"),
)

# fmt: off
#   url name                method  target       anon owner editor stranger pstaff staff
PUBLIC_TABLE = [
    ("index",                "GET",  None,        200, 200,  200,   200,     200,   200),
    ("become",               "GET",  None,        200, 200,  200,   200,     200,   200),
]

MEMBER_TABLE = [
    ("apply",                "GET",  None,        302, 200,  302,   200,     302,   302),
    ("apply",                "POST", None,        302, 200,  302,   200,     302,   302),
    ("application",          "GET",  "draft",     302, 200,  200,   404,     404,   404),
    ("application",          "GET",  "submitted", 302, 200,  200,   404,     404,   404),
    ("application",          "GET",  "approved",  302, 200,  200,   404,     404,   404),
    ("application_edit",     "GET",  "draft",     302, 200,  404,   404,     404,   404),
    ("application_edit",     "POST", "draft",     302, 200,  404,   404,     404,   404),
    ("application_edit",     "GET",  "returned",  302, 200,  404,   404,     404,   404),
    ("application_edit",     "GET",  "submitted", 302, 302,  404,   404,     404,   404),
    ("application_edit",     "GET",  "approved",  302, 302,  404,   404,     404,   404),
    ("application_withdraw", "GET",  "submitted", 302, 200,  404,   404,     404,   404),
    ("application_withdraw", "POST", "submitted", 302, 302,  404,   404,     404,   404),
    ("application_withdraw", "POST", "approved",  302, 302,  404,   404,     404,   404),
]

ADMIN_TABLE = [
    ("admin:partners_partnerapplication_changelist",
     "GET", None,        302, 302, 302, 302, 200, 404),
    ("admin:partners_partnerapplication_change",
     "GET", "submitted", 302, 302, 302, 302, 200, 404),
    ("admin:partners_partnerapplication_history",
     "GET", "submitted", 302, 302, 302, 302, 200, 404),
]
# fmt: on

STATES = ("draft", "submitted", "returned", "approved")


@pytest.fixture
def world(owner, editor, stranger, partner_staff, other_staff, make_application):
    # One open application per actor: each state gets an actor of its own, with the same
    # owner and editor.
    applications = {}
    for state in STATES:
        actor = ActorFactory(name=f"Ungdomsbroen {state}")
        MembershipFactory(actor=actor, user=owner, role=Membership.Role.OWNER)
        MembershipFactory(actor=actor, user=editor, role=Membership.Role.EDITOR)
        traits = {"approved": True} if state == "approved" else {"status": state}
        applications[state] = make_application(actor=actor, **traits)
    world = {
        "users": {
            "owner": owner,
            "editor": editor,
            "stranger": stranger,
            "partner_staff": partner_staff,
            "staff": other_staff,
        },
        "admin": {state: a.pk for state, a in applications.items()},
    }
    for state, application in applications.items():
        world[state] = {"pk": application.pk}
    return world


# A POST sends an empty form: it comes back with errors (200), nothing is saved.
@pytest.mark.parametrize(TABLE.params, TABLE.cases(PUBLIC_TABLE, MEMBER_TABLE, ADMIN_TABLE))
def test_pages(client, world, role, name, method, target, expected):
    assert TABLE.status(client, world, role, name, method, target, None) == expected


def test_the_table_covers_every_url_of_the_partners_app():
    TABLE.assert_covers(PUBLIC_TABLE, MEMBER_TABLE)


def test_another_organisations_application_never_leaks(client, world):
    client.force_login(world["users"]["stranger"])
    for state in STATES:
        pk = world[state]["pk"]
        for suffix in ("", "edit/", "withdraw/"):
            assert client.get(f"/en/partners/applications/{pk}/{suffix}").status_code == 404
            assert client.get(f"/partnere/applications/{pk}/{suffix}").status_code == 404
