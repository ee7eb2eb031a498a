"""The one list layout (templates/includes/list.html, common.lists): every public list
answers htmx with its results only, keeps its address free of empty fields, and is wired
for filtering as you choose by data attributes that a single script reads."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.lists.data import FILTERED_LISTS, LISTS, make_every_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_list():
    return make_every_list()


def url_for(name: str, lang: str = "da") -> str:
    with translation.override(lang):
        return reverse(name)


@pytest.mark.parametrize("name", FILTERED_LISTS)
def test_a_form_sent_without_javascript_leaves_only_the_chosen_filters_in_the_address(
    client, every_list, name
):
    url = url_for(name)
    response = client.get(url + "?q=&sort=&page=&theme=&q=bolig")
    assert response.status_code == 302
    assert response["Location"] == url + "?q=bolig"
    # Nothing chosen at all: the list's own address.
    response = client.get(url + "?q=&theme=")
    assert response["Location"] == url


@pytest.mark.parametrize("name", FILTERED_LISTS)
def test_every_list_filters_as_you_choose_from_the_same_form(client, every_list, name):
    html = client.get(url_for(name, "en")).content.decode()
    (form,) = re.findall(r"<form [^>]*data-list-form[^>]*>", html)
    assert f'data-hx-get="{url_for(name, "en")}"' in form
    assert 'data-hx-push-url="true"' in form and 'method="get"' in form
    # Valid HTML: no bare hx-* attributes anywhere on the page.
    assert not re.search(r"\shx-[a-z-]+=", html)
    # One script, which finds the form by its data attribute; the filters fold behind a
    # "Filter (n)" button on a phone.
    assert html.count("js/list.js") == 1
    assert '<summary class="button button-secondary list-filters-button">Filter' in html


@pytest.mark.parametrize("name", FILTERED_LISTS)
def test_htmx_gets_only_the_results_and_the_filters_out_of_band(client, every_list, name):
    response = client.get(url_for(name, "en"), {"q": "a"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert re.match(r'\s*<div id="[a-z]+-results" class="list-results">', html)
    assert re.search(r'<div id="[a-z]+-facets" class="list-facets" data-hx-swap-oob="true">', html)
    assert re.search(r'id="[a-z]+-results-status" data-hx-swap-oob="innerHTML">\d+ \w+', html)
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_shows_its_items_with_one_heading_and_pages(client, every_list, name):
    html = client.get(url_for(name)).content.decode()
    assert re.search(r'<h2 id="[a-z]+-results-heading" class="h3 list-results-heading"', html)
    assert html.count('class="list-item') >= 1


def test_a_past_event_is_marked_held(client, every_list):
    html = client.get(url_for("policy:past")).content.decode()
    assert re.search(r"<strong class=\"list-item-past\">Afholdt</strong>", html)
    upcoming = client.get(url_for("policy:index")).content.decode()
    assert "Afholdt" not in upcoming


def test_find_a_partner_is_in_the_main_menu(client):
    html = client.get("/").content.decode()
    assert re.search(r'<a href="/find-en-partner/" class="nav-link"><span>Find en partner', html)
    english = client.get("/en/").content.decode()
    assert re.search(r'href="/en/find-a-partner/" class="nav-link"><span>Find a partner', english)


def test_a_past_event_found_by_the_search_is_marked_held(client, every_list):
    html = client.get("/soeg/", {"q": "bolig"}).content.decode()
    assert "Rundbord om bolig" in html
    assert '<strong class="list-item-past">Afholdt</strong>' in html


def test_the_case_json_link_is_in_the_open_data_not_on_the_case_page(client, every_list):
    from validation.models import CaseApplication

    case = CaseApplication.objects.filter(status="validated").first()
    page = client.get(case.get_absolute_url()).content.decode()
    assert "sim.json" not in page
    from django.utils import translation

    with translation.override("da"):  # the Danish page, whatever an earlier test activated
        open_data = client.get(reverse("validation:open_data")).content.decode()
    assert "<code>/eu-cases/…/sim.json</code>" in open_data
