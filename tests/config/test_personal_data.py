"""A person's own data: the export holds theirs and no one else's; deleting the account
keeps what organisations own, takes the name out of logs, and waits for a hand-over."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from ecosystem.models import Actor, ActorLogEntry, Invitation, JoinRequest, Membership, User
from pages.models import ContactMessage
from tests.config.personal_data import ACCOUNT_URL, DATA_URL, DELETE_URL, two_people
from tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    people = two_people(Membership.Role.OWNER)
    person, other = people["person"], people["other"]
    shared, elsewhere = people["shared"], people["elsewhere"]
    JoinRequest.objects.create(actor=elsewhere, user=person, message="Må jeg være med?")
    Invitation.objects.create(
        actor=shared, email="ny@example.dk", token="t" * 40, invited_by=person
    )
    ActorLogEntry.objects.create(
        actor=shared, user=person, action="edited", note="Rettede adressen"
    )
    ActorLogEntry.objects.create(
        actor=shared, user=other, action="member_added", changes={"member": "karen@example.dk"}
    )
    ActorLogEntry.objects.create(actor=elsewhere, user=other, action="edited", note="Oles note")
    ContactMessage.objects.create(
        topic="other", name="Karen", email="karen@example.dk", message="Karens spørgsmål"
    )
    ContactMessage.objects.create(
        topic="other", name="Ole", email="ole@example.dk", message="Oles eget spørgsmål"
    )
    return {"person": person, "other": other, "shared": shared, "elsewhere": elsewhere}


def test_the_export_holds_the_persons_data_and_no_one_elses(client, world):
    client.force_login(world["person"])
    response = client.get(DATA_URL)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "karen@example.dk"
    assert data["account"]["full_name"] == "Karen Jensen"
    assert data["account"]["email_addresses"][0]["email"] == "karen@example.dk"
    organisations = data["organisations"]
    assert [m["organisation"] for m in organisations["memberships"]] == ["Fælles Forening"]
    assert organisations["join_requests"][0]["message"] == "Må jeg være med?"
    assert organisations["invitations_sent"][0]["email"] == "ny@example.dk"
    assert [e["note"] for e in organisations["log_entries"]] == ["Rettede adressen"]
    assert [m["message"] for m in data["contact_messages"]] == ["Karens spørgsmål"]
    text = response.content.decode()
    for foreign in ("ole@example.dk", "Ole Olsen", "Oles note", "Oles eget spørgsmål"):
        assert foreign not in text


def test_the_export_and_deletion_need_a_login(client):
    assert client.get(DATA_URL).status_code == 302
    assert client.get(DELETE_URL).status_code == 302


def test_deleting_the_account_keeps_what_the_organisation_owns(client, world):
    person, shared = world["person"], world["shared"]
    client.force_login(person)
    assert client.get(DELETE_URL).status_code == 200
    response = client.post(DELETE_URL, {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(email="karen@example.dk").exists()
    shared.refresh_from_db()
    assert [m.user.email for m in shared.memberships.all()] == ["ole@example.dk"]
    log = list(shared.log_entries.order_by("created_at"))
    assert len(log) == 2  # the history stays, without the person
    assert log[0].user is None and log[0].note == "Rettede adressen"
    assert log[1].changes == {"member": "(deleted account)"}
    assert "karen@example.dk" not in json.dumps([entry.changes for entry in log])
    invitation = Invitation.objects.get(email="ny@example.dk")
    assert invitation.invited_by is None
    assert not ContactMessage.objects.filter(email="karen@example.dk").exists()
    assert ContactMessage.objects.filter(email="ole@example.dk").exists()
    # Logged out: the account page now asks to log in.
    assert client.get(ACCOUNT_URL).status_code == 302


def test_a_wrong_password_deletes_nothing(client, world):
    client.force_login(world["person"])
    response = client.post(DELETE_URL, {"password": "wrong"})
    assert response.status_code == 200
    assert "Adgangskoden er ikke korrekt." in response.content.decode()
    assert User.objects.filter(email="karen@example.dk").exists()


def test_the_sole_owner_deletes_the_account_and_archives_the_organisation(client, world):
    """The right to erasure holds for the last owner too (19.9): "Fjern" asked, then
    refused. Now the page asks what becomes of the organisation, and the account goes."""
    other = world["other"]  # the only owner of Oles Egen Virksomhed, which has no members
    client.force_login(other)
    page = client.get(DELETE_URL).content.decode()
    assert "Din konto kan ikke slettes endnu" not in page
    assert "Hvad skal der ske med Oles Egen Virksomhed?" in page
    assert 'name="password"' in page
    # Without a choice, nothing happens and the page says why.
    response = client.post(DELETE_URL, {"password": PASSWORD})
    assert response.status_code == 200
    assert "Vælg, hvad der skal ske med organisationen." in response.content.decode()
    assert User.objects.filter(pk=other.pk).exists()
    field = f"organisation_{world['elsewhere'].pk}"
    response = client.post(DELETE_URL, {"password": PASSWORD, field: "archive"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=other.pk).exists()
    elsewhere = Actor.objects.get(pk=world["elsewhere"].pk)
    assert elsewhere.status == Actor.Status.ARCHIVED
    assert elsewhere.log_entries.filter(note="Oles note").exists()
    assert elsewhere.log_entries.filter(action="archived", user=None).exists()
    # The organisation shared with another owner keeps that owner.
    assert world["shared"].memberships.filter(role=Membership.Role.OWNER).count() == 1


def test_the_sole_owner_hands_the_organisation_over_to_a_member(client, world):
    other = world["other"]
    colleague = UserFactory(full_name="Mette Madsen")
    MembershipFactory(user=colleague, actor=world["elsewhere"], role=Membership.Role.EDITOR)
    client.force_login(other)
    page = client.get(DELETE_URL).content.decode()
    assert "Overdrag den til Mette Madsen" in page
    field = f"organisation_{world['elsewhere'].pk}"
    # A person who is no member cannot be chosen.
    stranger = UserFactory()
    response = client.post(DELETE_URL, {"password": PASSWORD, field: str(stranger.pk)})
    assert response.status_code == 200 and User.objects.filter(pk=other.pk).exists()
    # A wrong password hands nothing over.
    client.post(DELETE_URL, {"password": "wrong", field: str(colleague.pk)})
    assert not world["elsewhere"].memberships.filter(user=colleague, role="owner").exists()
    response = client.post(DELETE_URL, {"password": PASSWORD, field: str(colleague.pk)})
    assert response.status_code == 302
    assert not User.objects.filter(pk=other.pk).exists()
    elsewhere = Actor.objects.get(pk=world["elsewhere"].pk)
    assert elsewhere.status == Actor.Status.PUBLISHED
    assert elsewhere.memberships.get().user == colleague
    assert elsewhere.memberships.get().role == Membership.Role.OWNER


def test_the_account_page_shows_my_organisations_and_the_data_links(client, world):
    client.force_login(world["person"])
    html = client.get(ACCOUNT_URL).content.decode()
    assert "Mine organisationer" in html and "Fælles Forening" in html
    assert DATA_URL in html and DELETE_URL in html


def test_a_member_lands_on_my_organisations_after_logging_in(client, world):
    response = client.post(
        "/en/accounts/login/", {"login": "karen@example.dk", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/actors/mine/"


def test_someone_without_an_organisation_lands_on_the_account_page(client):
    UserFactory(email="alone@example.dk")
    response = client.post(
        "/en/accounts/login/", {"login": "alone@example.dk", "password": PASSWORD}
    )
    assert response["Location"] == "/en/accounts/profile/"


@pytest.fixture
def english():
    """The English pages: addresses from reverse() are the /en/ ones."""
    with translation.override("en"):
        yield


def test_a_non_member_is_offered_to_ask_to_join_on_the_actor_page(client, world, english):
    stranger = UserFactory()
    client.force_login(stranger)
    html = client.get(world["shared"].get_absolute_url()).content.decode()
    assert "Is this your organisation?" in html
    assert reverse("ecosystem:actor_join", kwargs={"slug": world["shared"].slug}) in html
    client.force_login(world["person"])  # a member: no offer
    assert (
        "Is this your organisation?"
        not in client.get(world["shared"].get_absolute_url()).content.decode()
    )


def test_register_followed_while_logged_out_explains_why_to_log_in(client, english):
    response = client.get(reverse("ecosystem:register"), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert "To register your organisation, log in or create an account first" in html


@pytest.mark.parametrize(
    ("url", "wrong", "right"),
    [
        ("/accounts/login/", "Password", "Adgangskode"),
        ("/accounts/password/reset/", "password", "adgangskode"),
        ("/accounts/signup/", "Emailadresse", "E-mail"),
        ("/en/accounts/login/", "Sign In", "Sign in"),
        ("/en/accounts/signup/", "Sign Up", "Sign up"),
    ],
)
def test_account_pages_use_the_portals_wording(client, url, wrong, right):
    html = client.get(url).content.decode().split("<main", 1)[1]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert right in text
    assert wrong not in text
