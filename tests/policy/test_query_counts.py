"""Each public event page runs a fixed number of queries, whatever the number of events
and registrations: the same budget holds with 10 and with 500 events."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from ecosystem.models import Municipality, Theme
from policy import models as policy_models
from policy.models import Event, Outcome, Recommendation, Registration
from tests.factories import ActorFactory
from tests.query_budgets import fetch_within, link_at_random

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    settings.PAGE_CACHE = False


@pytest.fixture(autouse=True)
def _one_minute(monkeypatch):
    """The lists' queries hold "now" to the minute, so that the facet counts cached by the
    first request serve the next ones in that minute. The cold and the warm request are
    made in one minute here, as they would be by two visitors a second apart; without
    this, a run that crossed a minute's boundary counted the facets twice."""
    minute = policy_models._this_minute()
    monkeypatch.setattr(policy_models, "_this_minute", lambda: minute)


# Page → the most queries it may run, cold cache then warm. A list: facet counts (1),
# taxonomy names (1), the page of results (1), a lookup per filter naming a row, and the
# facet cache (the database cache in tests: 1 read, more per write on a cold cache).
BUDGETS = {
    "upcoming": ("/en/events/", 12, 3),
    "upcoming filtered": ("/en/events/?region=hovedstaden&mode=in_person&kind=workshop", 14, 5),
    "past": ("/en/events/past/", 12, 3),
    "recommendations": ("/en/events/recommendations/?level=municipal", 12, 3),
    "feed": ("/arrangementer/feed.ics", 2, 2),
}


def make_events(count: int) -> list[Event]:
    rng = random.Random(count)
    municipalities = list(Municipality.objects.all())
    themes = list(Theme.objects.all())
    organiser = ActorFactory()
    now = timezone.now()
    events = []
    for number in range(count):
        municipality = rng.choice(municipalities)
        start = now + timedelta(days=rng.randint(-300, 300), hours=1)
        events.append(
            Event(
                title_da=f"Arrangement {number}",
                title_en=f"Event {number}",
                slug=f"arrangement-{number}",
                kind=rng.choice(Event.Kind.values),
                audience=rng.choice(Event.Audience.values),
                start=start,
                end=start + timedelta(hours=2),
                venue_name="Rådhuset",
                municipality=municipality,
                region_id=municipality.region_id,
                capacity=30,
                status=Event.Status.PUBLISHED,
            )
        )
    events = Event.objects.bulk_create(events)
    link_at_random(Event.themes, events, themes, 2, rng)
    Event.organisers.through.objects.bulk_create(
        Event.organisers.through(event=e, actor=organiser) for e in events
    )
    Registration.objects.bulk_create(
        Registration(
            event=e,
            name=f"Deltager {e.pk}-{n}",
            email=f"d{e.pk}-{n}@example.dk",
            status="confirmed",
        )
        for e in events
        for n in range(3)
    )
    for event in events[::2]:
        outcome = Outcome.objects.create(event=event, summary_da="Resultat", is_published=True)
        Recommendation.objects.create(
            outcome=outcome, title_da="Anbefaling", level="municipal", status="adopted"
        )
    return events


@pytest.fixture(params=[10, 500], ids=lambda n: f"{n}-events")
def events(request):
    return make_events(request.param)


@pytest.mark.parametrize("page", list(BUDGETS))
def test_public_pages_stay_within_their_query_budget(
    client, events, page, django_assert_max_num_queries
):
    path, cold, warm = BUDGETS[page]
    fetch_within(client, path, (cold, warm), django_assert_max_num_queries)


def test_an_event_page_with_many_speakers_and_registrations(
    client, events, django_assert_max_num_queries
):
    event = events[-1]
    for n in range(30):
        event.speakers.create(name=f"Oplægsholder {n}")
        event.agenda.create(time="10:00", title=f"Punkt {n}")
    with django_assert_max_num_queries(12):
        response = client.get(f"/en/events/{event.slug}/")
    assert response.status_code == 200
    assert response.content.decode().count("Oplægsholder ") == 30


def test_the_feed_holds_every_public_event(client, events):
    body = client.get("/arrangementer/feed.ics").content
    assert body.count(b"BEGIN:VEVENT") == len(events)
