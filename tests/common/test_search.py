"""common.search: what a visitor types becomes a safe tsquery; rows are ranked."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import TextField
from django.db.models.functions import Cast

from common.search import MAX_LENGTH, language_config, ranked, search_query
from ecosystem.models import Actor
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors():
    def actor(name, da, en=""):
        # An association: the type "social enterprise" ("socialøkonomisk virksomhed")
        # would find every one of them by "virksomhed" (common.search's About).
        return ActorFactory(
            name=name, short_description_da=da, short_description_en=en, kind=Actor.Kind.NGO
        )

    return {
        "green": actor("Grøn Virksomhed", "En grøn virksomhed i Aarhus.", "A green company."),
        "blue": actor("Blå Forening", "En forening for unge.", "An association for the young."),
        "fund": actor("Rød Fond", "En fond, der støtter sociale virksomheder og unge."),
        "garden": actor("Haven", "Haven er grøn, og en virksomhed driver den."),
    }


def found(text: str) -> set[str]:
    query = search_query(text)
    assert query is not None
    return set(Actor.objects.filter(search_vector=query).values_list("name", flat=True))


@pytest.mark.parametrize("text", ["", "   ", "!!! ---", "&|!():*", '"" -', "_ _", "'", "\\"])
def test_nothing_searchable_gives_none(text):
    assert search_query(text) is None


def test_an_unfinished_word_matches_by_prefix(actors):
    assert found("virk") == {"Grøn Virksomhed", "Rød Fond", "Haven"}
    assert found("foren") == {"Blå Forening"}


def test_a_whole_word_matches_its_inflections(actors):
    # "virksomheder" (plural) finds the singular through Danish stemming.
    assert found("virksomheder") == {"Grøn Virksomhed", "Rød Fond", "Haven"}


def test_earlier_words_must_match_too(actors):
    assert found("unge virk") == {"Rød Fond"}


@pytest.mark.parametrize("text", ["unge -fond", "-fond unge", "-fond ung"])
def test_an_excluded_word_stays_excluded(actors, text):
    assert found(text) == {"Blå Forening"}


def test_an_excluded_word_typed_last_is_not_matched_by_prefix(actors):
    assert found("virksomhed -grøn") == {"Rød Fond"}


def test_a_quoted_phrase_needs_the_words_together(actors):
    assert found('"grøn virksomhed"') == {"Grøn Virksomhed"}
    assert found("grøn virksomhed") == {"Grøn Virksomhed", "Haven"}


def test_text_longer_than_the_limit_is_cut_not_refused(actors):
    text = "virksomhed " * 50
    assert len(text) > MAX_LENGTH
    assert found(text) == {"Grøn Virksomhed", "Rød Fond", "Haven"}
    assert isinstance(found("æ" * 5000), set)


@pytest.mark.parametrize(
    "text",
    [
        "a & | ! ( :*",
        "virk:*",
        "grøn <-> virk",
        "a:b:c",
        "(unge",
        '"unfinished phrase',
        "fond!",
        "x" * 300,
    ],
)
def test_tsquery_syntax_typed_by_a_visitor_is_never_an_error(actors, text):
    assert isinstance(found(text), set)


def test_ranked_puts_a_match_in_the_name_first(actors):
    results = list(ranked(Actor.objects.all(), search_query("forening unge")))
    assert [a.name for a in results] == ["Blå Forening"]
    results = list(ranked(Actor.objects.all(), search_query("virksomhed")))
    # In the name (weight A) beats only in the description (B).
    assert results[0].name == "Grøn Virksomhed"
    assert {a.name for a in results[1:]} == {"Rød Fond", "Haven"}
    assert [a.rank for a in results] == sorted((a.rank for a in results), reverse=True)


def test_ranked_breaks_ties_by_primary_key(actors):
    one = ActorFactory(name="Kaffe Et", short_description_da="kaffe")
    two = ActorFactory(name="Kaffe To", short_description_da="kaffe")
    results = list(ranked(Actor.objects.all(), search_query("kaffe")))
    assert [a.pk for a in results] == sorted([one.pk, two.pk])


def test_language_config_picks_the_configuration_per_row():
    danish = ActorFactory(name="Dansk")
    belgian = ActorFactory(name="Belgisk", abroad=True)
    config = language_config("country", {"DK": "danish"})
    configs = dict(Actor.objects.annotate(cfg=Cast(config, TextField())).values_list("name", "cfg"))
    assert configs == {danish.name: "danish", belgian.name: "simple"}


def test_a_vector_with_language_config_stems_only_the_rows_in_that_language():
    ActorFactory(name="Foreningerne", slug="dk")
    ActorFactory(name="Foreningerne", slug="be", abroad=True)
    rows = Actor.objects.annotate(
        vector=SearchVector("name", config=language_config("country", {"DK": "danish"}))
    ).filter(vector=SearchQuery("forening", config="danish"))
    # The Danish row is stemmed as Danish; the Belgian one is kept as written ("simple").
    assert list(rows.values_list("slug", flat=True)) == ["dk"]


@pytest.mark.parametrize("typed", ["virksomh", "virksomhe", "virksomhede"])
def test_every_prefix_of_a_word_finds_it_while_typing(typed):
    ActorFactory(name="Haven", short_description_da="En virksomhed driver haven.")
    query = search_query(typed)
    assert list(Actor.objects.filter(search_vector=query).values_list("name", flat=True)) == [
        "Haven"
    ]
