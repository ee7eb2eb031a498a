"""Every path of the registration workflow answers a page, never a 500 (issue 16,
finding 7: the confirm link after cancelling raised KeyError: 'cancelled').

The table: each state a registration can be in × each link or button a registrant has,
on an event still to come, one that is over and one that is cancelled."""

from datetime import timedelta

import pytest
from django.utils import timezone

from policy import permissions
from policy.models import Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

RS = Registration.Status
ACTIONS = ["GET confirm", "POST confirm", "GET cancel", "POST cancel", "POST cancel_own"]
EVENTS = ["upcoming", "over", "cancelled"]


def _event(kind: str):
    if kind == "over":
        start = timezone.now().replace(microsecond=0) - timedelta(days=2)
        return EventFactory(start=start, end=start + timedelta(hours=3))
    return EventFactory(status="cancelled" if kind == "cancelled" else "published")


@pytest.mark.parametrize("event_kind", EVENTS)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("status", [s.value for s in RS])
def test_every_link_in_every_state_answers_a_page(client, status, action, event_kind):
    user = UserFactory()
    registration = RegistrationFactory(event=_event(event_kind), user=user, email=user.email)
    Registration.objects.filter(pk=registration.pk).update(status=status)
    event = registration.event
    method, purpose = action.split()
    if purpose == "cancel_own":
        client.force_login(user)
        url = f"/en/events/{event.slug}/cancel/"
    else:
        token = permissions.make_link_token(registration, purpose)
        url = f"/en/events/{event.slug}/{purpose}/{token}/"
    response = client.get(url) if method == "GET" else client.post(url)
    assert response.status_code in (200, 302, 404)
    if response.status_code == 302:
        page = client.get(response["Location"], follow=True)
        assert page.status_code in (200, 404)


def test_confirm_after_cancel_says_the_registration_is_cancelled(client):
    registration = RegistrationFactory(unconfirmed=True)
    event = registration.event
    cancel = permissions.make_link_token(registration, "cancel")
    confirm = permissions.make_link_token(registration, "confirm")
    client.post(f"/en/events/{event.slug}/cancel/{cancel}/")
    response = client.post(f"/en/events/{event.slug}/confirm/{confirm}/", follow=True)
    assert response.status_code == 200
    assert "This registration is cancelled" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RS.CANCELLED


def test_cancel_twice_says_so(client):
    registration = RegistrationFactory()
    event = registration.event
    cancel = permissions.make_link_token(registration, "cancel")
    client.post(f"/en/events/{event.slug}/cancel/{cancel}/")
    response = client.post(f"/en/events/{event.slug}/cancel/{cancel}/", follow=True)
    assert response.status_code == 200
    assert "cannot be cancelled" in response.content.decode()
