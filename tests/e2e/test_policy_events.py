"""Events in a real browser: a visitor registers as a guest, confirms and cancels with the
links in the e-mails, and the first on the waiting list is promoted and told; axe on the
event pages in both languages."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from policy.models import Outcome, Recommendation, Registration
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import address
from tests.factories import ActorFactory, EventFactory, RegistrationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RS = Registration.Status


def path_of(link_pattern: str, body: str) -> str:
    return re.search(r"https?://[^/\s]+(/\S*" + link_pattern + r"\S+/)", body).group(1)


def test_a_guest_registers_confirms_cancels_and_the_first_in_line_is_promoted(page):
    event = EventFactory(title_da="Netværksmøde om ensomhed", capacity=1)
    # One seat: the guest takes it once the address is confirmed.
    page.goto(page.base_url + f"/arrangementer/{event.slug}/")
    page.get_by_role("link", name="Tilmeld dig").click()
    page.get_by_label("Navn").fill("Gitte Gæst")
    page.get_by_label("E-mailadresse").fill("gitte@example.dk")
    page.get_by_label("Organisation").fill("Vejle Kommune")
    page.get_by_label("Jeg accepterer").check()
    page.get_by_role("button", name="Tilmeld dig").click()
    expect(page.locator("body")).to_contain_text("Næsten færdig")
    guest = Registration.objects.get(email="gitte@example.dk")
    assert guest.status == RS.UNCONFIRMED

    page.goto(page.base_url + path_of("/confirm/", mail.outbox[-1].body))
    page.get_by_role("button", name="Bekræft min tilmelding").click()
    expect(page.locator("body")).to_contain_text("Du er tilmeldt")
    guest.refresh_from_db()
    assert guest.status == RS.CONFIRMED
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["gitte@example.dk"]
    assert confirmation.attachments[0][0].endswith(".ics")

    # The event is full now: the next person waits.
    waiting = RegistrationFactory(event=event, waiting=True, email="venter@example.dk")
    page.goto(page.base_url + path_of("/cancel/", confirmation.body))
    page.get_by_role("button", name="Afmeld mig").click()
    expect(page.locator("body")).to_contain_text("Du er afmeldt")
    guest.refresh_from_db()
    waiting.refresh_from_db()
    assert (guest.status, waiting.status) == (RS.CANCELLED, RS.CONFIRMED)
    told = [m for m in mail.outbox if m.to == ["venter@example.dk"]]
    assert told and "ledig plads" in told[-1].subject


@pytest.fixture
def events():
    organiser = ActorFactory(name="Aarhus Velfærdslab")
    event = EventFactory(title_da="Policylab om ensomhed", title_en="Policy lab on loneliness")
    event.organisers.add(organiser)
    event.agenda.create(time="09:00", title="Velkomst")
    event.speakers.create(name="Mette Frank", title="Centerchef")
    past = EventFactory(past=True, title_da="Rundbord om bolig", title_en="Roundtable on housing")
    outcome = Outcome.objects.create(event=past, summary_da="Resultat", is_published=True)
    Recommendation.objects.create(
        outcome=outcome, title_da="Housing First i alle kommuner", level="municipal"
    )
    return {"event": event}


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    "kind", ["list", "past", "event", "register", "register errors", "recommendations"]
)
def test_event_pages_are_accessible(page, events, prefix, kind):
    slug = events["event"].slug
    path = {
        "list": "/arrangementer/",
        "past": "/arrangementer/past/",
        "event": f"/arrangementer/{slug}/",
        "register": f"/arrangementer/{slug}/register/",
        "register errors": f"/arrangementer/{slug}/register/",
        "recommendations": "/arrangementer/recommendations/",
    }[kind]
    page.goto(page.base_url + address(prefix, path))
    if kind == "register errors":
        page.locator("form.registration-form button[type=submit]").click()
        expect(page.locator(".form-error").first).to_be_visible()
    assert_accessible(page)
