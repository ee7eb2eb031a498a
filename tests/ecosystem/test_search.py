"""Full-text search in the directory: Danish and English stemming, prefix matching while
typing, ranking, and input that must never break the tsquery syntax."""

import pytest

from common.search import search_query
from ecosystem.models import Actor
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

DIRECTORY = "/en/actors/"


def found(client, text: str, **params) -> list[str]:
    response = client.get(DIRECTORY, {"q": text, **params})
    assert response.status_code == 200
    return [actor.name for actor in response.context["page_obj"]]


@pytest.fixture
def actors():
    return {
        "enterprise": ActorFactory(
            name="Jobhuset",
            short_description_da="En social virksomhed i Vejle.",
            short_description_en="",
        ),
        # Associations: the type "social enterprise" would find them by "virksomhed".
        "housing": ActorFactory(
            kind=Actor.Kind.NGO,
            name="Boligfællesskabet",
            short_description_da="Bofællesskaber for ældre.",
            short_description_en="Shared housing for older people.",
        ),
        "volunteers": ActorFactory(
            kind=Actor.Kind.NGO,
            name="Frivilligcentret",
            short_description_da="Frivillige hjælper familier.",
            short_description_en="Volunteers helping families.",
            description_da="Vi samarbejder med virksomheder og kommuner.",
        ),
    }


def test_danish_plural_finds_the_singular(client, actors):
    """Danish stemming: "virksomheder" and "virksomhed" are the same word."""
    assert "Jobhuset" in found(client, "virksomheder")
    assert set(found(client, "virksomhed")) == {"Jobhuset", "Frivilligcentret"}


def test_english_stemming(client, actors):
    assert found(client, "volunteer") == ["Frivilligcentret"]
    assert found(client, "houses") == ["Boligfællesskabet"]


def test_prefix_of_the_word_being_typed(client, actors):
    assert found(client, "frivil") == ["Frivilligcentret"]
    assert found(client, "bolig") == ["Boligfællesskabet"]
    # Earlier words still count while the last one is being typed.
    assert found(client, "social virk") == ["Jobhuset"]


def test_the_name_ranks_above_a_mention_in_a_description(client, actors):
    ActorFactory(name="Virksomhedsnetværket", short_description_da="Et netværk.")
    results = found(client, "virksomhedsnetværket virksomhed")
    assert results[0] == "Virksomhedsnetværket"


def test_sorting_by_name_while_searching(client, actors):
    assert found(client, "virksomhed", sort="name") == ["Frivilligcentret", "Jobhuset"]
    response = client.get(DIRECTORY, {"q": "virksomhed"})
    assert "Best match" in response.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        "virk:*",
        "a & | ! ( ) <-> :*",
        "'; DROP TABLE ecosystem_actor; --",
        '"unbalanced quote',
        "\\",
        "!!!",
        "og",  # only a Danish stop word
        "x" * 200,
        "æøå",
        "\x00",
    ],
)
def test_input_never_breaks_the_query(client, actors, text):
    response = client.get(DIRECTORY, {"q": text})
    assert response.status_code == 200


def test_too_long_a_search_is_a_form_error_not_a_crash(client, actors):
    response = client.get(DIRECTORY, {"q": "virksomhed " * 30})
    assert response.status_code == 200
    assert 'id="id_q-error"' in response.content.decode()


def test_punctuation_only_is_no_search_at_all():
    assert search_query("  !?* ") is None
    assert search_query("") is None


def test_the_search_box_keeps_what_was_typed(client, actors):
    page = client.get(DIRECTORY, {"q": '<b>"fri'}).content.decode()
    assert 'value="&lt;b&gt;&quot;fri"' in page
    assert "<b>" not in page.split('id="id_q"')[1].split(">")[0]


def test_an_excluded_word_stays_excluded(client, actors):
    assert "Jobhuset" not in found(client, "-jobhuset")
    assert found(client, "virksomhed -jobhuset") == ["Frivilligcentret"]
    assert found(client, "-jobhuset virksomhed") == ["Frivilligcentret"]
