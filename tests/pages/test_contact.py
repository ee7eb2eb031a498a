"""The contact form: each topic reaches its staff group, the sender gets a receipt, spam
is turned away, and staff answer from the admin."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from ecosystem import staff
from pages.models import ContactMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=False)

# The Danish address: the receipt follows the language of the page the form was sent from.
CONTACT_URL = "/kontakt/"

FORM = {
    "name": "Karen Jensen",
    "email": "karen@example.dk",
    "organisation": "Aarhus Kommune",
    "message": "Hvordan søger vi om validering?",
    "website": "",
}


@pytest.fixture
def staff_members():
    return {
        group: UserFactory(email=f"{group.replace(' ', '-')}@centre.dk", groups=[group])
        for group in staff.STAFF_GROUPS
    }


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("validation", "validators@centre.dk"),
        ("events", "event-managers@centre.dk"),
        ("actor_map", "moderators@centre.dk"),
        ("resources", "editors@centre.dk"),
        ("partnership", "kontakt@socialinnovation.dk"),
        ("press", "kontakt@socialinnovation.dk"),
        ("other", "kontakt@socialinnovation.dk"),
    ],
)
def test_each_topic_reaches_its_staff_group_and_the_sender_gets_a_receipt(
    client, staff_members, settings, django_capture_on_commit_callbacks, topic, expected
):
    settings.CONTACT_EMAIL = "kontakt@socialinnovation.dk"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONTACT_URL, {**FORM, "topic": topic})
    assert response.status_code == 302
    stored = ContactMessage.objects.get()
    assert (stored.topic, stored.status, stored.email) == (topic, "new", "karen@example.dk")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([expected, "karen@example.dk"])
    receipt = next(m for m in mail.outbox if m.to == ["karen@example.dk"])
    assert receipt.subject == "Vi har modtaget din henvendelse"
    to_staff = next(m for m in mail.outbox if m.to == [expected])
    assert "Hvordan søger vi om validering?" in to_staff.body


def test_a_group_nobody_is_in_yet_falls_back_to_the_centres_address(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_EMAIL = "kontakt@socialinnovation.dk"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONTACT_URL, {**FORM, "topic": "events"})
    assert "kontakt@socialinnovation.dk" in [m.to[0] for m in mail.outbox]


def test_the_honeypot_stores_and_sends_nothing_but_looks_the_same(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONTACT_URL, {**FORM, "topic": "other", "website": "http://spam"})
    assert response.status_code == 302
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_the_rate_limit_counts_per_address(client, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "contact": "100/h/ip,2/h/key"}
    for _ in range(2):
        assert client.post(CONTACT_URL, {**FORM, "topic": "other"}).status_code == 302
    assert client.post(CONTACT_URL, {**FORM, "topic": "other"}).status_code == 429
    other = {**FORM, "topic": "other", "email": "someone-else@example.dk"}
    assert client.post(CONTACT_URL, other).status_code == 302


def test_the_rate_limit_counts_per_client_address_behind_the_trusted_proxy(client, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "contact": "2/h/ip,100/h/key"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(2):
        data = {**FORM, "topic": "other", "email": f"p{n}@example.dk"}
        response = client.post(CONTACT_URL, data, HTTP_X_FORWARDED_FOR="192.0.2.1")
        assert response.status_code == 302
    data = {**FORM, "topic": "other", "email": "p9@example.dk"}
    assert client.post(CONTACT_URL, data, HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429
    assert client.post(CONTACT_URL, data, HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 302


def test_a_bad_form_keeps_what_was_typed_and_says_what_is_wrong(client):
    response = client.post(CONTACT_URL, {**FORM, "topic": "other", "email": "nope"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and "Hvordan søger vi om validering?" in html
    assert not ContactMessage.objects.exists()


def test_a_message_over_the_limit_is_refused_by_the_form(client):
    response = client.post(CONTACT_URL, {**FORM, "topic": "other", "message": "x" * 5001})
    assert response.status_code == 200
    assert not ContactMessage.objects.exists()


def test_staff_answer_from_the_admin_and_the_sender_gets_the_reply(
    client, django_capture_on_commit_callbacks
):
    validator = UserFactory(staff_mfa=True, groups=[staff.VALIDATORS])
    message = ContactMessage.objects.create(
        topic="validation", name="Karen", email="karen@example.dk", message="Hej", language="en"
    )
    press = ContactMessage.objects.create(
        topic="press", name="Journalist", email="j@example.dk", message="Hej"
    )
    client.force_login(validator)
    changelist = client.get(reverse("admin:pages_contactmessage_changelist"))
    assert changelist.status_code == 200
    assert "karen@example.dk" in changelist.content.decode()
    assert "j@example.dk" not in changelist.content.decode()  # not routed to validators
    url = reverse("admin:pages_contactmessage_change", args=[message.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reply": "Send us the form by Friday."})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == "answered" and message.answered_by == validator
    assert [m.to for m in mail.outbox] == [["karen@example.dk"]]
    assert mail.outbox[0].subject == "Answer to your message"
    assert "Send us the form by Friday." in mail.outbox[0].body
    press_url = reverse("admin:pages_contactmessage_change", args=[press.pk])
    assert client.get(press_url).status_code == 302  # another group's topic: not found


def test_a_double_submitted_form_stores_one_message_and_sends_its_mails_once(
    client, django_capture_on_commit_callbacks
):
    page = client.get(CONTACT_URL).content.decode()
    token = re.search(r'name="submission" value="([0-9a-f-]{36})"', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(CONTACT_URL, {**FORM, "topic": "other", "submission": token})
        second = client.post(CONTACT_URL, {**FORM, "topic": "other", "submission": token})
    assert first.status_code == second.status_code == 302
    assert ContactMessage.objects.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == [
        "karen@example.dk",
        "kontakt@socialinnovation.dk",
    ]
    # Another form (another token) is another message.
    another = client.get(CONTACT_URL).content.decode()
    assert token not in another
