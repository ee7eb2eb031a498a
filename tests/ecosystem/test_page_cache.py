"""The public page cache as visitors meet it: fast pages that are never stale, never
shared with a logged-in visitor, and never carrying someone else's form token."""

import gzip
import json

import pytest
from django.test import Client

from ecosystem import services
from ecosystem.models import Actor
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "directory": "/en/actors/",
    "map page": "/en/actors/map/",
    "geojson": "/en/actors/map.geojson",
}


@pytest.fixture
def lab():
    return ActorFactory(name="Aarhus Velfærdslab")


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response, body.decode()


def test_a_repeated_anonymous_request_comes_from_the_cache(client, lab):
    first, body = fetch(client, "/en/actors/")
    assert first["X-Page-Cache"] == "miss"
    again, cached = fetch(client, "/en/actors/")
    assert again["X-Page-Cache"] == "hit"
    assert cached == body and "Aarhus Velfærdslab" in cached


def test_a_cache_hit_costs_one_query(client, lab, django_assert_num_queries):
    client.get("/en/actors/")
    with django_assert_num_queries(1):  # the stamps and the page, in one cache read
        response = client.get("/en/actors/")
    assert response["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("page", [*PAGES, "actor page"])
def test_an_edit_shows_on_the_next_anonymous_request(client, lab, page):
    url = PAGES.get(page) or lab.get_absolute_url()
    fetch(client, url)
    fetch(client, url)  # now cached
    lab.name = "Aarhus Velfærdslab 2.0"
    lab.save()
    _response, body = fetch(client, url)
    assert "Aarhus Velfærdslab 2.0" in body


@pytest.mark.parametrize("page", list(PAGES))
def test_publishing_and_unpublishing_show_on_the_next_request(
    client, page, django_capture_on_commit_callbacks
):
    owner = UserFactory()
    moderator = UserFactory(staff=True, groups=["moderators"])
    actor = ActorFactory(name="Ny Aktør i Vejle", pending=True)
    MembershipFactory(actor=actor, user=owner)
    url = PAGES[page]
    assert "Ny Aktør i Vejle" not in fetch(client, url)[1]
    services.transition_actor(actor=actor, action="approve", by=moderator)
    assert "Ny Aktør i Vejle" in fetch(client, url)[1]
    services.transition_actor(actor=actor, action="unpublish", by=moderator)
    assert "Ny Aktør i Vejle" not in fetch(client, url)[1]


def test_an_unpublished_actor_page_is_gone_at_once(client, lab):
    moderator = UserFactory(staff=True, groups=["moderators"])
    url = lab.get_absolute_url()
    fetch(client, url)
    fetch(client, url)
    services.transition_actor(actor=lab, action="archive", by=moderator)
    assert client.get(url).status_code == 404


def test_a_logged_in_visitor_never_gets_the_anonymous_copy(client, lab):
    fetch(client, "/en/actors/")
    fetch(client, "/en/actors/")  # cached for anonymous visitors
    member = MembershipFactory(actor=lab).user
    client.force_login(member)
    response, body = fetch(client, "/en/actors/")
    assert "X-Page-Cache" not in response
    assert "Log out" in body
    assert response["Cache-Control"] == "private, no-store"


def test_a_page_with_a_form_token_is_never_served_to_a_second_visitor(lab):
    """The sign-up page carries a CSRF token: each visitor gets their own."""
    first = Client().get("/en/accounts/signup/")
    second = Client().get("/en/accounts/signup/")
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    token = first.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token not in second.content.decode()


def test_a_message_is_never_stored_or_served_from_the_cache(client, lab):
    fetch(client, "/en/actors/")
    fetch(client, "/en/actors/")
    user = UserFactory()
    client.force_login(user)
    client.post("/en/accounts/logout/")  # leaves "You have signed out." for the next page
    response = client.get("/en/actors/")
    assert "X-Page-Cache" not in response
    assert "signed out" in response.content.decode()
    assert "signed out" not in Client().get("/en/actors/").content.decode()


def test_languages_and_query_strings_are_cached_apart(client, lab):
    ActorFactory(name="Fond for Fællesskab", kind=Actor.Kind.FOUNDATION)
    _r, danish = fetch(client, "/aktoerer/")
    _r, english = fetch(client, "/en/actors/")
    _r, filtered = fetch(client, "/en/actors/?kind=foundation")
    assert 'lang="da"' in danish and 'lang="en"' in english
    assert "Aarhus Velfærdslab" not in filtered and "Fond for Fællesskab" in filtered
    _r, english_again = fetch(client, "/en/actors/")
    assert "Aarhus Velfærdslab" in english_again


def test_the_compressed_geojson_is_the_same_feature_collection(client, lab):
    plain = client.get("/en/actors/map.geojson")
    compressed = client.get("/en/actors/map.geojson", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert json.loads(gzip.decompress(compressed.content)) == json.loads(plain.content)
    assert json.loads(plain.content)["type"] == "FeatureCollection"


@pytest.mark.parametrize("url", ["/en/actors/export.csv", "/en/actors/export.json"])
def test_open_data_downloads_are_compressed_when_the_client_accepts_it(client, lab, url):
    plain = client.get(url)
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    body = gzip.decompress(b"".join(compressed.streaming_content))
    assert body == b"".join(plain.streaming_content)
    assert "Aarhus Velfærdslab" in body.decode("utf-8-sig")


def test_html_pages_with_a_form_are_not_compressed(client, lab):
    response = client.get("/en/accounts/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in response


@pytest.mark.parametrize("url", ["/en/actors/", "/en/actors/map/", "/en/", "/en/about/"])
def test_public_pages_may_be_held_briefly_by_a_cdn_and_revalidated(client, lab, url):
    for _ in range(2):  # the miss and the hit say the same
        response = client.get(url)
        assert "public" in response["Cache-Control"]
        assert "max-age=60" in response["Cache-Control"]
        assert response["ETag"]
        assert "Cookie" in response["Vary"]
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_pages_for_members_are_private(client, lab):
    member = MembershipFactory(actor=lab).user
    client.force_login(member)
    for url in ("/en/actors/mine/", lab.get_absolute_url(), "/en/accounts/profile/"):
        assert client.get(url)["Cache-Control"] == "private, no-store"


def test_a_public_page_that_renders_a_form_token_is_not_stored(rf):
    """Should a public page ever hold a form, its CSRF token stays with its visitor."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.template import engines

    from common.pagecache import public_page
    from ecosystem.facets import GENERATION

    template = engines["django"].from_string("<form>{% csrf_token %}</form>")

    @public_page(GENERATION)
    def page_with_form(request):
        return HttpResponse(template.render({}, request))

    def visit():
        request = rf.get("/en/some-form/")
        request.user = AnonymousUser()
        return page_with_form(request)

    first, second = visit(), visit()
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert first.content != second.content  # each visitor's own token


@pytest.mark.parametrize("url", ["/en/actors/", "/en/actors/map/"])
def test_logged_in_visitors_share_the_list_but_not_the_header(lab, url):
    first, second = UserFactory(full_name="Første Bruger"), UserFactory(full_name="Anden Bruger")
    pages = []
    for user in (first, second):
        client = Client()
        client.force_login(user)
        pages.append(fetch(client, url)[1])
    assert "Aarhus Velfærdslab" in pages[0] and "Aarhus Velfærdslab" in pages[1]
    assert "Første Bruger" in pages[0]
    assert first.email not in pages[1] and "Første Bruger" not in pages[1]


def test_a_logged_in_visitor_sees_an_edit_on_the_next_request(client, lab):
    client.force_login(UserFactory())
    fetch(client, "/en/actors/")
    lab.name = "Aarhus Velfærdslab 2.0"
    lab.save()
    assert "Aarhus Velfærdslab 2.0" in fetch(client, "/en/actors/")[1]


def test_the_logged_in_directory_reuses_the_list(client, lab, django_assert_max_num_queries):
    client.force_login(UserFactory())
    fetch(client, "/en/actors/")
    # The session, the user, and the list in one cache read: no facet count, no results query.
    with django_assert_max_num_queries(3):
        fetch(client, "/en/actors/")
