"""The front door: the home page's live content and the one search box."""

import pytest
from django.test import Client

from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    RegistrationFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def make_content(count: int) -> None:
    for number in range(count):
        ActorFactory(name=f"Fjordbyens Værksted {number}")
        CaseApplicationFactory(validated=True, title=f"Fjord mentoring for youth {number}")
        EventFactory(title_da=f"Fjordtopmøde {number}", title_en=f"Fjord summit {number}")
        ResourceFactory(title=f"Fjordguide til finansiering {number}")


def test_the_home_page_says_who_runs_it_and_what_to_do_in_both_languages(client):
    danish = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "nationale kompetencecenter for social innovation" in danish
    assert "Medfinansieret af Den Europæiske Union" in danish
    assert "Co-funded by the European Union" in english
    assert 'alt="The flag of the European Union"' in english
    for label in (
        "Find actors and see the map",
        "Put your organisation on the map",
        "Become an official EU case",
        "Take part in an event",
        "Find knowledge and financing models",
    ):
        assert label in english


def test_the_home_page_shows_live_figures_and_the_newest_of_each_app(client):
    make_content(2)
    ActorFactory(name="Kladde", draft=True)
    RegistrationFactory(attended=True, decision_maker=True)
    RegistrationFactory(attended=True)  # not a decision maker
    page = client.get("/en/").content.decode()
    figures = page.split('class="home-figures"')[1].split("</dl>")[0]
    assert "<dd>2</dd>" in figures  # published actors and validated cases, not the draft
    assert "<dd>1</dd>" in figures  # one decision maker took part
    assert "Fjord mentoring for youth 1" in page
    assert "Fjord summit 0" in page
    assert "Fjordguide til finansiering 1" in page


@pytest.mark.parametrize("count", [1, 12])
def test_the_home_page_runs_a_fixed_number_of_queries(
    settings, django_assert_max_num_queries, count
):
    settings.PAGE_CACHE = False
    make_content(count)
    with django_assert_max_num_queries(6):
        assert Client().get("/en/").status_code == 200


def test_the_home_page_is_fresh_after_a_change(client):
    make_content(1)
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    CaseApplicationFactory(validated=True, title="A brand new case")
    assert "A brand new case" in client.get("/en/").content.decode()


def test_one_search_finds_an_actor_a_case_an_event_and_a_resource_together(client):
    make_content(1)
    ActorFactory(name="Havnens Hus")  # does not match
    page = client.get("/en/search/", {"q": "fjord"}).content.decode()
    for found in (
        "Fjordbyens Værksted 0",
        "Fjord mentoring for youth 0",
        "Fjord summit 0",
        "Fjordguide til finansiering 0",
    ):
        assert found in page
    assert "Havnens Hus" not in page
    assert "4 results for “fjord”" in page


def test_search_results_come_grouped_with_counts_and_links_to_each_apps_search(client):
    make_content(7)
    page = client.get("/en/search/", {"q": "fjord"}).content.decode()
    assert 'Actors <span class="site-search-count">(7)</span>' in page
    assert page.count("Fjordbyens Værksted") == 5  # the best five, then a link to all
    assert 'href="/en/actors/?q=fjord"' in page
    assert 'href="/en/resources/?q=fjord"' in page
    assert 'href="/en/cases/?q=fjord"' in page
    assert 'href="/en/events/?q=fjord"' in page


def test_search_uses_danish_stemming_and_the_shared_parser(client):
    ResourceFactory(title="Finansieringsmodeller for kommuner")
    ActorFactory(name="Virksomhedernes Netværk")
    assert (
        "Finansieringsmodeller"
        in client.get("/soeg/", {"q": "finansieringsmodel"}).content.decode()
    )
    assert "Virksomhedernes" in client.get("/soeg/", {"q": "virksomh"}).content.decode()
    excluded = client.get("/soeg/", {"q": "finansieringsmodel -kommuner"}).content.decode()
    assert "Finansieringsmodeller for kommuner" not in excluded


@pytest.mark.parametrize("typed", ["", "!!! ??", "a" * 10_000, "fjord & | ! ( :*", "\x00"])
def test_any_text_gives_a_page_never_an_error(client, typed):
    response = client.get("/en/search/", {"q": typed})
    assert response.status_code in (200, 404)  # a NUL byte is refused as a bad address
    if response.status_code == 200:
        assert "Search the portal" in response.content.decode()


@pytest.mark.parametrize("count", [1, 12])
def test_search_runs_a_fixed_number_of_queries(settings, django_assert_max_num_queries, count):
    settings.PAGE_CACHE = False
    make_content(count)
    Client().get("/en/search/", {"q": "fjord"})  # the glossary is read into the cache
    # One per kind (actors, cases, events, resources, funding, news) and the glossary's
    # stamp from the cache.
    with django_assert_max_num_queries(7):
        assert Client().get("/en/search/", {"q": "fjord"}).status_code == 200


def test_restricted_and_unpublished_rows_are_not_found(client):
    ActorFactory(name="Fjord Kladde", draft=True)
    CaseApplicationFactory(submitted=True, title="Fjord pending case")
    EventFactory(draft=True, title_en="Fjord draft event", title_da="Fjord kladde")
    ResourceFactory(draft=True, title="Fjord draft guide")
    page = client.get("/en/search/", {"q": "fjord"}).content.decode()
    assert "0 results" in page


def test_the_header_search_box_is_on_every_page(client):
    for url in ("/", "/en/actors/", "/en/resources/", "/en/events/", "/soeg/?q=fjord"):
        assert 'action="' in client.get(url).content.decode()
        assert 'id="site-search-header"' in client.get(url).content.decode()
