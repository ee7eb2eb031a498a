"""A text shown in the other language than the page's (a field that falls back, a case
written in English) carries `lang` and a short line that says so; a text in the page's
own language has neither."""

import pytest
from django.utils import translation
from lxml import html

from tests.factories import ActorFactory, CaseApplicationFactory, EventFactory
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db


def page(client, obj, language: str):
    with translation.override(language):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return html.fromstring(response.content)


def notes(tree) -> list[str]:
    return [p.text_content().strip() for p in tree.find_class("language-note")]


def lang_of(tree, text: str) -> str | None:
    """The language marked on the nearest element around `text`."""
    [element] = tree.xpath("//main//*[contains(text(), $text)]", text=text)
    for node in element.iterancestors():
        if node.get("lang"):
            return element.get("lang") or node.get("lang")
    return element.get("lang")


def test_an_actor_written_only_in_english_says_so_on_the_danish_page(client):
    actor = ActorFactory(
        short_description_da="",
        short_description_en="A social enterprise for older people.",
        description_da="",
        description_en="We run a café where older people meet.",
    )
    danish = page(client, actor, "da")
    assert lang_of(danish, "A social enterprise for older people.") == "en"
    assert lang_of(danish, "We run a café") == "en"
    assert notes(danish) == ["Beskrevet på engelsk."]  # one line for both texts
    english = page(client, actor, "en")
    assert notes(english) == []


def test_an_actor_written_only_in_danish_says_so_on_the_english_page(client):
    actor = ActorFactory(short_description_en="", description_da="Vi driver en café.")
    english = page(client, actor, "en")
    assert lang_of(english, "En social virksomhed") == "da"
    assert notes(english) == ["Described in Danish."]
    assert notes(page(client, actor, "da")) == []


def test_an_actor_in_both_languages_has_no_note(client):
    actor = ActorFactory()
    assert notes(page(client, actor, "da")) == []
    english = page(client, actor, "en")
    assert notes(english) == []
    assert lang_of(english, "A social enterprise that creates jobs") == "en"


def test_an_event_and_a_call_in_one_language_say_so(client):
    event = EventFactory(title_en="", description_en="")
    english = page(client, event, "en")
    assert english.xpath("//h1")[0].get("lang") == "da"
    assert notes(english) == ["Described in Danish."]
    call = FundingOpportunityFactory(title_en="", description_en="")
    english = page(client, call, "en")
    assert english.xpath("//h1")[0].get("lang") == "da"
    assert notes(english) == ["Described in Danish."]
    assert notes(page(client, call, "da")) == []


def test_a_case_on_a_danish_page_is_marked_english_with_the_same_note(client):
    case = CaseApplicationFactory(published=True)
    danish = page(client, case, "da")
    assert danish.xpath("//h1")[0].get("lang") == "en"
    assert notes(danish) == ["Casen er beskrevet på engelsk, som EU-platformen kræver."]
    assert notes(page(client, case, "en")) == []
