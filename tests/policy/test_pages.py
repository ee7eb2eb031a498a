"""The public event pages: list with facets, an event page, the registration form, the
e-mail links, the feed and the recommendations."""

import html
import json
import re
from datetime import timedelta

import icalendar
import pytest
from django.core import mail, signing
from django.utils import timezone

from ecosystem.models import Region, Theme
from policy import permissions, services
from policy.models import Event, Outcome, Recommendation, Registration
from tests.factories import ActorFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def unescaped(response) -> str:
    return html.unescape(response.content.decode())


RS = Registration.Status
FORM = {
    "name": "Gitte Gæst",
    "email": "gitte@example.dk",
    "organisation": "Vejle Kommune",
    "role_title": "Byrådsmedlem",
    "is_decision_maker": "on",
    "decision_level": "municipal",
    "dietary_needs": "Vegetar",
    "consent": "on",
}


def json_ld(response) -> dict:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1))


def text(response) -> str:
    return response.content.decode()


# --- The list -----------------------------------------------------------------------------


def test_the_list_shows_upcoming_events_with_facet_counts(client):
    theme = Theme.objects.order_by("position").first()
    soon = EventFactory(title_en="Policy lab on loneliness", kind="policy_lab")
    soon.themes.add(theme)
    EventFactory(title_en="Webinar on social bonds", kind="webinar", online=True)
    EventFactory(title_en="A draft nobody sees", draft=True)
    EventFactory(title_en="Last year's roundtable", past=True)
    body = text(client.get("/en/events/"))
    assert "Policy lab on loneliness" in body and "Webinar on social bonds" in body
    assert "A draft nobody sees" not in body and "Last year's roundtable" not in body
    assert "Policy lab (1)" in body and "Webinar (1)" in body
    assert f"{theme.name_en} (1)" in body

    online = text(client.get("/en/events/?mode=online"))
    assert "Webinar on social bonds" in online and "Policy lab on loneliness" not in online
    region = Region.objects.get(municipalities__code="101")
    by_region = text(client.get(f"/en/events/?region={region.slug}"))
    assert "Policy lab on loneliness" in by_region and "Webinar on social bonds" not in by_region


def test_a_junk_filter_value_is_ignored_with_a_message(client):
    EventFactory(title_en="Policy lab on loneliness")
    response = client.get("/en/events/?kind=nonsense&region=atlantis")
    assert response.status_code == 200
    assert "Policy lab on loneliness" in text(response)
    assert "was not recognised" in text(response)


def test_past_events_show_their_outcome(client):
    event = EventFactory(title_en="Roundtable on housing", past=True)
    Outcome.objects.create(
        event=event,
        summary_en="Ten municipalities agreed to test housing first.",
        is_published=True,
    )
    body = text(client.get("/en/events/past/"))
    assert "Roundtable on housing" in body
    assert "Ten municipalities agreed" in body


# --- The event page ------------------------------------------------------------------------


def test_the_event_page_has_json_ld_and_no_online_link_for_the_public(client):
    organiser = ActorFactory(name="Aarhus Velfærdslab")
    event = EventFactory(title_en="Hybrid policy lab", online_url="https://meet.example.dk/x")
    event.organisers.add(organiser)
    response = client.get(f"/en/events/{event.slug}/")
    body = text(response)
    assert "meet.example.dk" not in body
    data = json_ld(response)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["organizer"][0]["name"] == "Aarhus Velfærdslab"
    assert data["location"][0]["address"]["addressLocality"]
    assert "meet.example.dk" not in json.dumps(data)
    assert "data-single-pin" in body
    assert "20" in body  # seats left


def test_a_confirmed_participant_sees_the_online_link_others_do_not(client):
    event = EventFactory(online=True)
    confirmed = UserFactory()
    waiting = UserFactory()
    RegistrationFactory(event=event, user=confirmed, email=confirmed.email)
    RegistrationFactory(event=event, user=waiting, email=waiting.email, waiting=True)
    client.force_login(waiting)
    assert "hemmeligt-rum" not in text(client.get(event.get_absolute_url()))
    client.force_login(confirmed)
    assert "hemmeligt-rum" in text(client.get(event.get_absolute_url()))


def test_a_cancelled_event_says_so(client):
    event = EventFactory(cancelled=True)
    response = client.get(f"/en/events/{event.slug}/")
    assert "This event has been cancelled." in text(response)
    assert json_ld(response)["eventStatus"] == "https://schema.org/EventCancelled"


def test_the_actor_page_lists_the_events_it_organises_or_co_hosts(client):
    actor = ActorFactory()
    organised = EventFactory(title_da="Vores rundbord", title_en="Vores rundbord")
    organised.organisers.add(actor)
    co_hosted = EventFactory(title_da="Fælles konference", title_en="Fælles konference")
    co_hosted.co_hosts.add(actor)
    EventFactory(title_da="Hemmelig kladde", title_en="Hemmelig kladde", draft=True).organisers.add(
        actor
    )
    body = text(client.get(f"/aktoerer/{actor.slug}/"))
    assert "Vores rundbord" in body and "Fælles konference" in body
    assert "Hemmelig kladde" not in body


# --- Registering ---------------------------------------------------------------------------


def test_a_guest_registers_confirms_by_link_and_cancels_by_link(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    url = f"/en/events/{event.slug}/register/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, FORM)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RS.UNCONFIRMED
    assert registration.language == "en"
    assert registration.is_decision_maker and registration.decision_level == "municipal"
    confirm_url = re.search(r"https?://\S+/confirm/\S+/", mail.outbox[0].body).group(0)
    path = confirm_url.split("testserver", 1)[-1].split("8000", 1)[-1]
    assert client.get(path).status_code == 200  # a page with a button, nothing changed
    registration.refresh_from_db()
    assert registration.status == RS.UNCONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    registration.refresh_from_db()
    assert registration.status == RS.CONFIRMED
    confirmation = mail.outbox[-1]
    assert confirmation.subject.startswith("You are registered")
    assert confirmation.attachments[0][2] == "text/calendar"
    cancel_path = "/" + re.search(r"/(en/)?events/\S+/cancel/\S+/", confirmation.body).group(
        0
    ).lstrip("/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_path)
    registration.refresh_from_db()
    assert registration.status == RS.CANCELLED


def test_a_tampered_or_foreign_link_changes_nothing(client):
    event = EventFactory()
    mine = RegistrationFactory(event=event)
    other_event = EventFactory()
    theirs = RegistrationFactory(event=other_event)
    token = permissions.make_link_token(mine, "cancel")
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    assert client.post(f"/arrangementer/{event.slug}/cancel/{tampered}/").status_code == 404
    # A valid link of another event's registration, put under this event's address.
    foreign = permissions.make_link_token(theirs, "cancel")
    assert client.post(f"/arrangementer/{event.slug}/cancel/{foreign}/").status_code == 404
    # A confirm link is not a cancel link.
    confirm = permissions.make_link_token(mine, "confirm")
    assert client.post(f"/arrangementer/{event.slug}/cancel/{confirm}/").status_code == 404
    forged = signing.dumps({"r": mine.pk, "p": "cancel", "e": mine.email}, salt="other")
    assert client.post(f"/arrangementer/{event.slug}/cancel/{forged}/").status_code == 404
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == theirs.status == RS.CONFIRMED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "not-an-address"}, "Enter a valid e-mail address"),
        ({"consent": ""}, "You must agree before you can register."),
        ({"decision_level": ""}, "Choose the level of government you work at."),
        ({"name": ""}, "Enter your name."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client, change, message):
    event = EventFactory()
    response = client.post(f"/en/events/{event.slug}/register/", {**FORM, **change})
    assert response.status_code == 400
    assert message in text(response)
    assert "Vejle Kommune" in text(response)
    assert not Registration.objects.exists()


def test_the_messages_are_in_danish_at_the_danish_address(client):
    event = EventFactory()
    response = client.post(f"/arrangementer/{event.slug}/register/", {**FORM, "email": "nope"})
    assert "Indtast en gyldig e-mailadresse" in text(response)


def test_registering_twice_closed_or_cancelled_say_why(client):
    event = EventFactory()
    client.post(f"/en/events/{event.slug}/register/", FORM)
    again = client.post(f"/en/events/{event.slug}/register/", FORM)
    assert "already registered" in text(again)
    closed = EventFactory(registration_closes=timezone.now() - timedelta(hours=1))
    assert "not open" in text(client.post(f"/en/events/{closed.slug}/register/", FORM))
    cancelled = EventFactory(cancelled=True)
    assert "cancelled" in text(client.post(f"/en/events/{cancelled.slug}/register/", FORM))
    assert Registration.objects.count() == 1


def test_beyond_capacity_one_joins_the_waiting_list(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    user = UserFactory()
    client.force_login(user)
    form = {k: v for k, v in FORM.items() if k != "email"}
    response = client.post(f"/en/events/{event.slug}/register/", form, follow=True)
    assert "waiting list" in text(response)
    assert Registration.objects.get(user=user).status == RS.WAITING


def test_a_logged_in_registrant_cancels_from_the_event_page(client):
    event = EventFactory()
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user, email=user.email)
    client.force_login(user)
    response = client.post(f"/en/events/{event.slug}/cancel/", follow=True)
    assert "Your registration is cancelled." in text(response)
    registration.refresh_from_db()
    assert registration.status == RS.CANCELLED


# --- Calendar files ---------------------------------------------------------------------------


def test_the_feed_is_valid_icalendar_with_stable_uids_and_rising_sequence(client):
    event = EventFactory(title_da="Rundbord i Vejle")
    cancelled = EventFactory(cancelled=True)
    EventFactory(draft=True)
    first = icalendar.Calendar.from_ical(client.get("/arrangementer/feed.ics").content)
    vevents = {str(e["UID"]): e for e in first.walk("VEVENT")}
    assert len(vevents) == 2
    assert first.walk("VTIMEZONE")[0]["TZID"] == "Europe/Copenhagen"
    original = vevents[f"event-{event.pk}@events.socialinnovation.dk"]
    assert str(original["SUMMARY"]) == "Rundbord i Vejle"
    assert original["DTSTART"].dt.tzinfo is not None
    assert str(vevents[f"event-{cancelled.pk}@events.socialinnovation.dk"]["STATUS"]) == "CANCELLED"

    event.refresh_from_db()
    event.title_da = "Rundbord i Vejle, flyttet"
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save()
    second = icalendar.Calendar.from_ical(client.get("/arrangementer/feed.ics").content)
    changed = {str(e["UID"]): e for e in second.walk("VEVENT")}[str(original["UID"])]
    assert int(changed["SEQUENCE"]) > int(original["SEQUENCE"])
    assert str(changed["SUMMARY"]) == "Rundbord i Vejle, flyttet"


def test_a_repeated_feed_request_gets_304(client):
    EventFactory()
    response = client.get("/arrangementer/feed.ics")
    again = client.get("/arrangementer/feed.ics", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert "creativecommons" in response["Link"]


def test_the_event_ics_parses(client):
    event = EventFactory()
    response = client.get(f"/arrangementer/{event.slug}/event.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 1
    assert response["Content-Type"].startswith("text/calendar")


# --- Recommendations ---------------------------------------------------------------------


def test_recommendations_list_across_events_with_facets(client):
    first = Outcome.objects.create(event=EventFactory(past=True), is_published=True)
    second = Outcome.objects.create(event=EventFactory(past=True), is_published=True)
    hidden = Outcome.objects.create(event=EventFactory(past=True), is_published=False)
    Recommendation.objects.create(
        outcome=first, title_en="Fund social bonds", level="national", status="adopted"
    )
    Recommendation.objects.create(
        outcome=second, title_en="Open the data", level="municipal", status="proposed"
    )
    Recommendation.objects.create(outcome=hidden, title_en="A secret draft", level="eu")
    body = text(client.get("/en/events/recommendations/"))
    assert "Fund social bonds" in body and "Open the data" in body
    assert "A secret draft" not in body
    assert "National (1)" in body and "Municipal (1)" in body
    adopted = text(client.get("/en/events/recommendations/?status=adopted"))
    assert "Fund social bonds" in adopted and "Open the data" not in adopted


def test_an_event_slug_cannot_take_a_fixed_address():
    from django.core.exceptions import ValidationError

    event = EventFactory.build(slug="recommendations")
    with pytest.raises(ValidationError):
        event.clean()


def test_cancelling_via_service_keeps_events_in_the_feed(client):
    manager = UserFactory(staff=True, groups=["event managers"])
    event = EventFactory()
    services.transition_event(event=event, action="cancel", by=manager)
    cal = icalendar.Calendar.from_ical(client.get("/arrangementer/feed.ics").content)
    assert [str(e["STATUS"]) for e in cal.walk("VEVENT")] == ["CANCELLED"]
    assert Event.objects.get().sequence >= 1


def test_the_event_page_and_list_say_how_to_attend(client):
    event = EventFactory(online_url="https://meet.example.dk/x", venue_name="")
    page = unescaped(client.get(f"/arrangementer/{event.slug}/"))
    assert "<dt>Deltagelse</dt><dd>Online</dd>" in page.replace("\n", "")
    assert "· Online" in unescaped(client.get("/arrangementer/"))
    assert "<dd>Online</dd>" in unescaped(client.get(f"/en/events/{event.slug}/")).replace("\n", "")


def test_the_programme_carries_the_language_the_event_is_held_in(client):
    event = EventFactory(language="da")
    event.agenda.create(time="09:00", title="Velkomst og præsentation")
    page = client.get(f"/en/events/{event.slug}/").content.decode()
    assert '<dl class="event-agenda" lang="da">' in page  # Danish words on an English page
