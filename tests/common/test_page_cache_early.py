"""Page-cache hits served early (common.pagecache.PageCacheMiddleware), before sessions,
CSRF, authentication, messages and the view: the same rules as the full stack. A hit
that came early never reached the session middleware, so its request has no session."""

import gzip

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path

from common.generations import renew_all
from common.pagecache import public_page
from config.urls import urlpatterns as portal_urlpatterns
from ecosystem.facets import GENERATION
from tests.factories import ActorFactory, MembershipFactory

pytestmark = pytest.mark.django_db

DIRECTORY = "/en/actors/"
# Headers that belong to one response, not to the page.
PER_RESPONSE = {"x-page-cache", "x-request-id", "date", "content-length"}


def served_early(response) -> bool:
    return response.get("X-Page-Cache") == "hit" and not hasattr(response.wsgi_request, "session")


def text(response) -> str:
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return content.decode()


@pytest.fixture
def lab():
    return ActorFactory(name="Aarhus Velfærdslab")


def test_a_repeated_anonymous_request_is_served_before_the_stack(client, lab):
    first = client.get(DIRECTORY)
    assert first["X-Page-Cache"] == "miss" and hasattr(first.wsgi_request, "session")
    again = client.get(DIRECTORY)
    assert served_early(again)
    assert text(again) == text(first) and "Aarhus Velfærdslab" in text(again)


def test_an_early_hit_costs_one_query(client, lab, django_assert_num_queries):
    client.get(DIRECTORY)
    with django_assert_num_queries(1):  # every generation's stamp and the page, one read
        response = client.get(DIRECTORY)
    assert served_early(response)


def test_no_stale_page_after_a_change(client, lab):
    client.get(DIRECTORY)
    assert served_early(client.get(DIRECTORY))
    lab.name = "Aarhus Velfærdslab 2.0"
    lab.save()
    fresh = client.get(DIRECTORY)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Aarhus Velfærdslab 2.0" in text(fresh)
    again = client.get(DIRECTORY)
    assert served_early(again) and "Aarhus Velfærdslab 2.0" in text(again)


def test_a_logged_in_visitor_never_gets_the_anonymous_copy(client, lab):
    client.get(DIRECTORY)
    assert served_early(client.get(DIRECTORY))
    member = MembershipFactory(actor=lab).user
    client.force_login(member)
    response = client.get(DIRECTORY)
    assert "X-Page-Cache" not in response
    assert response.wsgi_request.user == member
    assert "Log out" in text(response)
    assert response["Cache-Control"] == "private, no-store"


def test_the_languages_are_kept_apart(client, lab):
    for url, lang in (("/aktoerer/", 'lang="da"'), (DIRECTORY, 'lang="en"')):
        client.get(url)
        again = client.get(url)
        assert served_early(again) and lang in text(again)
        assert again["Content-Language"] == lang.split('"')[1]


def test_every_header_of_the_full_response_comes_with_an_early_hit(client, settings, lab):
    settings.SECURE_HSTS_SECONDS = 3600
    for gzip_too in ({}, {"HTTP_ACCEPT_ENCODING": "gzip"}):
        renew_all()  # the page afresh, through the whole stack
        full = client.get("/en/", secure=True, **gzip_too)
        hit = client.get("/en/", secure=True, **gzip_too)
        assert full["X-Page-Cache"] == "miss" and served_early(hit)
        kept = {h.lower(): v for h, v in full.items() if h.lower() not in PER_RESPONSE}
        assert {h.lower(): v for h, v in hit.items() if h.lower() not in PER_RESPONSE} == kept
        for header in (
            "Content-Security-Policy",
            "Permissions-Policy",
            "Strict-Transport-Security",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
            "Content-Language",
        ):
            assert hit[header], header
        assert "Cookie" in hit["Vary"] and "Accept-Encoding" in hit["Vary"]


def test_a_disallowed_host_is_refused_by_the_stack_not_served(client, lab):
    client.get(DIRECTORY)
    assert client.get(DIRECTORY, HTTP_HOST="evil.example").status_code == 400


# --- A public page that renders a form token: a urlconf of its own -------------------------

_form = engines["django"].from_string("<form method=post>{% csrf_token %}</form>")


@public_page(GENERATION)
def page_with_form(request):
    return HttpResponse(_form.render({}, request))


@public_page(GENERATION)
def page_that_sets_a_cookie_below(request):
    request.session["seen"] = True  # the session middleware sets the cookie on the way out
    return HttpResponse("<p>Hello</p>")


urlpatterns = [
    path("form/", page_with_form),
    path("session/", page_that_sets_a_cookie_below),
    *portal_urlpatterns,  # the pages' menus and links
]


@pytest.mark.urls(__name__)
def test_no_form_token_is_ever_shared():
    first, second = Client().get("/form/"), Client().get("/form/")
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert hasattr(second.wsgi_request, "session")  # the full stack served the second
    token = text(first).split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token not in text(second)


@pytest.mark.urls(__name__)
def test_a_response_that_starts_a_session_is_never_stored():
    first = Client().get("/session/")
    assert first.cookies  # a session cookie for this visitor
    second = Client().get("/session/")
    assert second.get("X-Page-Cache") != "hit"
    assert second.cookies
