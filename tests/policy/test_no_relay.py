"""The portal's sender is no relay for strangers (issue 16, finding 3): guest registration
is rate-limited per client and per address, the mails repeat nothing a stranger typed but a
plain name, and the public forms catch robots by a honeypot and a time check."""

import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail_at_once(monkeypatch):
    """The mails go out as each request's transaction commits."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())


FORM = {
    "name": "Gitte Gæst",
    "organisation": "Vejle Kommune",
    "consent": "on",
}


def register(client, event, **values):
    return client.post(f"/en/events/{event.slug}/register/", {**FORM, **values})


def test_thirty_guest_registrations_from_one_client_are_limited():
    event = EventFactory(capacity=100)
    client = Client()
    answers = [
        register(client, event, email=f"stranger{n}@example.com").status_code for n in range(30)
    ]
    assert answers.count(429) >= 10
    assert len(mail.outbox) <= 20


def test_registrations_to_one_address_from_many_clients_are_limited(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    events = [EventFactory(capacity=100) for _ in range(8)]
    answers = [
        register(
            Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"),
            event,
            email="victim@example.com",
        ).status_code
        for n, event in enumerate(events)
    ]
    assert 429 in answers
    assert len(mail.outbox) <= 5


def test_a_name_that_is_a_web_address_is_refused_and_nothing_is_mailed():
    event = EventFactory()
    response = register(Client(), event, name="Visit https://evil.example/win now", email="a@b.dk")
    assert response.status_code == 400
    assert "Write only your name" in response.content.decode()
    assert not mail.outbox


def test_the_html_part_links_only_the_portals_own_addresses(client, settings):
    event = EventFactory()
    register(client, event, name="Gitte Gæst", email="gitte@example.dk")
    html = mail.outbox[0].alternatives[0][0]
    links = re.findall(r'<a href="([^"]+)"', html)
    assert links
    assert all(link.startswith(settings.SITE_URL + "/") for link in links)


def test_a_typed_address_in_a_stored_name_never_becomes_a_link():
    from common.mail import html_body

    html = html_body("Kære Visit https://evil.example/win now\n\nhttps://evil.example")
    assert "<a " not in html
    assert "https://evil.example/win now" in html


def test_the_contact_receipt_does_not_repeat_the_message(client):
    client.post(
        "/en/contact/",
        {
            "topic": "other",
            "name": "Gitte Gæst",
            "email": "gitte@example.dk",
            "message": "Buy cheap pills at https://evil.example",
        },
    )
    receipt = [m for m in mail.outbox if m.to == ["gitte@example.dk"]]
    assert len(receipt) == 1
    assert "evil.example" not in receipt[0].body


@pytest.mark.parametrize("url", ["/en/contact/", "event"])
def test_the_public_forms_catch_a_robot_by_the_honeypot_and_the_time(client, settings, url):
    settings.HUMAN_CHECK_MIN_SECONDS = 3
    if url == "event":
        url = f"/en/events/{EventFactory().slug}/register/"
    page = client.get(url).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    data = {
        **FORM,
        "topic": "other",
        "email": "robot@example.com",
        "message": "Hello",
        "started": started,
    }
    too_fast = client.post(url, data)
    honeypot = client.post(url, {**data, "website": "http://spam.example", "started": ""})
    assert too_fast.status_code == honeypot.status_code == 302
    assert not mail.outbox
