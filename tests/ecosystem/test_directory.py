"""The directory at /aktoerer/: filters in the URL, counts beside each option, sorting,
pagination, the htmx partial, and bad parameters that never break the page."""

import html
import re

import pytest

from ecosystem.filters import ActorFilter
from ecosystem.models import SDG, Actor, Municipality, TargetGroup, Theme
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

DIRECTORY = "/en/actors/"


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def option(page: str, value: str) -> str | None:
    """The visible text of the <option> with this value, or None when it is not offered."""
    match = re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]*)</option>', page)
    return match.group(1).strip() if match else None


def facet(response, name: str) -> dict[str, int]:
    field = next(f for f in response.context["facet_fields"] if f.name == name)
    return {o.value: o.count for o in field.options}


@pytest.fixture
def actors():
    """Five published actors in three regions and two countries, plus hidden ones."""
    copenhagen = Municipality.objects.get(code="101")
    aarhus = Municipality.objects.get(code="751")
    odense = Municipality.objects.get(code="461")
    inclusion = Theme.objects.get(slug="active-inclusion")
    employment = Theme.objects.get(slug="access-to-employment")
    youth = TargetGroup.objects.get(slug="children-and-young-people")
    made = {
        "cafe": ActorFactory(
            name="Café Samvær",
            kind=Actor.Kind.SOCIAL_ENTERPRISE,
            municipality=copenhagen,
            open_to_partnerships=True,
        ),
        "fund": ActorFactory(name="Fonden for Fællesskab", kind=Actor.Kind.FOUNDATION),
        "lab": ActorFactory(
            name="Aarhus Velfærdslab", kind=Actor.Kind.MUNICIPALITY, municipality=aarhus
        ),
        "ngo": ActorFactory(name="Odense Frivillige", kind=Actor.Kind.NGO, municipality=odense),
        "belgian": ActorFactory(name="Brussels Social Lab", abroad=True, kind=Actor.Kind.NGO),
    }
    made["cafe"].themes.set([inclusion, employment])
    made["cafe"].target_groups.set([youth])
    made["cafe"].sdgs.set([SDG.objects.get(number=8)])
    made["lab"].themes.set([inclusion])
    ActorFactory(name="Kladde Aps", draft=True)
    ActorFactory(name="Venter Aps", pending=True)
    ActorFactory(name="Gammel Forening", archived=True)
    return made


def test_the_directory_lists_published_actors_only(client, actors):
    response = client.get(DIRECTORY)
    page = page_text(response)
    assert response.status_code == 200
    assert "5 actors" in page
    for actor in actors.values():
        assert actor.name in page
        assert f'href="/en/actors/{actor.slug}/"' in page
    for hidden in ("Kladde Aps", "Venter Aps", "Gammel Forening"):
        assert hidden not in page


def test_both_languages_render(client, actors):
    danish = client.get("/aktoerer/")
    assert danish.status_code == 200
    assert '<html lang="da">' in danish.content.decode()
    assert f"/aktoerer/{actors['cafe'].slug}/" in danish.content.decode()


def test_filtering_by_region_keeps_the_filter_in_the_url_and_the_form(client, actors):
    response = client.get(DIRECTORY, {"region": "hovedstaden"})
    page = page_text(response)
    assert "2 actors" in page
    assert "Café Samvær" in page and "Fonden for Fællesskab" in page
    assert "Aarhus Velfærdslab" not in page and "Brussels Social Lab" not in page
    assert re.search(r'<option value="hovedstaden" selected>', page)
    # A shared link keeps the filter in the other views and the downloads.
    assert 'href="/en/actors/map/?region=hovedstaden"' in page
    assert 'href="/en/actors/export.csv?region=hovedstaden"' in page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "foundation"}, {"Fonden for Fællesskab"}),
        ({"theme": "active-inclusion"}, {"Café Samvær", "Aarhus Velfærdslab"}),
        ({"target_group": "children-and-young-people"}, {"Café Samvær"}),
        ({"sdg": "8"}, {"Café Samvær"}),
        ({"municipality": "751"}, {"Aarhus Velfærdslab"}),
        ({"country": "BE"}, {"Brussels Social Lab"}),
        ({"open_to_partnerships": "true"}, {"Café Samvær"}),
        ({"theme": "active-inclusion", "region": "midtjylland"}, {"Aarhus Velfærdslab"}),
    ],
)
def test_each_filter(client, actors, params, expected):
    response = client.get(DIRECTORY, params)
    shown = {actor.name for actor in response.context["page_obj"]}
    assert shown == expected
    assert f"{len(expected)} actor" in page_text(response)


def test_counts_beside_each_option_follow_the_other_filters(client, actors):
    response = client.get(DIRECTORY)
    page = page_text(response)
    assert option(page, "hovedstaden") == "Capital Region of Denmark (2)"
    assert option(page, "midtjylland") == "Central Denmark Region (1)"
    assert option(page, "ngo") == "NGO or civil society (2)"
    assert option(page, "BE") == "Belgium (1)"
    assert option(page, "DK") == "Denmark (4)"
    assert "Only actors open to partnerships (1)" in page
    # Regions without published actors are not offered.
    assert option(page, "nordjylland") is None

    filtered = client.get(DIRECTORY, {"kind": "ngo"})
    assert facet(filtered, "region") == {"syddanmark": 1}
    assert facet(filtered, "country") == {"BE": 1, "DK": 1}
    # The facet's own filter does not narrow its own options: other types stay choosable.
    assert facet(filtered, "kind") == {
        "municipality": 1,
        "foundation": 1,
        "social_enterprise": 1,
        "ngo": 2,
    }


def test_counts_for_many_to_many_facets(client, actors):
    response = client.get(DIRECTORY, {"region": "hovedstaden"})
    assert facet(response, "theme") == {"active-inclusion": 1, "access-to-employment": 1}
    assert facet(response, "sdg") == {"8": 1}
    unfiltered = client.get(DIRECTORY)
    assert facet(unfiltered, "theme")["active-inclusion"] == 2
    assert option(page_text(unfiltered), "8") == "8. Decent work and economic growth (1)"


def test_a_selected_option_with_no_matches_stays_so_it_can_be_unselected(client, actors):
    response = client.get(DIRECTORY, {"kind": "foundation", "region": "midtjylland"})
    page = page_text(response)
    assert "0 actors" in page
    assert option(page, "foundation") == "Foundation (0)"
    assert option(page, "midtjylland") == "Central Denmark Region (0)"
    assert option(page, "hovedstaden") == "Capital Region of Denmark (1)"


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"sdg": "abc"},
        {"sdg": "99"},
        {"municipality": "9999"},
        {"kind": "spaceship"},
        {"country": "XX"},
        {"theme": "'; DROP TABLE ecosystem_actor; --"},
        {"sort": "junk"},
        {"page": "abc"},
        {"page": "999"},
        {"open_to_partnerships": "maybe"},
        {"region": ["hovedstaden", "atlantis"]},
    ],
)
def test_bad_parameters_never_break_the_page(client, actors, params):
    response = client.get(DIRECTORY, params)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count >= 1


def test_an_unknown_value_is_ignored_and_explained(client, actors):
    response = client.get(DIRECTORY, {"region": "atlantis", "kind": "foundation"})
    page = page_text(response)
    assert "Some of the filters in the address were not recognised" in page
    assert "This value in the address was not recognised" in page
    assert 'aria-invalid="true" aria-describedby="id_region-error"' in page
    # The bad filter is ignored; the good one still applies.
    assert [a.name for a in response.context["page_obj"]] == ["Fonden for Fællesskab"]


def test_a_junk_sort_falls_back_to_name_order_with_a_message(client, actors):
    response = client.get(DIRECTORY, {"sort": "junk"})
    page = page_text(response)
    assert "This sort order was not recognised" in page
    names = [a.name for a in response.context["page_obj"]]
    assert names == sorted(names)


def test_sorting_newest_first(client, actors):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for days, actor in enumerate(actors.values()):
        Actor.objects.filter(pk=actor.pk).update(published_at=now - timedelta(days=days))
    response = client.get(DIRECTORY, {"sort": "newest"})
    assert [a.name for a in response.context["page_obj"]] == [a.name for a in actors.values()]
    assert re.search(r'<option value="newest" selected>Newest</option>', page_text(response))


def test_twenty_per_page_and_pagination_keeps_the_filters(client):
    ActorFactory.create_batch(45, kind=Actor.Kind.NGO)
    first = client.get(DIRECTORY, {"kind": "ngo"})
    assert len(first.context["page_obj"]) == 20
    page = page_text(first)
    assert "45 actors" in page
    assert 'href="?kind=ngo&amp;page=2"' in first.content.decode()
    last = client.get(DIRECTORY, {"kind": "ngo", "page": "3"})
    assert len(last.context["page_obj"]) == 5


def test_nothing_matches_shows_an_empty_state(client, actors):
    response = client.get(DIRECTORY, {"q": "zzzxxyy"})
    page = page_text(response)
    assert "No actors match" in page
    assert "Clear all filters" in page


def test_htmx_gets_only_the_results_and_the_counts_out_of_band(client, actors):
    response = client.get(DIRECTORY, {"region": "hovedstaden"}, HTTP_HX_REQUEST="true")
    page = page_text(response)
    assert response.status_code == 200
    assert "<html" not in page
    assert page.lstrip().startswith('<div id="actor-results"')
    assert '<div id="actor-facets" class="list-facets" data-hx-swap-oob="true">' in page
    assert 'id="actor-results-status" data-hx-swap-oob="innerHTML">2 actors found' in page
    assert "HX-Request" in response["Vary"]
    # The full page carries the htmx wiring on a plain GET form that works without JS.
    full = client.get(DIRECTORY).content.decode()
    assert 'method="get"' in full and 'hx-get="/en/actors/"' in full
    assert 'hx-trigger="submit, input changed delay:300ms from:#id_q, change"' in full
    assert 'hx-target="#actor-results"' in full and 'hx-push-url="true"' in full


def test_the_back_button_gets_the_whole_page_from_htmx(client, actors):
    response = client.get(DIRECTORY, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_the_filterset_counts_in_a_fixed_number_of_queries(actors, django_assert_num_queries):
    params = {"region": "hovedstaden", "theme": "active-inclusion"}
    ActorFilter(params).facets()  # counts now cached
    filterset = ActorFilter(params)
    # Validating the region and the theme (2), the cached counts (1), and the taxonomies'
    # names (1).
    with django_assert_num_queries(4):
        facets = filterset.facets()
        assert filterset.total == 1
    assert {o.value: o.count for o in facets["kind"]} == {"social_enterprise": 1}
    assert {o.value: o.count for o in facets["region"]} == {"hovedstaden": 1, "midtjylland": 1}


def test_cached_counts_follow_a_change_at_once(client, actors):
    assert option(page_text(client.get(DIRECTORY)), "foundation") == "Foundation (1)"
    ActorFactory(name="Ny Fond", kind=Actor.Kind.FOUNDATION)
    assert option(page_text(client.get(DIRECTORY)), "foundation") == "Foundation (2)"
    actors["fund"].delete()
    assert option(page_text(client.get(DIRECTORY)), "foundation") == "Foundation (1)"
    actors["lab"].themes.clear()
    response = client.get(DIRECTORY)
    assert facet(response, "theme")["active-inclusion"] == 1


def test_counts_cached_while_a_change_was_unseen_are_renewed_on_commit(
    client, actors, django_capture_on_commit_callbacks
):
    """A request that counted before the change was committed stored its counts under the
    first renewal; the renewal on commit makes them old."""
    from ecosystem import facets as facets_module

    with django_capture_on_commit_callbacks(execute=True):
        facets_module.GENERATION.renew()
        client.get(DIRECTORY)  # counted "before the commit", cached under this generation
        Actor.objects.filter(pk=actors["fund"].pk).update(kind=Actor.Kind.NGO)
    assert option(page_text(client.get(DIRECTORY)), "foundation") is None
