"""The admin's front page counts what waits for the person signed in, each queue with a
link to its filtered list; the admin's Danish reads right."""

import html
import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from ecosystem import staff
from pages.models import ContactMessage
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

INDEX = "/en/admin/"


def staff_client(client, **kwargs):
    user = UserFactory(staff_mfa=True, **kwargs)
    client.force_login(user)
    return client


def queues(response) -> dict[str, tuple[int, str]]:
    return {q.label: (q.count, q.url) for q in response.context["queues"]}


def make_waiting(n: int) -> None:
    ActorFactory.create_batch(n, pending=True)
    ActorFactory(draft=True)
    CaseApplicationFactory.create_batch(n, submitted=True)
    CaseApplicationFactory(in_review=True)
    CaseApplicationFactory(validated=True)
    RegistrationFactory.create_batch(n, pending=True)
    RegistrationFactory()  # confirmed: nothing to do
    for i in range(n):
        ContactMessage.objects.create(
            topic=ContactMessage.Topic.VALIDATION,
            name="Karen",
            email=f"k{i}@example.dk",
            message="Hej",
        )
    ContactMessage.objects.create(
        topic=ContactMessage.Topic.PRESS,
        name="Per",
        email="p@example.dk",
        message="Hej",
        status=ContactMessage.Status.ANSWERED,
        answered_at=timezone.now(),
        reply="Tak",
    )


def test_a_superuser_sees_every_queue_with_its_count_and_filtered_list(client):
    make_waiting(2)
    response = staff_client(client, is_superuser=True).get(INDEX)
    assert queues(response) == {
        "Actors waiting for moderation": (2, "/en/admin/ecosystem/actor/?status__exact=pending"),
        "Case applications waiting for validation": (
            3,
            "/en/admin/validation/caseapplication/?status__in=submitted%2Cin_review%2Cresubmitted",
        ),
        "Registrations waiting for approval": (
            2,
            "/en/admin/policy/registration/?status__exact=pending",
        ),
        "New contact messages": (2, "/en/admin/pages/contactmessage/?status__exact=new"),
        # Nothing waits for partner staff here, and the queues say so.
        "Partner applications waiting for a decision": (
            0,
            "/en/admin/partners/partnerapplication/?status__exact=submitted",
        ),
        "Partnerships to renew within 60 days": (
            0,
            "/en/admin/partners/partnerapplication/?renewal=due",
        ),
        "Events today": (0, "/en/admin/policy/event/?" + today_in_the_list()),
    }
    html = response.content.decode()
    assert "Waiting for you" in html
    assert 'href="/en/admin/ecosystem/actor/?status__exact=pending"' in html


def today_in_the_list() -> str:
    today = timezone.localdate()
    return (
        "status__exact=published&"
        f"start__year={today.year}&start__month={today.month}&start__day={today.day}"
    )


def test_an_event_manager_goes_from_the_front_page_to_todays_check_in(client):
    today = timezone.localtime().replace(hour=23, minute=0, second=0, microsecond=0)
    event = EventFactory(title_en="Roundtable today", start=today, end=today + timedelta(hours=1))
    EventFactory(title_en="Roundtable next week")
    EventFactory(title_en="Draft today", draft=True, start=today, end=today + timedelta(hours=1))
    response = staff_client(client, groups=[staff.EVENT_MANAGERS]).get(INDEX)
    (today_queue,) = [q for q in response.context["queues"] if q.label == "Events today"]
    assert today_queue.count == 1
    check_in = f"/en/admin/policy/event/{event.pk}/check-in/"
    assert today_queue.links == [("Check in: Roundtable today", check_in)]
    assert f'href="{check_in}"' in response.content.decode()
    assert client.get(today_queue.url).context["cl"].result_count == 1
    assert client.get(check_in).status_code == 200


def test_each_link_opens_the_list_it_counts(client):
    make_waiting(2)
    client = staff_client(client, is_superuser=True)
    for count, url in queues(client.get(INDEX)).values():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.context["cl"].result_count == count, url


def test_staff_see_only_the_queues_of_their_own_work(client):
    make_waiting(1)
    response = staff_client(client, groups=[staff.VALIDATORS]).get(INDEX)
    labels = set(queues(response))
    assert "Case applications waiting for validation" in labels
    assert "Actors waiting for moderation" not in labels
    assert "Registrations waiting for approval" not in labels
    # A validator counts only the messages routed to the validators.
    if "New contact messages" in labels:
        assert queues(response)["New contact messages"][0] == 1


def test_a_moderator_sees_the_pending_actors(client):
    make_waiting(3)
    response = staff_client(client, groups=[staff.MODERATORS]).get(INDEX)
    assert queues(response)["Actors waiting for moderation"][0] == 3
    assert "Case applications waiting for validation" not in queues(response)


def test_the_counts_take_the_same_queries_whatever_waits(client):
    client = staff_client(client, is_superuser=True)
    make_waiting(1)
    client.get(INDEX)  # warm the session and content types
    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    make_waiting(20)
    with CaptureQueriesContext(connection) as many:
        client.get(INDEX)
    assert len(many) == len(few)


def test_the_danish_add_another_label_has_no_wrong_article():
    with translation.override("da"):
        text = gettext("Add another %(verbose_name)s") % {"verbose_name": "Medlemskab"}
    assert text == "Tilføj: Medlemskab"


def add_another_labels(response) -> set[str]:
    return {
        json.loads(html.unescape(found))["options"]["addText"]
        for found in re.findall(r'data-inline-formset="([^"]+)"', response.content.decode())
    }


def test_the_danish_add_another_button_names_the_model_in_its_gender(client):
    actor = ActorFactory()
    client = staff_client(client, is_superuser=True, language="da")
    with translation.override("da"):
        response = client.get(f"/admin/ecosystem/actor/{actor.pk}/change/")
    assert response.status_code == 200
    assert {"Tilføj endnu et medlemskab", "Tilføj endnu en forbindelse"} <= add_another_labels(
        response
    )
    response = client.get(f"/en/admin/ecosystem/actor/{actor.pk}/change/")
    assert "Add another membership" in add_another_labels(response)


def test_the_case_history_inline_offers_no_row_to_add_by_hand(client):
    case = CaseApplicationFactory(submitted=True)
    client = staff_client(client, is_superuser=True)
    response = client.get(f"/admin/validation/caseapplication/{case.pk}/change/")
    assert response.status_code == 200
    formsets = {f.formset.prefix: f for f in response.context["inline_admin_formsets"]}
    history = next(
        f for f in formsets.values() if f.opts.__class__.__name__ == "CaseLogEntryInline"
    )
    assert not history.has_add_permission
