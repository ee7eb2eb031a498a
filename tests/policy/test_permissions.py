"""Who may open which event URL: one table, every URL of policy/urls.py and the admin.

Roles: an anonymous visitor; a registrant (logged in, registered for the event); another
registrant of the same event; an event manager; and other staff (a moderator, with a
second factor). A registration is reached only by its owner or by its signed link;
another event's link answers 404. The admin's event pages are for event managers only.
"""

import pytest
from django.urls import reverse

from ecosystem import staff
from policy import permissions, urls
from policy.models import Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory
from tests.once import once_per_module
from tests.permission_tables import PermissionTable

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="policy",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "registrant", "other", "manager", "staff"),
)

# fmt: off
#   url name          method  target          anon registrant other manager staff
PUBLIC_TABLE = [
    ("index",          "GET",  None,           200, 200,       200,  200,    200),
    ("past",           "GET",  None,           200, 200,       200,  200,    200),
    ("feed",           "GET",  None,           200, 200,       200,  200,    200),
    ("export_csv",     "GET",  None,           200, 200,       200,  200,    200),
    ("export_xlsx",    "GET",  None,           200, 200,       200,  200,    200),
    ("export_json",    "GET",  None,           200, 200,       200,  200,    200),
    ("recommendations", "GET", None,           200, 200,       200,  200,    200),
    ("event_detail",   "GET",  "published",    200, 200,       200,  200,    200),
    ("event_detail",   "GET",  "cancelled",    200, 200,       200,  200,    200),
    ("event_detail",   "GET",  "draft",        404, 404,       404,  200,    404),
    ("event_ics",      "GET",  "published",    200, 200,       200,  200,    200),
    ("event_ics",      "GET",  "draft",        404, 404,       404,  200,    404),
]

REGISTRATION_TABLE = [
    ("register",       "GET",  "published",    200, 200,       200,  200,    200),
    # Registered already: the form says so (400); the others get a seat (302).
    ("register",       "POST", "published",    302, 400,       400,  302,    302),
    ("register",       "GET",  "draft",        404, 404,       404,  200,    404),
    ("register",       "POST", "draft",        404, 404,       404,  400,    404),
    ("cancel_own",     "POST", "published",    404, 302,       302,  404,    404),
    ("cancel_own",     "GET",  "published",    405, 405,       405,  405,    405),
    # "My registration": one's own, or a redirect to the event for those without one.
    ("my_registration", "GET", "published",    302, 200,       200,  302,    302),
    # The signed link is the key: whoever holds it may use it, for its own event only.
    ("link_cancel",    "GET",  "cancel_link",  200, 200,       200,  200,    200),
    ("link_cancel",    "POST", "cancel_link",  302, 302,       302,  302,    302),
    ("link_cancel",    "GET",  "foreign_link", 404, 404,       404,  404,    404),
    ("link_cancel",    "POST", "tampered",     404, 404,       404,  404,    404),
    ("link_confirm",   "GET",  "confirm_link", 200, 200,       200,  200,    200),
    ("link_confirm",   "POST", "confirm_link", 302, 302,       302,  302,    302),
    ("link_confirm",   "GET",  "cancel_link",  404, 404,       404,  404,    404),
]

# Non-staff are sent to log in (302); other staff are refused (403).
ADMIN_TABLE = [
    ("admin:policy_event_changelist",        "GET", None,           302, 302, 302, 200, 403),
    ("admin:policy_event_change",            "GET", "event",        302, 302, 302, 200, 403),
    ("admin:policy_event_decision_makers",   "GET", None,           302, 302, 302, 200, 403),
    ("admin:policy_registration_changelist", "GET", None,           302, 302, 302, 200, 403),
    ("admin:policy_registration_change",     "GET", "registration", 302, 302, 302, 200, 403),
    ("admin:policy_outcome_changelist",      "GET", None,           302, 302, 302, 200, 403),
    ("admin:policy_eventlogentry_changelist", "GET", None,          302, 302, 302, 200, 403),
]
# fmt: on

POST_DATA = {
    "register": {
        "name": "Ny Deltager",
        "email": "ny@example.dk",
        "organisation": "Odense Kommune",
        "consent": "on",
    }
}


@once_per_module
def world():
    registrant = UserFactory(email="registrant@example.dk")
    other = UserFactory(email="other@example.dk")
    manager = UserFactory(email="manager@example.dk", staff_mfa=True, groups=[staff.EVENT_MANAGERS])
    moderator = UserFactory(email="mod@example.dk", staff_mfa=True, groups=[staff.MODERATORS])
    event = EventFactory(title_en="Open roundtable")
    draft = EventFactory(draft=True)
    cancelled = EventFactory(cancelled=True)
    elsewhere = EventFactory()
    mine = RegistrationFactory(event=event, user=registrant, email=registrant.email)
    RegistrationFactory(event=event, user=other, email=other.email)
    guest = RegistrationFactory(event=event, unconfirmed=True, email="guest@example.dk")
    token = permissions.make_link_token(mine, "cancel")
    return {
        "users": {"registrant": registrant, "other": other, "manager": manager, "staff": moderator},
        "published": {"slug": event.slug},
        "draft": {"slug": draft.slug},
        "cancelled": {"slug": cancelled.slug},
        "cancel_link": {"slug": event.slug, "token": token},
        "foreign_link": {"slug": elsewhere.slug, "token": token},
        "tampered": {"slug": event.slug, "token": token[:-2] + "xx"},
        "confirm_link": {
            "slug": event.slug,
            "token": permissions.make_link_token(guest, "confirm"),
        },
        "admin": {"event": event.pk, "registration": mine.pk},
    }


@pytest.mark.parametrize(TABLE.params, TABLE.cases(PUBLIC_TABLE, REGISTRATION_TABLE, ADMIN_TABLE))
def test_pages(client, world, role, name, method, target, expected):
    assert TABLE.status(client, world, role, name, method, target, POST_DATA.get(name)) == expected


def test_the_table_covers_every_url_of_the_policy_app():
    TABLE.assert_covers(PUBLIC_TABLE, REGISTRATION_TABLE)


def test_one_registrant_never_sees_anothers_data(client, world):
    mine = Registration.objects.get(user=world["users"]["registrant"])
    theirs = Registration.objects.get(user=world["users"]["other"])
    client.force_login(world["users"]["registrant"])
    for url in (f"/en/events/{mine.event.slug}/", f"/en/events/{mine.event.slug}/register/"):
        body = client.get(url).content.decode()
        assert theirs.name not in body and theirs.email not in body
    # Cancelling from the event page cancels one's own registration, never another's.
    client.post(f"/en/events/{mine.event.slug}/cancel/")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == ("cancelled", "confirmed")


def test_the_participant_list_and_its_export_are_for_event_managers(client, world):
    client.force_login(world["users"]["manager"])
    changelist = reverse("admin:policy_registration_changelist")
    response = client.post(
        changelist,
        {
            "action": "export_csv",
            "_selected_action": list(Registration.objects.values_list("pk", flat=True)),
        },
    )
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "registrant@example.dk" in body and "other@example.dk" in body
    client.force_login(world["users"]["staff"])
    assert client.get(changelist).status_code == 403


def test_the_permission_functions_answer_directly(world):
    users = world["users"]
    mine = Registration.objects.get(user=users["registrant"])
    assert permissions.is_registrant(users["registrant"], mine)
    assert not permissions.is_registrant(users["other"], mine)
    assert permissions.is_registrant(permissions.LinkHolder(mine.pk), mine)
    assert not permissions.is_registrant(permissions.LinkHolder(mine.pk + 1), mine)
    assert permissions.is_event_manager(users["manager"])
    assert not permissions.is_event_manager(users["staff"])
    assert permissions.can_manage_in_admin(users["manager"])
    assert not permissions.can_manage_in_admin(users["registrant"])
