"""Text in the other language than the page's is marked with `lang` and a short line
says so; axe (WCAG 2.1 AA) passes with those marks in place, in both languages, on an
actor whose descriptions fall back to the other language and on an EU case."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import address
from tests.factories import ActorFactory, CaseApplicationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def english_actor():
    return ActorFactory(
        name="Nordic Ageing Lab",
        short_description_da="",
        short_description_en="A lab for new services with older people.",
        description_da="",
        description_en="We test new services together with older people and their families.",
    )


@pytest.fixture
def danish_actor():
    return ActorFactory(
        name="Ældrehuset",
        short_description_da="Et hus, hvor ældre mødes.",
        short_description_en="",
        description_da="Vi driver et mødested for ældre i Aarhus.",
    )


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
def test_an_actor_that_falls_back_is_marked_and_accessible(
    page, english_actor, danish_actor, prefix
):
    # On the Danish page the English-only actor falls back; on the English page the
    # Danish-only one does.
    actor, other, note = (
        (english_actor, "en", "Beskrevet på engelsk.")
        if not prefix
        else (danish_actor, "da", "Described in Danish.")
    )
    page.goto(page.base_url + address(prefix, f"/aktoerer/{actor.slug}/"))
    expect(page.locator("html")).to_have_attribute("lang", "en" if prefix else "da")
    expect(page.locator(".actor-page-description")).to_have_attribute("lang", other)
    expect(page.locator("main p.font-lead")).to_have_attribute("lang", other)
    expect(page.locator(".language-note")).to_have_text(note)
    assert_accessible(page)


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
def test_a_case_page_is_marked_english_and_accessible(page, prefix):
    case = CaseApplicationFactory(published=True)
    page.goto(page.base_url + address(prefix, f"/eu-cases/{case.slug}/"))
    expect(page.locator("h1")).to_have_attribute("lang", "en")
    if prefix:
        expect(page.locator(".language-note")).to_have_count(0)
    else:
        expect(page.locator(".language-note")).to_have_text(
            "Casen er beskrevet på engelsk, som EU-platformen kræver."
        )
    assert_accessible(page)
