"""Every refusal is the portal's own page, in the visitor's language, with no inline style;
links on it are built from the route Django resolved, never from the raw path."""

import logging

import pytest
from django.test import Client

from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def assert_portal_page(response, text: str, lang: str) -> str:
    html = response.content.decode()
    assert text in html
    assert f'<html lang="{lang}">' in html
    assert "style=" not in html and "<style" not in html
    return html


def test_a_disallowed_host_gets_the_portal_page_in_english(client):
    response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_portal_page(response, "We could not read your request", "en")


def test_a_body_over_the_limit_gets_a_clear_page_in_danish(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(UserFactory())
    response = client.post("/accounts/profile/", {"full_name": "x" * 5000})
    assert response.status_code == 413
    assert_portal_page(response, "Det, du sendte, er for stort", "da")


def test_a_refused_method_gets_the_portal_page_and_keeps_allow(client):
    user = UserFactory()
    actor = ActorFactory(draft=True)
    MembershipFactory(actor=actor, user=user)
    client.force_login(user)
    response = client.get(f"/en/actors/{actor.slug}/submit/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert_portal_page(response, "cannot be opened this way", "en")


def test_a_failed_csrf_check_gets_the_portal_page(client):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(UserFactory())
    response = csrf_client.post("/accounts/profile/", {"full_name": "Ny"})
    assert response.status_code == 403
    assert_portal_page(response, "Formularen er udløbet", "da")


def test_a_refusal_is_logged_at_info_without_a_traceback(client, caplog):
    """A staff member outside the moderators opens the admin's actor list."""
    clerk = UserFactory(staff_mfa=True, groups=["editors"])
    client.force_login(clerk)
    with caplog.at_level(logging.INFO):
        response = client.get("/en/admin/ecosystem/actor/")
    assert response.status_code == 403
    assert_portal_page(response, "Access denied", "en")
    refusals = [r for r in caplog.records if r.getMessage().startswith("Forbidden")]
    assert len(refusals) == 1
    assert refusals[0].levelno == logging.INFO and refusals[0].exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("path", ["//evil.example/", "/%2F%2Fevil.example", "///evil.example/x"])
def test_a_path_with_leading_slashes_is_normalised_before_any_link(client, path):
    # PATH_INFO as a server passes it on (the test client would read "//host" as a host).
    from urllib.parse import unquote

    response = client.get("/", PATH_INFO=unquote(path))
    assert response.status_code == 301
    assert response["Location"].startswith("/evil.example")
    assert not response["Location"].startswith("//")
    page = client.get(response["Location"])
    assert page.status_code == 404
    html = page.content.decode()
    assert "//evil.example" not in html


def test_language_links_on_a_404_lead_to_each_front_page(client):
    html = client.get("/en/no-such-page/").content.decode()
    assert 'href="/" lang="da"' in html
    assert 'href="/en/" lang="en"' in html
    assert "no-such-page" not in html


def test_language_links_follow_the_resolved_route_and_keep_the_query(client):
    html = client.get("/en/about/?a=1").content.decode()
    assert 'href="/om/?a=1"' in html


def test_every_response_has_a_permissions_policy(client):
    policy = client.get("/").headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_a_body_over_the_overall_limit_is_refused_before_it_is_read(client, settings):
    settings.MAX_REQUEST_BODY_SIZE = 10_000
    client.force_login(UserFactory())
    response = client.post(
        "/en/accounts/profile/", b"x" * 20_000, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert_portal_page(response, "What you sent is too large", "en")


@pytest.mark.parametrize(
    ("url", "search", "sections"),
    [
        ("/no-such-page/", 'action="/soeg/"', ['href="/aktoerer/map/"', 'href="/kontakt/"']),
        (
            "/en/no-such-page/",
            'action="/en/search/"',
            ['href="/en/actors/map/"', 'href="/en/contact/"', 'href="/en/"'],
        ),
    ],
)
def test_a_404_offers_a_search_and_the_main_sections(client, url, search, sections):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html and search in html and 'name="q"' in html
    for link in sections:
        assert link in html


def test_the_500_page_offers_a_search_and_the_main_sections_without_a_database():
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        html = render_to_string("500.html", {"LANGUAGE_CODE": "en"})
    assert not queries.captured_queries
    assert 'role="search"' in html and 'action="/en/search/"' in html
    assert 'href="/en/events/"' in html and 'href="/en/"' in html
