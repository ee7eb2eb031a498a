"""The weekly digest: the right calls to the right members, once per week, in their
language, with an unsubscribe link that works logged out."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from common import personal_data
from ecosystem.models import Actor, Theme
from funding import services
from funding.models import FundingAlert
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.funding.factories import FundingAlertFactory, FundingOpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    employment = Theme.objects.get(slug="access-to-employment")
    actor = ActorFactory(name="Café Fællesskab", kind=Actor.Kind.SOCIAL_ENTERPRISE)
    actor.themes.set([employment])
    user = UserFactory(email="anna@example.dk")
    MembershipFactory(user=user, actor=actor)
    alert = FundingAlertFactory(user=user, actor=actor, language="da")
    FundingAlert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - timedelta(days=7))
    return alert


def _call(title, **kwargs):
    return FundingOpportunityFactory(title_da=title, title_en=title + " (en)", **kwargs)


def test_selects_the_calls_that_fit(member, django_capture_on_commit_callbacks):
    employment = Theme.objects.get(slug="access-to-employment")
    education = Theme.objects.get(slug="lifelong-learning")
    _call("Passer: tema og type", themes=[employment])
    _call("Passer: intet tema")
    _call("Forkert tema", themes=[education])
    _call("Forkert type", eligible_kinds=[Actor.Kind.MUNICIPALITY])
    _call("Udløbet", deadline_days=-1)
    _call("Kladde", draft=True)
    old = _call("Før abonnementet")
    old.__class__.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=30))

    with django_capture_on_commit_callbacks(execute=True):
        report = services.send_digests()

    assert report.sent == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.dk"]
    assert message.subject == "2 nye opslag til Café Fællesskab"
    assert "Passer: tema og type" in message.body and "Passer: intet tema" in message.body
    for title in ("Forkert tema", "Forkert type", "Udløbet", "Kladde", "Før abonnementet"):
        assert title not in message.body


def test_sends_once_per_period(member, django_capture_on_commit_callbacks):
    _call("Første opslag")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_funding_digest", stdout=open("/dev/null", "w"))
    _call("Andet opslag samme uge")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_funding_digest", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    member.refresh_from_db()
    assert member.last_sent_period == services.period(timezone.now())

    # Next week the second call comes, and only it.
    next_week = timezone.now() + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests(now=next_week)
    assert len(mail.outbox) == 2
    assert "Andet opslag samme uge" in mail.outbox[1].body
    assert "Første opslag" not in mail.outbox[1].body


def test_in_the_members_language(member, django_capture_on_commit_callbacks):
    FundingAlert.objects.filter(pk=member.pk).update(language="en")
    _call("Tilskud")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests()
    message = mail.outbox[0]
    assert message.subject == "1 new funding call for Café Fællesskab"
    assert "Tilskud (en)" in message.body
    assert "/en/funding/" in message.body


def test_the_language_chosen_on_the_account_page_wins(member, django_capture_on_commit_callbacks):
    """Subscribed on a Danish page, but English chosen on the account page since: English."""
    member.user.language = "en"
    member.user.save(update_fields=["language"])
    _call("Tilskud")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests()
    assert mail.outbox[0].subject == "1 new funding call for Café Fællesskab"
    assert "/en/funding/" in mail.outbox[0].body


def test_nothing_new_sends_nothing(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.send_digests()
    assert report.sent == 0 and not mail.outbox


def test_a_former_member_gets_nothing(member, django_capture_on_commit_callbacks):
    member.actor.memberships.all().delete()
    _call("Tilskud")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests()
    assert not mail.outbox


def test_the_mails_link_unsubscribes_logged_out(member, client, django_capture_on_commit_callbacks):
    _call("Tilskud")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests()
    link = re.search(r"http://\S+/unsubscribe/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert "Vil du stoppe den ugentlige e-mail" in page.content.decode()
    assert FundingAlert.objects.filter(pk=member.pk).exists()  # a GET changes nothing
    done = client.post("/" + path)
    assert "Du får ikke længere beskeder om nye opslag" in done.content.decode()
    assert not FundingAlert.objects.filter(pk=member.pk).exists()
    # Used again: a friendly page, not an error.
    again = client.post("/" + path)
    assert again.status_code == 400
    assert "Linket virker ikke" in again.content.decode()


def test_subscribe_page(client):
    user = UserFactory()
    actor = MembershipFactory(user=user, actor=ActorFactory(name="Foreningen Åben Dør")).actor
    client.force_login(user)
    page = client.get("/en/funding/alerts/")
    assert "Foreningen Åben Dør" in page.content.decode()
    response = client.post("/en/funding/alerts/", {"actor": actor.pk}, follow=True)
    assert (
        "weekly e-mail with new funding calls for Foreningen Åben Dør" in response.content.decode()
    )
    alert = FundingAlert.objects.get(user=user)
    assert alert.language == "en"
    # Subscribed already: the form is gone, and a second post says so.
    again = client.get("/en/funding/alerts/").content.decode()
    assert "You get alerts for every organisation you are a member of." in again
    repeated = client.post("/en/funding/alerts/", {"actor": actor.pk}, follow=True)
    assert repeated.status_code == 200
    assert (
        "You are already subscribed to funding calls for Foreningen Åben Dør."
        in repeated.content.decode()
    )
    assert FundingAlert.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("value", ["", "abc", "999999", "<b>1</b>", "1" * 300])
def test_bad_input_on_the_subscription_form(client, value):
    user = UserFactory()
    MembershipFactory(user=user)
    client.force_login(user)
    response = client.post("/finansiering/alerts/", {"actor": value})
    assert response.status_code == 400
    assert "Vælg en af de organisationer, du er medlem af." in response.content.decode()
    assert not FundingAlert.objects.exists()


def test_personal_data_export_and_erase(member):
    exported = personal_data.export(member.user)["funding_alerts"]
    assert exported[0]["organisation"] == "Café Fællesskab"
    personal_data.parts()  # registered from FundingConfig.ready()
    part = next(p for p in personal_data.parts() if p.name == "funding_alerts")
    part.erase(member.user)
    assert not FundingAlert.objects.exists()


def test_account_page_shows_the_alerts(client, member):
    client.force_login(member.user)
    page = client.get("/accounts/profile/").content.decode()
    assert "Besked om nye opslag" in page
    assert "Café Fællesskab" in page
    assert 'href="/finansiering/alerts/"' in page
