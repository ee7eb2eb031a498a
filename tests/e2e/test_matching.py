"""Partner matching in a real browser: a case owner opens their case's partner
suggestions, finds another organisation's case that seeks partners, and sends it an
expression of interest through the portal's relay (no address shown on either side);
axe on every matching page type in both languages, on a phone and a desktop."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from ecosystem.models import Actor
from tests.e2e.axe import assert_accessible
from tests.e2e.test_ecosystem_join import log_in_as
from tests.factories import MembershipFactory, UserFactory
from tests.matching.conftest import EMPLOYMENT, INCLUSION, LEARNING, YOUNG, actor, case
from validation.models import InterestMessage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def world():
    owner = UserFactory(email="owner@example.dk", full_name="Olga Owner")
    ours = actor(
        "Ungdomsbroen",
        slug="ungdomsbroen",
        theme_slugs=(EMPLOYMENT, INCLUSION, LEARNING),
        group_slugs=(YOUNG,),
        role=Actor.Role.PRACTITIONER,
    )
    MembershipFactory(actor=ours, user=owner)
    own_case = case(
        ours,
        "Young people into work",
        theme_slugs=(EMPLOYMENT, INCLUSION),
        validated=True,
        seeks_partners=True,
        partner_countries=["PL"],
    )
    theirs = actor(
        "Warsaw Youth Lab",
        country="PL",
        municipality=None,
        city="Warszawa",
        theme_slugs=(EMPLOYMENT,),
        open_to_partnerships=True,
        kind=Actor.Kind.NGO,
    )
    other_case = case(
        theirs,
        "Youth guarantee in Warsaw",
        theme_slugs=(EMPLOYMENT, INCLUSION),
        validated=True,
        seeks_partners=True,
        countries=["PL"],
        contact_email="hidden-contact@example.pl",
    )
    actor(
        "Fonden for Unge",
        theme_slugs=(EMPLOYMENT,),
        kind=Actor.Kind.FOUNDATION,
        role=Actor.Role.FUNDER,
        open_to_partnerships=True,
    )
    actor("Kladden", draft=True, theme_slugs=(EMPLOYMENT, INCLUSION, LEARNING))
    return {"owner": owner, "ours": ours, "own_case": own_case, "other_case": other_case}


def test_a_case_owner_finds_a_partner_and_expresses_interest_through_the_relay(page, world):
    log_in_as(page, world["owner"])
    page.goto(page.base_url + f"/en/cases/{world['own_case'].slug}/")
    page.get_by_role("link", name="Suggested partners for this case").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Partner suggestions for Young people into work"
    )
    # The other organisation's case first: two themes, seeks partners, in Poland as sought.
    first = page.locator(".matching-item").first
    expect(first).to_contain_text("Youth guarantee in Warsaw")
    expect(first).to_contain_text("In Poland, as sought")
    expect(first).to_contain_text("Seeks partners")
    expect(page.locator("main")).not_to_contain_text("Kladden")
    expect(page.locator("main")).not_to_contain_text("hidden-contact@example.pl")
    assert_accessible(page)

    first.get_by_role("link", name="Express interest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Express interest")
    page.get_by_label("Your message").fill(
        "We run a mentoring scheme in Aarhus and would like to compare notes."
    )
    page.get_by_role("button", name="Send the message").click()
    expect(page.locator(".alert-success").first).to_contain_text("Your message has been sent")

    interest = InterestMessage.objects.get()
    assert interest.case == world["other_case"]
    assert interest.sender_actor == world["ours"]
    relayed = [m for m in mail.outbox if m.to == ["hidden-contact@example.pl"]]
    assert relayed and "mentoring scheme" in relayed[0].body
    assert world["owner"].email not in relayed[0].body


def test_anyone_sees_a_published_actors_suggestions_from_its_page(page, world):
    page.goto(page.base_url + "/aktoerer/ungdomsbroen/")
    page.get_by_role("link", name="Forslag til partnere i Danmark og i udlandet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnerforslag til Ungdomsbroen")
    expect(page.locator(".matching-item")).to_have_count(3)
    # The Polish case (2 themes, seeks partners, in Poland as the actor's own case seeks:
    # 12), the Polish lab (1 theme, open, in Poland: 9), the funder (1 theme, open, a
    # complementary role: 8).
    expect(page.locator(".matching-item h3")).to_have_text(
        ["Youth guarantee in Warsaw", "Warsaw Youth Lab", "Fonden for Unge"]
    )
    funder = page.locator(".matching-item", has_text="Fonden for Unge")
    expect(funder).to_contain_text("Komplementær rolle: bevillingsgiver")
    # An organisation is contacted through its own page, not from here.
    expect(funder.get_by_role("link")).to_have_count(1)


PAGE_TYPES = {
    "actor suggestions": "/aktoerer/ungdomsbroen/partnere/",
    "case suggestions": "/eu-cases/{case}/partnere/",
    "find a partner": {"da": "/find-en-partner/", "en": "/find-a-partner/"},
    "find a partner, bad input": {
        "da": "/find-en-partner/?role=konge&q=" + "x" * 300,
        "en": "/find-a-partner/?role=king&q=" + "x" * 300,
    },
    "suggestions, bad input": "/aktoerer/ungdomsbroen/partnere/?where=mars&page=zz",
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_the_matching_pages_pass_axe_and_fit_a_phone(page, world, lang, viewport, kind):
    page.set_viewport_size(viewport)
    path = PAGE_TYPES[kind]
    path = path[lang] if isinstance(path, dict) else path
    prefix = "/en" if lang == "en" else ""
    page.goto(page.base_url + prefix + path.format(case=world["own_case"].slug))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert_accessible(page)
