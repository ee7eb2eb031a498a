"""The suggestion pages and the search as a visitor sees them, bad input included."""

import pytest
from django.urls import reverse
from django.utils import translation

from ecosystem.models import Actor
from tests.factories import ActorFactory, CaseApplicationFactory
from tests.matching.conftest import EMPLOYMENT, INCLUSION, YOUNG, actor

pytestmark = pytest.mark.django_db


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"matching:{name}", kwargs=kwargs)


def test_the_addresses_follow_the_actor_and_case_addresses():
    assert url("actor_partners", slug="lab") == "/en/actors/lab/partners/"
    assert url("actor_partners", "da", slug="lab") == "/aktoerer/lab/partnere/"
    assert url("case_partners", slug="job") == "/en/cases/job/partners/"
    assert url("find_partner") == "/en/find-a-partner/"
    assert url("find_partner", "da") == "/find-en-partner/"


def test_an_actors_suggestions_say_why_and_link_to_public_pages_only(client, world):
    response = client.get(url("actor_partners", slug="ungdomsbroen"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Partner suggestions for Ungdomsbroen" in html
    assert "4 suggestions" in html
    assert html.index("Fonden for Unge") < html.index("Warsaw Youth Lab") < html.index("Aarhus")
    assert "Complementary role: funder" in html
    assert world["funder"].get_absolute_url() in html
    # A case that seeks partners is contacted through the relay, never an address.
    relay = reverse("validation:express_interest", kwargs={"slug": world["case"].slug})
    assert relay in html
    assert world["case"].contact_email not in html
    assert "Kladden" not in html and "Submitted case" not in html
    assert "How suggestions are ranked" in html


def test_the_danish_page_is_in_danish(client, world):
    response = client.get(url("actor_partners", "da", slug="ungdomsbroen"))
    html = response.content.decode()
    assert "Partnerforslag til Ungdomsbroen" in html
    assert "Komplementær rolle: bevillingsgiver" in html


def test_a_case_that_seeks_partners_has_suggestions(client, world):
    subject = CaseApplicationFactory(
        actor=world["subject"],
        title="Young people into work",
        validated=True,
        seeks_partners=True,
        partner_countries=["PL"],
    )
    response = client.get(url("case_partners", slug=subject.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "In Poland, as sought" in html
    assert "Countries sought" in html


def test_a_case_that_seeks_no_partners_has_no_suggestions_page(client, world):
    quiet = CaseApplicationFactory(actor=world["subject"], validated=True, seeks_partners=False)
    assert client.get(url("case_partners", slug=quiet.slug)).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "?page=2",
        "?page=999999999999999999999999",
        "?page=-3",
        "?page=abc",
        "?page=%00",
        "?show=everything&where=mars",
        "?show=" + "x" * 5000,
        "?where=%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_bad_input_in_the_address_never_breaks_the_page(client, world, query):
    response = client.get(url("actor_partners", slug="ungdomsbroen") + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "Fonden for Unge" in html  # the default options, the first or the last page


def test_an_unknown_option_is_said_and_ignored(client, world):
    response = client.get(url("actor_partners", slug="ungdomsbroen") + "?where=mars")
    html = response.content.decode()
    assert "This value in the address was not recognised" in html
    assert "4 suggestions" in html


def test_twenty_five_suggestions_come_in_two_pages(client, world):
    for number in range(21):
        actor(f"Extra {number:02d}", theme_slugs=(EMPLOYMENT,))
    first = client.get(url("actor_partners", slug="ungdomsbroen")).content.decode()
    assert "25 suggestions" in first and "Page 1 of 2" in first
    second = client.get(url("actor_partners", slug="ungdomsbroen") + "?page=2").content.decode()
    assert "Page 2 of 2" in second
    past = client.get(url("actor_partners", slug="ungdomsbroen") + "?page=7").content.decode()
    assert "Page 2 of 2" in past


# --- Find a Danish partner ------------------------------------------------------------------


@pytest.fixture
def partners(world):
    actor(
        "Social Lab Odense",
        theme_slugs=(INCLUSION,),
        group_slugs=(YOUNG,),
        role=Actor.Role.RESEARCHER,
        open_to_partnerships=True,
        partnership_text_en="Universities abroad for a joint Horizon application.",
    )
    actor("Lukket Forening", theme_slugs=(INCLUSION,), open_to_partnerships=False)
    ActorFactory(name="Kladde Åben", draft=True, open_to_partnerships=True)
    return world


def test_the_search_lists_danish_actors_open_to_partnerships_only(client, partners):
    html = client.get(url("find_partner")).content.decode()
    assert "Find a Danish partner" in html
    assert "Social Lab Odense" in html and "Fonden for Unge" in html
    assert "Universities abroad for a joint Horizon application." in html
    for hidden in ("Lukket Forening", "Kladde Åben", "Warsaw Youth Lab", "Aarhus Universitet"):
        assert hidden not in html
    assert "3 organisations open to partnerships" in html


def test_the_search_filters_by_role_theme_and_target_group_with_counts(client, partners):
    html = client.get(url("find_partner") + "?role=researcher").content.decode()
    assert "Social Lab Odense" in html and "Fonden for Unge" not in html
    assert "1 organisation open to partnerships" in html
    assert "Researcher (1)" in html and "Funder (1)" in html
    html = client.get(url("find_partner") + f"?theme={EMPLOYMENT}").content.decode()
    assert "Fonden for Unge" in html and "Social Lab Odense" not in html


@pytest.mark.parametrize(
    "query",
    [
        "?q=" + "ungdom " * 2000,
        "?q=%22%27%3B--%20DROP%20TABLE",
        "?q=%F0%9F%A4%9D+%E2%80%AEevil",
        "?theme=no-such-theme&role=king&target_group=%00",
        "?page=99999999999999999999",
        "?page=-1",
        "?page=zz",
    ],
)
def test_bad_input_in_the_search_never_breaks_it(client, partners, query):
    response = client.get(url("find_partner") + query)
    assert response.status_code == 200
    assert b"\"';-- DROP TABLE" not in response.content  # typed quotes come back escaped


def test_an_unknown_filter_is_said_and_ignored(client, partners):
    html = client.get(url("find_partner") + "?role=king").content.decode()
    assert "This value in the address was not recognised" in html
    assert "3 organisations open to partnerships" in html


# --- Where the suggestions are linked from ----------------------------------------------------


def test_the_actor_page_links_to_its_suggestions(client, world):
    html = client.get("/en/actors/ungdomsbroen/").content.decode()
    assert 'href="/en/actors/ungdomsbroen/partners/"' in html


def test_a_case_that_seeks_partners_links_to_its_suggestions(client, world):
    slug = world["case"].slug
    html = client.get(f"/eu-cases/{slug}/").content.decode()
    assert f'href="/eu-cases/{slug}/partnere/"' in html


def test_my_organisations_links_to_each_ones_suggestions(client, world, owner):
    client.force_login(owner)
    html = client.get("/en/actors/mine/").content.decode()
    assert 'href="/en/actors/ungdomsbroen/partners/"' in html


def test_the_directory_links_to_the_search_for_a_danish_partner(client, world):
    html = client.get("/en/actors/").content.decode()
    assert 'href="/en/find-a-partner/"' in html


def test_a_cached_page_follows_a_change_at_once(client, world):
    """Anonymous pages come from the page cache; a newly published match shows at once."""
    path = url("actor_partners", slug="ungdomsbroen")
    assert "Nyt Match" not in client.get(path).content.decode()
    assert client.get(path)["X-Page-Cache"] == "hit"
    actor("Nyt Match", theme_slugs=(EMPLOYMENT,))
    assert "Nyt Match" in client.get(path).content.decode()


def test_the_bench_pages_answer(client, world):
    from matching import bench

    for _name, path in bench.pages():
        assert client.get(path).status_code == 200, path


def test_hostile_names_are_shown_as_text(client, world):
    actor('<img src=x onerror="alert(1)">', slug="hostile", theme_slugs=(EMPLOYMENT,))
    html = client.get(url("actor_partners", slug="ungdomsbroen")).content.decode()
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_the_page_explains_the_weights_the_query_uses(client, world):
    from matching.scoring import WEIGHTS

    html = client.get(url("actor_partners", slug="ungdomsbroen")).content.decode()
    ranking = html[html.index('id="ranking"') :]
    for points in WEIGHTS.values():
        assert f'<td class="matching-points">{points}</td>' in ranking
    assert "<td>Practitioner</td><td>Funder</td>" in ranking
