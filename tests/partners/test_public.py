"""The public partners page, the badge on actor pages, and the "Become a partner" page."""

import datetime

import pytest
from django.utils import timezone, translation

from ecosystem.models import Partnership
from partners import services
from partners.models import Status, Tier
from tests.factories import ActorFactory, PartnershipFactory

from .conftest import PartnerApplicationFactory


@pytest.fixture(autouse=True)
def _english():
    """The pages are read in English here: addresses from reverse() are the /en/ ones."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


def _partner(name: str, tier: str, **kwargs):
    return PartnerApplicationFactory(
        actor=ActorFactory(name=name), tier=tier, approved=True, **kwargs
    )


def test_partners_are_grouped_by_tier_strategic_first(client):
    _partner("Netværket", Tier.NETWORK)
    _partner("Fonden", Tier.STRATEGIC)
    _partner("Kommunen", Tier.SUPPORTING)
    PartnershipFactory(actor=ActorFactory(name="Konsortiet"))  # made by staff, no tier
    _partner("Udløbet", Tier.STRATEGIC).partnership.__class__.objects.filter(
        actor__name="Udløbet"
    ).update(starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2021, 1, 1))
    _partner("Kladden", Tier.NETWORK).actor.__class__.objects.filter(name="Kladden").update(
        status="draft"
    )

    page = client.get("/en/partners/").content.decode()

    headings = [
        "Strategic partners",
        "Supporting partners",
        "Network partners",
        "Other partners",
    ]
    positions = [page.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    assert page.index("Fonden") < page.index("Kommunen") < page.index("Netværket")
    assert page.index("Netværket") < page.index("Konsortiet")
    assert "Udløbet" not in page  # the term ended
    assert "Kladden" not in page  # an unpublished actor is never shown


def test_danish_address_and_headings(client):
    _partner("Fonden", Tier.STRATEGIC)
    page = client.get("/partnere/").content.decode()
    assert ">Strategiske partnere</h2>" in page
    assert "Fonden" in page


def test_an_actor_is_listed_once_even_with_two_current_partnerships(client):
    application = _partner("Fonden", Tier.SUPPORTING)
    PartnershipFactory(actor=application.actor)
    page = client.get("/en/partners/").content.decode()
    assert page.count(">Fonden</a>") == 1
    assert "Supporting partners" in page


def test_hostile_names_are_shown_as_text(client):
    _partner("<script>alert(1)</script> Fonden", Tier.NETWORK)
    page = client.get("/en/partners/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Fonden" in page


@pytest.mark.parametrize("count", [1, 25])
def test_a_fixed_number_of_queries_whatever_the_number_of_partners(
    client, count, django_assert_num_queries, settings
):
    settings.PAGE_CACHE = False
    for number in range(count):
        _partner(f"Partner {number}", list(Tier.values)[number % 3])
    with django_assert_num_queries(2):  # the count and the page
        assert client.get("/en/partners/").status_code == 200


def test_the_cached_page_shows_a_new_partner_at_once(client, partner_staff):
    application = PartnerApplicationFactory(
        actor=ActorFactory(name="Nyfonden"), status=Status.SUBMITTED
    )
    assert "Nyfonden" not in client.get("/en/partners/").content.decode()
    services.transition_application(application=application, action="approve", by=partner_staff)
    assert "Nyfonden" in client.get("/en/partners/").content.decode()


# --- The badge on the actor's page ---------------------------------------------------------


def test_the_badge_shows_the_tier_while_the_partnership_holds(client):
    application = _partner("Fonden", Tier.STRATEGIC)
    page = client.get(application.actor.get_absolute_url()).content.decode()
    assert "Partner of the competence centre: strategic partner" in page


def test_no_badge_after_the_partnership_ends(client):
    application = _partner("Fonden", Tier.STRATEGIC)
    Partnership.objects.filter(pk=application.partnership_id).update(
        starts_on=timezone.localdate() - datetime.timedelta(days=400),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    page = client.get(application.actor.get_absolute_url()).content.decode()
    assert "Partner of the competence centre" not in page


def test_a_partnership_made_by_hand_shows_the_badge_without_a_tier(client):
    partnership = PartnershipFactory(actor=ActorFactory(name="Konsortiet"))
    page = client.get(partnership.actor.get_absolute_url()).content.decode()
    assert "Partner of the competence centre</span>" in page


# --- Become a partner ----------------------------------------------------------------------


def test_logged_out_the_become_page_says_logging_in_is_needed(client):
    page = client.get("/en/partners/become/").content.decode()
    assert "Log in to apply" in page
    assert "/partners/apply/" not in page


def test_an_owner_gets_the_apply_button_and_sees_their_applications(
    client, owner, make_application
):
    make_application(status=Status.RETURNED)
    client.force_login(owner)
    page = client.get("/en/partners/become/").content.decode()
    assert "/en/partners/apply/" in page
    assert "Returned for changes" in page
