"""Who may open which case URL: one table, every URL of validation/urls.py and the admin.

Roles: anonymous; a member of the lead organisation (the applicant); a member of another
organisation; a validator (staff with a second factor); other staff (a moderator, with a
second factor). Another organisation's application answers 404 in every state, never 403;
the admin's case pages are the login page for non-staff and 404 for other staff.
"""

import pytest

from tests.permission_tables import PermissionTable
from validation import urls
from validation.models import InterestMessage

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="validation",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "member", "stranger", "validator", "staff"),
)

# fmt: off
#   url name                method  target               anon member stranger validator staff
MEMBER_TABLE = [
    ("dashboard",            "GET",  None,                302, 200,   200,     200,      200),
    ("application_new",      "GET",  None,                302, 200,   200,     302,      302),
    ("application_new",      "POST", None,                302, 200,   200,     302,      302),
    ("application",          "GET",  "draft",             302, 200,   404,     404,      404),
    ("application",          "GET",  "submitted",         302, 200,   404,     404,      404),
    ("application",          "GET",  "validated",         302, 200,   404,     404,      404),
    ("application_edit",     "GET",  "draft",             302, 200,   404,     404,      404),
    ("application_edit",     "POST", "draft",             302, 302,   404,     404,      404),
    ("application_edit",     "GET",  "changes_requested", 302, 200,   404,     404,      404),
    ("application_edit",     "GET",  "submitted",         302, 302,   404,     404,      404),
    ("application_edit",     "POST", "submitted",         302, 302,   404,     404,      404),
    ("application_edit",     "GET",  "validated",         302, 302,   404,     404,      404),
    ("application_sent",     "GET",  "submitted",         302, 200,   404,     404,      404),
    ("application_sent",     "GET",  "validated",         302, 200,   404,     404,      404),
    ("application_withdraw", "GET",  "submitted",         302, 200,   404,     404,      404),
    ("application_withdraw", "POST", "submitted",         302, 302,   404,     404,      404),
    ("application_withdraw", "POST", "rejected",          302, 302,   404,     404,      404),
]

PUBLIC_TABLE = [
    ("index",                "GET",  None,                200, 200,   200,     200,      200),
    ("export_json",          "GET",  None,                200, 200,   200,     200,      200),
    ("export_csv",           "GET",  None,                200, 200,   200,     200,      200),
    ("export_xlsx",          "GET",  None,                200, 200,   200,     200,      200),
    ("open_data",            "GET",  None,                200, 200,   200,     200,      200),
    ("case_detail",          "GET",  "validated_slug",    200, 200,   200,     200,      200),
    ("case_detail",          "GET",  "draft_slug",        404, 404,   404,     404,      404),
    ("case_detail",          "GET",  "submitted_slug",    404, 404,   404,     404,      404),
    ("case_json",            "GET",  "validated_slug",    200, 200,   200,     200,      200),
    ("case_json",            "GET",  "draft_slug",        404, 404,   404,     404,      404),
    ("express_interest",     "GET",  "validated_slug",    302, 302,   200,     302,      302),
    ("express_interest",     "GET",  "draft_slug",        302, 404,   404,     404,      404),
    ("interest_answer",      "GET",  "interest",          200, 200,   200,     200,      200),
]

ADMIN_TABLE = [
    ("admin:validation_caseapplication_changelist", "GET", None,        302, 302, 302, 200, 404),
    ("admin:validation_caseapplication_change",     "GET", "submitted", 302, 302, 302, 200, 404),
    ("admin:validation_caseapplication_change",     "GET", "validated", 302, 302, 302, 200, 404),
    ("admin:validation_caseapplication_history",    "GET", "submitted", 302, 302, 302, 200, 404),
    ("admin:validation_interestmessage_changelist", "GET", None,        302, 302, 302, 200, 404),
]
# fmt: on

POST_DATA = {
    "application_new": {"title": "A title"},  # no token: the form comes back with an error
    "application_edit": {"title": "Changed", "version": "1", "save": ""},
}


@pytest.fixture
def world(member, stranger, validator, other_staff, make_case):
    cases = {
        state: make_case(**({state: True} if state != "draft" else {}))
        for state in ("draft", "submitted", "changes_requested", "validated", "rejected")
    }
    cases["validated"].seeks_partners = True
    cases["validated"].save()
    interest = InterestMessage.objects.create(
        case=cases["validated"],
        sender=stranger,
        sender_actor=stranger.actors.first(),
        message="Hello",
    )
    world = {
        "users": {
            "member": member,
            "stranger": stranger,
            "validator": validator,
            "staff": other_staff,
        },
        "interest": {"token": interest.token},
        "admin": {state: case.pk for state, case in cases.items()},
    }
    for state, case in cases.items():
        world[state] = {"pk": case.pk}
        world[f"{state}_slug"] = {"slug": case.slug}
    return world


@pytest.mark.parametrize(TABLE.params, TABLE.cases(MEMBER_TABLE, PUBLIC_TABLE, ADMIN_TABLE))
def test_pages(client, world, role, name, method, target, expected):
    assert TABLE.status(client, world, role, name, method, target, POST_DATA.get(name)) == expected


def test_the_table_covers_every_url_of_the_validation_app():
    TABLE.assert_covers(MEMBER_TABLE, PUBLIC_TABLE)


def test_another_organisations_application_never_leaks(client, world, make_case):
    """Whatever the URL and the state, a stranger learns nothing about the application."""
    client.force_login(world["users"]["stranger"])
    for state in ("draft", "submitted", "changes_requested", "validated", "rejected"):
        pk = world[state]["pk"]
        for suffix in ("", "edit/", "withdraw/"):
            response = client.get(f"/en/cases/applications/{pk}/{suffix}")
            assert response.status_code == 404
            assert b"Job bridges" not in response.content
        for suffix in ("edit/", "withdraw/"):
            response = client.post(f"/en/cases/applications/{pk}/{suffix}")
            assert response.status_code == 404
            assert b"Job bridges" not in response.content
