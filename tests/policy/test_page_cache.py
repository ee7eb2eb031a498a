"""The public event pages come from the page cache and are never stale after a change."""

import gzip

import pytest

from policy import permissions, services
from policy.models import Outcome
from tests.factories import ActorFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response, body.decode()


@pytest.fixture
def manager():
    return UserFactory(staff=True, groups=["event managers"])


def test_a_repeated_anonymous_request_comes_from_the_cache(client):
    EventFactory(title_en="Policy lab in Vejle")
    assert fetch(client, "/en/events/")[0]["X-Page-Cache"] == "miss"
    response, body = fetch(client, "/en/events/")
    assert response["X-Page-Cache"] == "hit" and "Policy lab in Vejle" in body


@pytest.mark.parametrize("page", ["list", "feed", "actor page"])
def test_publishing_and_cancelling_show_on_the_next_request(client, manager, page):
    actor = ActorFactory()
    event = EventFactory(title_da="Nyt policylab", draft=True)
    event.organisers.add(actor)
    url = {
        "list": "/arrangementer/",
        "feed": "/arrangementer/feed.ics",
        "actor page": f"/aktoerer/{actor.slug}/",
    }[page]
    assert "Nyt policylab" not in fetch(client, url)[1]
    fetch(client, url)
    services.transition_event(event=event, action="publish", by=manager)
    assert "Nyt policylab" in fetch(client, url)[1]
    services.transition_event(event=event, action="cancel", by=manager)
    body = fetch(client, url)[1]
    if page == "feed":
        assert "STATUS:CANCELLED" in body
    elif page == "list":
        assert "Aflyst" in body


def test_the_event_page_follows_registrations_and_cancellation(client, manager):
    event = EventFactory(capacity=2)
    url = f"/en/events/{event.slug}/"
    fetch(client, url)
    assert fetch(client, url)[0]["X-Page-Cache"] == "hit"
    registration = RegistrationFactory(event=event)
    assert '<dd class="event-seats-left">1</dd>' in fetch(client, url)[1]
    services.cancel_registration(
        registration=registration, by=permissions.LinkHolder(registration.pk)
    )
    assert '<dd class="event-seats-left">2</dd>' in fetch(client, url)[1]
    services.transition_event(event=event, action="cancel", by=manager)
    assert "This event has been cancelled." in fetch(client, url)[1]


def test_a_published_outcome_shows_at_once(client):
    event = EventFactory(past=True, title_da="Rundbord om bolig")
    outcome = Outcome.objects.create(event=event, summary_da="Ti kommuner tester Housing First.")
    assert "Ti kommuner" not in fetch(client, "/arrangementer/past/")[1]
    outcome.is_published = True
    outcome.save()
    assert "Ti kommuner" in fetch(client, "/arrangementer/past/")[1]


def test_the_registration_form_is_never_stored(client):
    event = EventFactory()
    url = f"/arrangementer/{event.slug}/register/"
    first = client.get(url)
    second = client.get(url)
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert b"csrfmiddlewaretoken" in second.content
