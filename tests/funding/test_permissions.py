"""Who may open which funding URL: one table, every URL of funding/urls.py and the admin.

Roles: an anonymous visitor; a member (of an organisation, with an alert); another member
(of another organisation, with an alert of their own); an editor (runs the calls); and
other staff (a moderator, with a second factor). A draft call answers 404 to all but
editors; another member's alert answers 404; the digest's signed link works for whoever
holds it, and a tampered one changes nothing (400, a friendly page).
"""

import pytest
from django.urls import reverse

from ecosystem import staff
from funding import permissions, urls
from funding.models import FundingAlert
from tests.factories import MembershipFactory, UserFactory
from tests.funding.factories import FundingAlertFactory, FundingOpportunityFactory
from tests.once import once_per_module
from tests.permission_tables import PermissionTable

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="funding",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "member", "other", "editor", "staff"),
)

# fmt: off
#   url name          method  target       anon member other editor staff
PUBLIC_TABLE = [
    ("index",          "GET",  None,        200, 200,   200,  200,   200),
    ("archive",        "GET",  None,        200, 200,   200,  200,   200),
    ("deadlines_ics",  "GET",  None,        200, 200,   200,  200,   200),
    ("rss",            "GET",  None,        200, 200,   200,  200,   200),
    ("atom",           "GET",  None,        200, 200,   200,  200,   200),
    ("export_csv",     "GET",  None,        200, 200,   200,  200,   200),
    ("export_xlsx",    "GET",  None,        200, 200,   200,  200,   200),
    ("export_json",    "GET",  None,        200, 200,   200,  200,   200),
    ("detail",         "GET",  "published", 200, 200,   200,  200,   200),
    ("detail",         "GET",  "closed",    200, 200,   200,  200,   200),
    ("detail",         "GET",  "draft",     404, 404,   404,  200,   404),
]

ALERT_TABLE = [
    # Logged out: to the log-in page. Staff without an organisation see the page too.
    ("alerts",         "GET",  None,        302, 200,   200,  200,   200),
    # Subscribing for the member's own organisation: done (302); for another: the form
    # says so (400).
    ("alerts",         "POST", None,        302, 302,   400,  400,   400),
    ("alert_delete",   "POST", "alert",     302, 302,   404,  404,   404),
    ("alert_delete",   "GET",  "alert",     302, 405,   405,  405,   405),
    # The signed link is the key, whoever holds it, logged in or not.
    ("unsubscribe",    "GET",  "link",      200, 200,   200,  200,   200),
    ("unsubscribe",    "POST", "link",      200, 200,   200,  200,   200),
    ("unsubscribe",    "GET",  "tampered",  400, 400,   400,  400,   400),
    ("unsubscribe",    "POST", "tampered",  400, 400,   400,  400,   400),
]

# Non-staff are sent to log in (302); other staff are refused (403).
ADMIN_TABLE = [
    ("admin:funding_fundingopportunity_changelist", "GET", None,   302, 302, 302, 200, 403),
    ("admin:funding_fundingopportunity_add",        "GET", None,   302, 302, 302, 200, 403),
    ("admin:funding_fundingopportunity_change",     "GET", "call", 302, 302, 302, 200, 403),
    ("admin:funding_fundingalert_changelist",       "GET", None,   302, 302, 302, 200, 403),
]
# fmt: on


@once_per_module
def world():
    member = UserFactory(email="member@example.dk")
    other = UserFactory(email="other@example.dk")
    editor = UserFactory(email="editor@example.dk", staff_mfa=True, groups=[staff.EDITORS])
    moderator = UserFactory(email="mod@example.dk", staff_mfa=True, groups=[staff.MODERATORS])
    mine = MembershipFactory(user=member).actor
    unsubscribed = MembershipFactory(user=member).actor
    MembershipFactory(user=other)
    alert = FundingAlertFactory(user=member, actor=mine)
    FundingAlertFactory(user=other, actor=other.memberships.get().actor)
    published = FundingOpportunityFactory()
    token = permissions.make_unsubscribe_token(alert)
    return {
        "users": {"member": member, "other": other, "editor": editor, "staff": moderator},
        "post": {"actor": unsubscribed.pk},
        "published": {"slug": published.slug},
        "closed": {"slug": FundingOpportunityFactory(closed=True).slug},
        "draft": {"slug": FundingOpportunityFactory(draft=True).slug},
        "alert": {"pk": alert.pk},
        "link": {"token": token},
        "tampered": {"token": token[:-3] + "abc"},
        "admin": {"call": published.pk},
    }


@pytest.mark.parametrize(TABLE.params, TABLE.cases(PUBLIC_TABLE, ALERT_TABLE, ADMIN_TABLE))
def test_access(client, world, role, name, method, target, expected):
    assert (
        TABLE.status(
            client, world, role, name, method, target, world["post"] if name == "alerts" else None
        )
        == expected
    )


def test_every_url_has_a_row():
    TABLE.assert_covers(PUBLIC_TABLE, ALERT_TABLE, ADMIN_TABLE)


def test_another_members_alert_is_left_alone(client, world):
    """The other member's delete answered 404, and the alert is still there."""
    client.force_login(world["users"]["other"])
    client.post(reverse("funding:alert_delete", kwargs=world["alert"]))
    assert FundingAlert.objects.filter(pk=world["alert"]["pk"]).exists()


def test_tampered_link_changes_nothing(client, world):
    response = client.post(reverse("funding:unsubscribe", kwargs=world["tampered"]))
    assert "Linket virker ikke" in response.content.decode()
    assert FundingAlert.objects.count() == 2


def test_an_alert_for_another_organisation_is_refused(client, world):
    """A member cannot subscribe for an organisation they are not a member of."""
    other_actor = world["users"]["other"].memberships.get().actor
    client.force_login(world["users"]["member"])
    response = client.post(reverse("funding:alerts"), {"actor": other_actor.pk})
    assert response.status_code == 400
    assert "Vælg en af de organisationer, du er medlem af." in response.content.decode()
    assert not FundingAlert.objects.filter(
        user=world["users"]["member"], actor=other_actor
    ).exists()
