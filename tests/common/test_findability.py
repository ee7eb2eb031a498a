"""Findability (issue 18): an everyday word, Danish or English, finds the items that the
portal's themes, target groups, types and glossary say are about it, whatever language
the item is written in, in the portal-wide search and in each list's own search."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client

from common.models import UnansweredSearch
from common.search import found, search_query
from ecosystem import staff
from ecosystem.filters import ActorFilter
from ecosystem.models import Actor, TargetGroup, Theme
from funding.filters import OpportunityFilter
from matching.filters import PartnerSearchFilter
from policy.filters import EventFilter
from resources.filters import ResourceFilter
from resources.models import Resource
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    ResourceFactory,
    UserFactory,
)
from tests.funding.factories import FundingOpportunityFactory
from validation.filters import CaseFilter

pytestmark = pytest.mark.django_db


def tagged(item, *, themes=(), groups=()):
    if themes:
        item.themes.set(Theme.objects.filter(slug__in=themes))
    if groups:
        item.target_groups.set(TargetGroup.objects.filter(slug__in=groups))
    return item


@pytest.fixture
def items():
    """Items written in Danish or English, tagged and untagged, whose own text never
    holds the words searched for below (except where a row says "by its text")."""
    neutral = {"kind": Actor.Kind.NGO, "open_to_partnerships": True}
    return {
        # Danish-written actor tagged "older people": no word of it in its text.
        "Seniorhuset": tagged(
            ActorFactory(
                name="Seniorhuset",
                short_description_da="Et mødested i byen.",
                short_description_en="",
                **neutral,
            ),
            groups=["older-people"],
        ),
        # English-written actor tagged with the employment theme.
        "Jobs Forward": tagged(
            ActorFactory(
                name="Jobs Forward",
                short_description_da="",
                short_description_en="A meeting place in town.",
                **neutral,
            ),
            themes=["access-to-employment"],
        ),
        # Untagged, found by its own text only.
        "Naboskabet": ActorFactory(
            name="Naboskabet",
            short_description_da="Besøg hos ældre i eget hjem.",
            short_description_en="",
            **neutral,
        ),
        # Untagged and about nothing searched: never found.
        "Havekredsen": ActorFactory(
            name="Havekredsen",
            short_description_da="Fælles køkkenhaver.",
            short_description_en="Shared kitchen gardens.",
            **neutral,
        ),
        # English-written case tagged "older people" and one tagged "refugees".
        "Digital buddies": tagged(
            CaseApplicationFactory(
                actor=ActorFactory(
                    short_description_da="Et sted.", short_description_en="", **neutral
                ),
                published=True,
                title="Digital buddies",
                summary="Volunteers meet once a week.",
                problem="Few meet.",
                solution="A weekly meeting.",
                results="More meetings.",
                lessons="Keep it simple.",
                themes=[],
            ),
            groups=["older-people"],
        ),
        "Welcome kitchens": tagged(
            CaseApplicationFactory(
                actor=ActorFactory(
                    short_description_da="Et sted.", short_description_en="", **neutral
                ),
                published=True,
                title="Welcome kitchens",
                summary="Cooking together.",
                problem="Few meet.",
                solution="Cooking.",
                results="Meals.",
                lessons="Food helps.",
                themes=[],
            ),
            groups=["migrants-and-refugees"],
        ),
        # Danish-written event tagged with an integration theme.
        "Dialogmøde": tagged(
            EventFactory(
                title_da="Dialogmøde i Vejle",
                title_en="",
                description_da="Vi mødes og taler sammen.",
                description_en="",
            ),
            themes=["integration-of-third-country-nationals"],
        ),
        # English-written resource tagged homeless; Danish-written tagged disability.
        "Street guide": tagged(
            ResourceFactory(
                title="Street guide",
                summary="Steps for a shelter team.",
                body="Start small.",
                language=Resource.Language.ENGLISH,
            ),
            groups=["homeless-people"],
        ),
        "Adgang for alle": tagged(
            ResourceFactory(
                title="Adgang for alle",
                summary="Sådan bygger I om.",
                body="Begynd i det små.",
            ),
            groups=["people-with-disabilities"],
        ),
        # Open funding calls (found by "finansiering" as calls), one tagged families; and
        # a closed call, never found.
        "Familiepuljen": tagged(
            FundingOpportunityFactory(
                title_da="Familiepuljen",
                title_en="",
                description_da="Tekst.",
                description_en="",
                programme="",
                funder_name="Fonden",
            ),
            groups=["families"],
        ),
        "Startlån": FundingOpportunityFactory(
            title_da="Startlån",
            title_en="",
            kind="loan",
            description_da="Tekst.",
            description_en="",
            programme="",
            funder_name="Banken",
        ),
        "Lukket pulje": FundingOpportunityFactory(
            closed=True, title_da="Lukket pulje", title_en="", programme="", funder_name="X"
        ),
    }


# word → the items it must find (every other item of the data set must not be found).
TABLE = {
    "ældre": {"Seniorhuset", "Naboskabet", "Digital buddies"},
    "older people": {"Seniorhuset", "Naboskabet", "Digital buddies"},
    "seniors": {"Seniorhuset", "Naboskabet", "Digital buddies"},
    "beskæftigelse": {"Jobs Forward"},
    "employment": {"Jobs Forward"},
    "flygtninge": {"Welcome kitchens"},
    "refugees": {"Welcome kitchens"},
    "integration": {"Dialogmøde i Vejle"},
    "hjemløshed": {"Street guide"},
    "homeless": {"Street guide"},
    "handicap": {"Adgang for alle"},
    "disability": {"Adgang for alle"},
    "familier": {"Familiepuljen"},
    "families": {"Familiepuljen"},
    "finansiering": {"Familiepuljen", "Startlån"},
    "funding": {"Familiepuljen", "Startlån"},
}

KEYS = {
    "actors": "name",
    "cases": "title",
    "events": "title_da",
    "resources": "title",
    "funding": "title_da",
}


def everything(word: str) -> set[str]:
    from config.search import KINDS, found_rows

    query = search_query(word)
    names = set()
    for kind in KINDS:
        if kind.key in KEYS:
            names |= set(found_rows(kind, query).values_list(KEYS[kind.key], flat=True))
    return names


@pytest.mark.parametrize(("word", "expected"), TABLE.items())
def test_the_portal_wide_search_finds_what_the_portal_knows(items, word, expected):
    assert everything(word) == expected


def test_the_search_page_shows_an_english_case_for_a_danish_word(client, items):
    page = client.get("/soeg/", {"q": "ældre"}).content.decode()
    assert "Digital buddies" in page
    assert "Seniorhuset" in page
    page = client.get("/en/search/", {"q": "finansiering"}).content.decode()
    assert "Familiepuljen" in page and "Startlån" in page
    assert "Lukket pulje" not in page


def in_list(filterset, field: str) -> set[str]:
    return set(filterset.qs.values_list(field, flat=True))


LISTS = {
    "actors": (lambda q: ActorFilter({"q": q}), "name"),
    "partners": (lambda q: PartnerSearchFilter({"q": q}), "name"),
    "cases": (lambda q: CaseFilter({"q": q}), "title"),
    "events": (lambda q: EventFilter({"q": q}), "title_da"),
    "resources": (lambda q: ResourceFilter({"q": q}), "title"),
    "funding": (lambda q: OpportunityFilter({"q": q}), "title_da"),
}


@pytest.mark.parametrize("listing", LISTS)
@pytest.mark.parametrize(("word", "expected"), TABLE.items())
def test_each_list_finds_the_same_with_its_own_search(items, listing, word, expected):
    make, field = LISTS[listing]
    everything_of_kind = in_list(make(""), field)
    assert in_list(make(word), field) == expected & everything_of_kind


def test_the_untagged_unrelated_item_is_found_by_its_own_words_only(items):
    assert everything("havekredsen") == {"Havekredsen"}
    assert everything("køkkenhaver") == {"Havekredsen"}


def test_a_word_from_the_text_and_a_word_from_the_taxonomy_together(items):
    # "Seniorhuset" is tagged older people and says "mødested" in its own text.
    assert everything("ældre mødested") == {"Seniorhuset"}
    # An excluded word excludes whether it is in the text or the taxonomy.
    assert everything("ældre -seniorhuset") == {"Naboskabet", "Digital buddies"}
    assert everything("mødested -ældre") == set()
    assert everything("town") == {"Jobs Forward"}
    assert everything("town -employment") == set()


def test_a_renamed_theme_is_found_by_its_new_name_at_once(items):
    Theme.objects.filter(slug="access-to-employment").update(
        name_da="Kvalitetsjobs for alle", name_en="Good work for all"
    )
    assert everything("kvalitetsjobs") == {"Jobs Forward"}


def test_the_title_ranks_above_the_taxonomy_and_the_taxonomy_above_the_body(items):
    ActorFactory(name="Ældrerådet", short_description_da="Et råd.", kind=Actor.Kind.NGO)
    from common.search import ranked

    names = [a.name for a in ranked(Actor.objects.published(), search_query("ældre"))]
    assert names == ["Ældrerådet", "Seniorhuset", "Naboskabet"]


def test_a_glossary_entry_added_in_the_admin_works_on_the_next_search(client, items):
    ActorFactory(name="Kalaallit Illuutaat", short_description_da="", short_description_en="")
    assert everything("grønlandsk") == set()
    editor = UserFactory(staff=True, groups=[staff.EDITORS])
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    response = client.post(
        "/admin/common/glossaryentry/add/", {"words": "grønlandsk, kalaallit, greenlandic"}
    )
    assert response.status_code == 302
    assert everything("grønlandsk") == {"Kalaallit Illuutaat"}
    page = Client().get("/en/search/", {"q": "greenlandic"}).content.decode()
    assert "Kalaallit Illuutaat" in page


def test_nothing_found_suggests_a_word_and_themes_and_counts_the_words(client, items):
    page = client.get("/soeg/", {"q": "seniorhsuet"}).content.decode()
    assert "0 resultater for" in page
    assert "Mente du" in page
    assert "?q=seniorhuset" in page
    assert "Adgang til kvalitetsbeskæftigelse" in page  # a theme to browse by
    client.get("/soeg/", {"q": "Seniorhsuet"})
    searched = UnansweredSearch.objects.get()
    assert (searched.words, searched.count) == ("seniorhsuet", 2)
    client.get("/soeg/", {"q": "seniorhuset"})
    assert UnansweredSearch.objects.count() == 1  # a search that found something is not


def test_staff_see_the_searches_that_found_nothing(client, items):
    Client().get("/soeg/", {"q": "zzqxy"})
    editor = UserFactory(staff=True, groups=[staff.EDITORS])
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    page = client.get("/admin/common/unansweredsearch/").content.decode()
    assert "zzqxy" in page


def test_each_kind_is_still_answered_in_one_query(items, django_assert_num_queries):
    from config.search import KINDS, found_rows

    search_query("ældre")  # the glossary into the cache
    query = search_query("ældre")
    for kind in KINDS:
        with django_assert_num_queries(1):
            list(found_rows(kind, query)[:5])
    assert found(Actor.objects.published(), query).count() == 2
