"""Checking participants in at the door: who may open the list and tap a button (everyone
else gets 404), what a tap changes, a forged address for another event's registration,
bad input, and the same number of queries for 10 and 500 registrations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecosystem import staff
from policy.models import EventLogEntry, Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

RS = Registration.Status


def list_url(event) -> str:
    return reverse("admin:policy_event_check_in", args=[event.pk])


def step_url(event, registration) -> str:
    return reverse("admin:policy_event_check_in_step", args=[event.pk, registration.pk])


def manager():
    return UserFactory(staff_mfa=True, groups=[staff.EVENT_MANAGERS])


ROLES = {
    "anonymous": lambda: None,
    "member": lambda: UserFactory(),
    "moderator": lambda: UserFactory(staff_mfa=True, groups=[staff.MODERATORS]),
    "validator": lambda: UserFactory(staff_mfa=True, groups=[staff.VALIDATORS]),
    "editor": lambda: UserFactory(staff_mfa=True, groups=[staff.EDITORS]),
    "staff without a group": lambda: UserFactory(staff_mfa=True),
    "event manager": manager,
    "superuser": lambda: UserFactory(staff_mfa=True, is_superuser=True),
}

# fmt: off
#  role                     list  tap
TABLE = [
    ("anonymous",             404, 404),
    ("member",                404, 404),
    ("moderator",             404, 404),
    ("validator",             404, 404),
    ("editor",                404, 404),
    ("staff without a group", 404, 404),
    ("event manager",         200, 303),
    ("superuser",             200, 303),
]
# fmt: on


@pytest.mark.parametrize(("role", "list_status", "tap_status"), TABLE)
def test_only_event_managers_may_check_people_in(client, role, list_status, tap_status):
    registration = RegistrationFactory(name="Karen Jensen")
    user = ROLES[role]()
    if user is not None:
        client.force_login(user)
    assert client.get(list_url(registration.event)).status_code == list_status
    response = client.post(step_url(registration.event, registration), {"action": "mark_attended"})
    assert response.status_code == tap_status
    registration.refresh_from_db()
    assert registration.status == (RS.ATTENDED if tap_status == 303 else RS.CONFIRMED)


def test_the_list_is_by_name_and_finds_a_name(client):
    event = EventFactory(title_en="Roundtable at the door")
    for name in ["Ole Hansen", "anna Berg", "Mette Kjær"]:
        RegistrationFactory(event=event, name=name)
    RegistrationFactory(event=event, name="Bent Venter", waiting=True)
    RegistrationFactory(event=event, name="Carl Aflyst", cancelled=True)
    RegistrationFactory(name="Another Event")
    client.force_login(manager())
    response = client.get(list_url(event))
    rows = [r.name for r in response.context["page_obj"].object_list]
    assert rows == ["anna Berg", "Mette Kjær", "Ole Hansen"]
    assert [r.name for r in response.context["waiting"]] == ["Bent Venter"]
    assert response.context["counts"] == {"attended": 0, "expected": 3, "waiting": 1}
    found = client.get(list_url(event), {"q": "kjæ"})
    assert [r.name for r in found.context["page_obj"].object_list] == ["Mette Kjær"]


@pytest.mark.parametrize("words", ["\x00", "a" * 5000, "%", "' OR 1=1 --", "\u202eevil"])
def test_bad_search_words_never_fail(client, words):
    registration = RegistrationFactory()
    client.force_login(manager())
    assert client.get(list_url(registration.event), {"q": words, "page": "x"}).status_code == 200


def test_a_tap_marks_attended_and_a_second_undoes_it(client):
    registration = RegistrationFactory(name="Karen Jensen")
    event = registration.event
    client.force_login(manager())
    response = client.post(
        step_url(event, registration) + "?q=Karen", {"action": "mark_attended"}, follow=True
    )
    assert response.redirect_chain[-1][0] == list_url(event) + "?q=Karen"
    assert "Karen Jensen er tjekket ind." in [str(m) for m in response.context["messages"]]
    registration.refresh_from_db()
    assert registration.status == RS.ATTENDED
    assert EventLogEntry.objects.filter(registration=registration, action="attended").exists()

    client.post(step_url(event, registration), {"action": "unmark_attended"})
    registration.refresh_from_db()
    assert registration.status == RS.CONFIRMED


def test_a_second_tap_on_a_stale_page_is_refused_not_repeated(client):
    registration = RegistrationFactory(attended=True)
    client.force_login(manager())
    response = client.post(
        step_url(registration.event, registration), {"action": "mark_attended"}, follow=True
    )
    assert response.status_code == 200
    assert any(m.level_tag == "error" for m in response.context["messages"])
    assert EventLogEntry.objects.filter(registration=registration).count() == 0


def test_with_htmx_only_the_row_and_the_count_come_back(client):
    registration = RegistrationFactory(name="Karen Jensen")
    client.force_login(manager())
    response = client.post(
        step_url(registration.event, registration),
        {"action": "mark_attended"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="check-in-row-' in body and "Tjekket ind" in body
    assert 'hx-swap-oob="innerHTML"' in body and "<strong>1</strong> af 1" in body
    assert "<html" not in body


@pytest.mark.parametrize("status", [RS.WAITING, RS.PENDING, RS.CANCELLED])
def test_only_a_seated_person_can_be_checked_in(client, status):
    registration = RegistrationFactory(status=status)
    client.force_login(manager())
    client.post(step_url(registration.event, registration), {"action": "mark_attended"})
    registration.refresh_from_db()
    assert registration.status == status


@pytest.mark.parametrize("action", ["", "approve", "decline", "cancel", "promote"])
def test_a_forged_action_changes_nothing(client, action):
    registration = RegistrationFactory(pending=True)
    client.force_login(manager())
    response = client.post(step_url(registration.event, registration), {"action": action})
    assert response.status_code == 303
    registration.refresh_from_db()
    assert registration.status == RS.PENDING


def test_another_events_registration_by_a_forged_address_is_a_404(client):
    mine = EventFactory()
    theirs = RegistrationFactory()
    client.force_login(manager())
    response = client.post(step_url(mine, theirs), {"action": "mark_attended"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == RS.CONFIRMED


def test_a_tap_must_be_a_post_with_its_token(client):
    registration = RegistrationFactory()
    client.force_login(manager())
    assert client.get(step_url(registration.event, registration)).status_code == 405
    from django.test import Client

    checked = Client(enforce_csrf_checks=True)
    checked.force_login(manager())
    response = checked.post(step_url(registration.event, registration), {"action": "mark_attended"})
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == RS.CONFIRMED


def test_an_unknown_event_is_a_404(client):
    client.force_login(manager())
    assert client.get(reverse("admin:policy_event_check_in", args=[999999])).status_code == 404


# The admin's menu asks each app's role gate once per model (as on every admin page);
# what matters here is that the count does not grow with the registrations.
CHECK_IN_QUERIES = 40


def test_the_list_takes_the_same_queries_for_10_and_500(client):
    event = EventFactory(capacity=1000)
    client.force_login(manager())
    client.get(list_url(event))  # warm the session and content types
    counts = []
    for size in (10, 490):
        RegistrationFactory.create_batch(size, event=event)
        RegistrationFactory.create_batch(size // 10, event=event, waiting=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(list_url(event))
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(response.context["page_obj"].object_list) == 100
    assert len(response.context["waiting"]) == 50
    assert counts[0] == counts[1] <= CHECK_IN_QUERIES
    with CaptureQueriesContext(connection) as queries:
        client.get(list_url(event), {"q": "a", "page": "2"})
    assert len(queries) <= CHECK_IN_QUERIES
