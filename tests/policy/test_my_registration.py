"""A full event says so, a person on the waiting list is told their place, and a
registrant sees, changes or cancels their registration on "My registration": logged in,
or with the link from the mail, which says when it has been used."""

import re

import pytest
from django.core import mail

from policy import permissions
from policy.models import EventLogEntry, Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory
from tests.policy.test_pages import FORM as REGISTER_FORM

pytestmark = pytest.mark.django_db

RS = Registration.Status
# The registration form's answers, as the change form takes them.
FORM = {
    **{key: value for key, value in REGISTER_FORM.items() if key != "email"},
    "is_decision_maker": "",
    "decision_level": "",
}


def text(response) -> str:
    return response.content.decode()


def test_a_full_event_says_so_on_the_list_and_its_page(client):
    full = EventFactory(title_en="Roundtable on loneliness", title_da="Rundbord om ensomhed")
    RegistrationFactory.create_batch(2, event=full)
    full.capacity = 2
    full.save()
    EventFactory(title_en="Policy lab with seats", title_da="Policylab med pladser")
    listing = text(client.get("/en/events/"))
    item = re.search(r'<li class="list-item">(?:(?!</li>).)*loneliness.*?</li>', listing, re.S)
    assert "Full — waiting list" in item.group(0)
    assert listing.count("Full — waiting list") == 1, "the event with seats is not full"
    assert "Fuldt – venteliste" in text(client.get("/arrangementer/"))
    page = text(client.get(f"/en/events/{full.slug}/"))
    assert "Full — waiting list" in page
    assert "Join the waiting list" in page
    assert "Fuldt – venteliste" in text(client.get(f"/arrangementer/{full.slug}/"))


def test_the_waiting_list_place_is_in_the_mail_and_on_the_page(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, waiting=True)
    user = UserFactory(email="tredje@example.dk", language="en")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/events/{event.slug}/register/", FORM)
    mine = Registration.objects.get(user=user)
    assert mine.status == RS.WAITING
    assert "You are number 2 on the waiting list." in mail.outbox[-1].body
    assert "You are number 2 on the waiting list." in text(client.get(f"/en/events/{event.slug}/"))
    page = text(client.get(f"/en/events/{event.slug}/registration/"))
    assert "You are number 2 on the waiting list." in page
    # The first in line leaves: the place moves up.
    first.status = RS.CANCELLED
    first.save()
    assert "Du er nummer 1 på ventelisten." in text(
        client.get(f"/arrangementer/{event.slug}/registration/")
    )


def test_a_logged_in_registrant_changes_and_cancels_on_my_registration(client):
    event = EventFactory()
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user, email=user.email)
    client.force_login(user)
    url = f"/en/events/{event.slug}/registration/"
    page = text(client.get(url))
    assert "My registration" in page and "Aarhus Kommune" in page
    assert "See or change your registration" in text(client.get(f"/en/events/{event.slug}/"))
    response = client.post(url, {**FORM, "dietary_needs": "Glutenfri", "save": "1"}, follow=True)
    assert "Your changes are saved." in text(response)
    registration.refresh_from_db()
    assert registration.dietary_needs == "Glutenfri"
    assert registration.email == user.email
    log = EventLogEntry.objects.get(registration=registration, action="changed")
    assert "dietary_needs" in log.changes["fields"]
    assert "Glutenfri" not in str(log.changes), "the log keeps no personal data"
    response = client.post(url, {"cancel": "1"}, follow=True)
    assert "Your registration is cancelled." in text(response)
    registration.refresh_from_db()
    assert registration.status == RS.CANCELLED
    page = text(client.get(url))
    assert "This registration is cancelled." in page
    assert "Cancel my registration" not in page


def test_a_guests_link_shows_changes_and_then_says_it_has_been_used(client):
    event = EventFactory()
    registration = RegistrationFactory(event=event, email="gitte@example.dk")
    path = (
        f"/arrangementer/{event.slug}/cancel/{permissions.make_link_token(registration, 'cancel')}/"
    )
    page = text(client.get(path))
    assert "Min tilmelding" in page and "gitte@example.dk" in page
    assert "Afmeld mig" in page
    registration.refresh_from_db()
    assert registration.status == RS.CONFIRMED, "opening the link changes nothing"
    response = client.post(path, {**FORM, "role_title": "", "save": "1"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.role_title == "" and registration.name == "Gitte Gæst"
    client.post(path, {"cancel": "1"})
    registration.refresh_from_db()
    assert registration.status == RS.CANCELLED
    used = text(client.get(path))
    assert "Du er afmeldt." in used
    assert "Afmeld mig" not in used
    assert "linket er brugt" in used
    # A change sent with the used link is refused, and nothing changes.
    response = client.post(path, {**FORM, "name": "Someone else", "save": "1"})
    registration.refresh_from_db()
    assert registration.name == "Gitte Gæst"


def test_another_persons_registration_page_is_not_found(client):
    event = EventFactory()
    RegistrationFactory(event=event)
    client.force_login(UserFactory())
    response = client.get(f"/en/events/{event.slug}/registration/", follow=True)
    assert "You are not registered for this event." in text(response)
