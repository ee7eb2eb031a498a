"""Registering and editing an organisation through the pages, with good and bad input."""

import html

import pytest
from django.core import mail

from ecosystem.forms import ActorForm
from ecosystem.models import Actor, ActorLogEntry, Membership, Municipality
from tests.ecosystem.join_data import OTHER_VALID_CVR, VALID_CVR, actor_data
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/en/actors/register/"


@pytest.fixture
def member(client):
    user = UserFactory(email="karen@example.dk", full_name="Karen Jensen")
    client.force_login(user)
    return user


def errors_of(response) -> str:
    return html.unescape(response.content.decode())


def test_registering_needs_an_account(client):
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_the_form_in_both_languages(client, member):
    for url, lang in ((REGISTER, "en"), ("/aktoerer/register/", "da")):
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in page
        assert 'id="municipality-centres"' in page and "novalidate" in page
    assert "Register your organisation" in client.get(REGISTER).content.decode()


def test_a_valid_registration_is_saved_as_pending_and_owned(client, member):
    UserFactory(email="mod@example.dk", staff=True, groups=["moderators"])
    with_commit = client.post(REGISTER, actor_data(themes=[]), follow=True)
    page = with_commit.content.decode()
    assert "has been sent for review" in page
    actor = Actor.objects.get()
    aarhus = Municipality.objects.get(code="751")
    assert actor.status == Actor.Status.PENDING
    assert actor.memberships.get().user == member
    assert actor.memberships.get().role == Membership.Role.OWNER
    assert (actor.region, actor.latitude, actor.longitude) == (
        aarhus.region,
        aarhus.latitude,
        aarhus.longitude,
    )
    assert actor.cvr == VALID_CVR and actor.slug == "groen-omstilling-aarhus"
    assert "Grøn Omstilling Aarhus" in page  # listed on "My organisations"


def test_typed_coordinates_with_a_danish_comma_are_kept(client, member):
    client.post(REGISTER, actor_data(latitude="56,1572", longitude="10,2107"))
    actor = Actor.objects.get()
    assert (actor.latitude, actor.longitude) == (56.1572, 10.2107)


def test_a_cvr_with_spaces_is_stored_compact(client, member):
    client.post(REGISTER, actor_data(cvr="DK 13 58 56 28"))
    assert Actor.objects.get().cvr == VALID_CVR


def test_a_partner_abroad_has_no_municipality_region_or_pin(client, member):
    response = client.post(
        REGISTER, actor_data(country="BE", municipality="", postcode="1000", cvr="")
    )
    assert response.status_code == 302
    actor = Actor.objects.get()
    assert (actor.country.code, actor.municipality, actor.region) == ("BE", None, None)
    assert actor.latitude is None


BAD_INPUT = [
    ({"cvr": "13585627"}, "the check digit does not match"),
    ({"cvr": "1234"}, "exactly 8 digits"),
    ({"postcode": "80000"}, "exactly 4 digits"),
    ({"postcode": "8OOO"}, "exactly 4 digits"),
    ({"latitude": "59.9", "longitude": "10.7"}, "is outside Denmark"),  # Oslo
    ({"latitude": "55.6", "longitude": "16.0"}, "is outside Denmark"),
    ({"latitude": "55.6", "longitude": ""}, "Give both latitude and longitude"),
    ({"latitude": "north", "longitude": "10"}, "Enter a number"),
    ({"latitude": "91", "longitude": "10"}, "less than or equal to 90"),
    ({"municipality": ""}, "Choose the municipality"),
    ({"country": "BE"}, "only for organisations in Denmark"),
    ({"short_description_da": ""}, "Write a short description in Danish or in English"),
    ({"founded_year": "2999"}, "cannot be in the future"),
    ({"founded_year": "999"}, "greater than or equal to 1000"),
    ({"website": "not a site"}, "Enter a valid URL"),
    ({"email": "kontakt@"}, "Enter a valid email address"),
    ({"phone": "call us"}, "Enter a phone number with digits"),
    ({"name": ""}, "This field is required"),
    ({"kind": "spaceship"}, "Select a valid choice"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD_INPUT)
def test_bad_input_says_what_is_wrong_keeps_what_was_typed_and_saves_nothing(
    client, member, overrides, message
):
    data = actor_data(**overrides)
    response = client.post(REGISTER, data)
    page = errors_of(response)
    assert response.status_code == 200
    assert "There is a problem" in page  # the error summary
    assert message in page
    assert 'aria-invalid="true"' in page
    assert f'value="{data["name"]}"' in page or not data["name"]
    assert data["short_description_da"] in page
    assert not Actor.objects.exists() and not Membership.objects.exists()
    assert mail.outbox == []


def test_an_error_on_the_danish_page_is_shown_there_too(client, member):
    response = client.post("/aktoerer/register/", actor_data(cvr="13585627"))
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()
    assert 'id="id_cvr_error"' in response.content.decode()
    assert not Actor.objects.exists()


def test_html_and_script_in_a_description_are_stored_as_text_and_shown_escaped(client, member):
    script = '<script>alert("x")</script><b>fed</b>'
    client.post(REGISTER, actor_data(description_da=script, name="<i>Navn</i>"))
    actor = Actor.objects.get()
    assert actor.description_da == script  # stored as typed
    page = client.get(f"/en/actors/{actor.slug}/edit/").content.decode()
    assert script not in page and "<i>Navn</i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;i&gt;Navn&lt;/i&gt;" in page
    assert "<i>Navn</i>" not in client.get("/en/actors/mine/").content.decode()


def test_an_existing_cvr_shows_the_actor_and_offers_to_join(client, member):
    existing = ActorFactory(name="Det Gamle Værksted", cvr=VALID_CVR)
    response = client.post(REGISTER, actor_data())
    page = errors_of(response)
    assert response.status_code == 200
    assert "This organisation is already registered" in page
    assert "Det Gamle Værksted" in page
    assert f"/en/actors/join/{existing.pk}/" in page
    assert "An organisation with this CVR number is already registered." in page
    assert 'value="Grøn Omstilling Aarhus"' in page  # the form keeps what was typed
    assert Actor.objects.count() == 1


def test_the_same_name_in_the_same_municipality_shows_the_existing_actor(client, member):
    aarhus = Municipality.objects.get(code="751")
    existing = ActorFactory(name="GRØN OMSTILLING AARHUS", municipality=aarhus)
    response = client.post(REGISTER, actor_data(cvr=""))
    page = errors_of(response)
    assert "already registered in this municipality" in page
    assert f"/en/actors/join/{existing.pk}/" in page
    assert Actor.objects.count() == 1


def test_the_same_name_in_another_municipality_is_another_organisation(client, member):
    ActorFactory(name="Grøn Omstilling Aarhus", slug="groen-omstilling-aarhus")  # Copenhagen
    assert client.post(REGISTER, actor_data(cvr="")).status_code == 302
    assert sorted(Actor.objects.values_list("slug", flat=True)) == [
        "groen-omstilling-aarhus",
        "groen-omstilling-aarhus-2",
    ]


def test_a_draft_duplicate_is_not_named_and_cannot_be_joined(client, member):
    ActorFactory(name="Kladden", city="Hemmeby", cvr=VALID_CVR, draft=True)
    page = errors_of(client.post(REGISTER, actor_data()))
    assert "An organisation with this CVR number is already registered." in page
    assert "Kladden" not in page and "kladden" not in page and "Hemmeby" not in page
    assert "/join/" not in page
    assert "write to us" in page


def test_a_pending_duplicate_can_be_joined_without_learning_its_name(
    client, member, django_capture_on_commit_callbacks
):
    """The rule of ecosystem.permissions.can_see_name, on every page the outsider meets:
    the duplicate notice, its join link, the join page, the messages and their list."""
    pending = ActorFactory(name="Ventesalen", cvr=VALID_CVR, pending=True)
    MembershipFactory(actor=pending)
    page = errors_of(client.post(REGISTER, actor_data()))
    assert "already registered" in page and "Ventesalen" not in page
    assert "ventesalen" not in page  # not even in the slug of a link
    join_url = f"/en/actors/join/{pending.pk}/"
    assert join_url in page
    join_page = client.get(join_url).content.decode()
    assert "Ask to join this organisation" in join_page and "Ventesalen" not in join_page
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(join_url, {"message": "Hej"}, follow=True).content.decode()
    assert "Your request to join this organisation has been sent" in sent
    assert "Ventesalen" not in sent
    again = client.post(join_url, {"message": ""}).content.decode()
    assert "already asked to join this organisation" in again and "Ventesalen" not in again
    assert "Ventesalen" not in client.get(f"/en/actors/{pending.slug}/join/").content.decode()


def test_a_registration_sent_twice_creates_one_actor(client, member):
    first = client.post(REGISTER, actor_data())
    second = client.post(REGISTER, actor_data(), follow=True)
    assert first.status_code == 302
    assert "is already registered, and you are a member" in second.content.decode()
    assert Actor.objects.count() == 1 and Membership.objects.count() == 1


def test_a_double_click_racing_past_the_form_check_still_creates_one_actor(
    client, member, monkeypatch
):
    """Both requests passed the form's duplicate check before either saved: the database's
    unique constraint decides, and the second one is told the actor exists."""
    monkeypatch.setattr(ActorForm, "_find_duplicate", lambda self, data: None)
    monkeypatch.setattr(Actor, "validate_constraints", lambda self, exclude=None: None)
    assert client.post(REGISTER, actor_data()).status_code == 302
    second = client.post(REGISTER, actor_data(), follow=True)
    assert "is already registered, and you are a member" in second.content.decode()
    assert Actor.objects.count() == 1

    client.force_login(UserFactory())
    third = client.post(REGISTER, actor_data(name="Andet navn"))
    assert "This organisation is already registered" in errors_of(third)
    assert Actor.objects.count() == 1


# --- Editing --------------------------------------------------------------------------------


@pytest.fixture
def published(member):
    actor = ActorFactory(name="Værkstedet", cvr=OTHER_VALID_CVR)
    MembershipFactory(actor=actor, user=member, role=Membership.Role.EDITOR)
    return actor


def edit_data(actor, **overrides):
    current = {
        "name": actor.name,
        "cvr": actor.cvr,
        "municipality": str(actor.municipality_id),
        "latitude": str(actor.latitude),
        "longitude": str(actor.longitude),
    }
    return actor_data(**{**current, **overrides})


def test_editing_a_published_actor_is_live_and_logged(client, member, published):
    response = client.post(
        f"/en/actors/{published.slug}/edit/", edit_data(published, city="Valby"), follow=True
    )
    assert "Your changes are saved and shown on the portal." in response.content.decode()
    published.refresh_from_db()
    assert published.city == "Valby" and published.status == Actor.Status.PUBLISHED
    entry = ActorLogEntry.objects.get(actor=published)
    assert entry.user == member
    assert entry.changes["city"] == ["", "Valby"]


def test_changing_the_municipality_without_javascript_moves_the_pin(client, member, published):
    odense = Municipality.objects.get(code="461")
    client.post(
        f"/en/actors/{published.slug}/edit/",
        edit_data(published, municipality=str(odense.pk)),  # old centre still typed
    )
    published.refresh_from_db()
    assert (published.municipality, published.region) == (odense, odense.region)
    assert (published.latitude, published.longitude) == (odense.latitude, odense.longitude)


def test_an_edit_to_another_actors_cvr_is_refused(client, member, published):
    ActorFactory(cvr=VALID_CVR)
    response = client.post(
        f"/en/actors/{published.slug}/edit/", edit_data(published, cvr=VALID_CVR)
    )
    assert "An organisation with this CVR number is already registered." in errors_of(response)
    published.refresh_from_db()
    assert published.cvr == OTHER_VALID_CVR


def test_an_edit_with_bad_input_changes_nothing(client, member, published):
    response = client.post(
        f"/en/actors/{published.slug}/edit/",
        edit_data(published, name="Nyt navn", postcode="12"),
    )
    assert "exactly 4 digits" in errors_of(response)
    assert 'value="Nyt navn"' in response.content.decode()
    published.refresh_from_db()
    assert published.name == "Værkstedet"
    assert not ActorLogEntry.objects.exists()


def test_another_organisations_edit_page_is_not_found(client, member):
    other = ActorFactory(name="Naboen")
    MembershipFactory(actor=other)
    assert client.get(f"/en/actors/{other.slug}/edit/").status_code == 404
    response = client.post(f"/en/actors/{other.slug}/edit/", edit_data(other, name="Hacked"))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.name == "Naboen"


def test_a_rejected_draft_shows_the_reason_and_can_be_sent_again(client, member):
    actor = ActorFactory(draft=True, rejection_reason="Please add an English description.")
    MembershipFactory(actor=actor, user=member)
    page = client.get(f"/en/actors/{actor.slug}/edit/").content.decode()
    assert "Please add an English description." in page
    response = client.post(f"/en/actors/{actor.slug}/submit/", follow=True)
    assert "has been sent for review" in response.content.decode()
    actor.refresh_from_db()
    assert actor.status == Actor.Status.PENDING and actor.rejection_reason == ""


def test_sending_a_pending_actor_again_says_why_not(client, member):
    actor = ActorFactory(pending=True)
    MembershipFactory(actor=actor, user=member)
    response = client.post(f"/en/actors/{actor.slug}/submit/", follow=True)
    assert "only a draft can be sent for review" in errors_of(response)
    assert client.get(f"/en/actors/{actor.slug}/submit/").status_code == 405


def test_a_partner_abroad_registered_twice_is_one_actor(client, member):
    abroad = actor_data(country="BE", municipality="", postcode="1000", cvr="")
    assert client.post(REGISTER, abroad).status_code == 302
    second = client.post(REGISTER, abroad, follow=True)
    assert "is already registered, and you are a member" in second.content.decode()
    assert Actor.objects.count() == 1

    client.force_login(UserFactory())
    other = client.post(REGISTER, {**abroad, "name": abroad["name"].upper()})
    assert "already registered in this country" in other.content.decode()
    assert Actor.objects.count() == 1
    same_name_elsewhere = client.post(REGISTER, {**abroad, "country": "IE"})
    assert same_name_elsewhere.status_code == 302
    assert Actor.objects.count() == 2
