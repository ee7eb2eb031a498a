import pytest
from django.db import connection
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "lang"),
    [
        ("/", "da"),
        ("/en/", "en"),
        ("/om/", "da"),
        ("/en/about/", "en"),
        ("/kontakt/", "da"),
        ("/privatlivspolitik/", "da"),
        ("/en/privacy/", "en"),
        ("/tilgaengelighedserklaering/", "da"),
        ("/en/accessibility/", "en"),
        ("/viden/", "da"),
        ("/eu-cases/", "da"),
        ("/en/events/", "en"),
    ],
)
def test_public_pages_answer_in_the_right_language(client, url, lang):
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_every_page_has_skip_link_navigation_and_footer_links(client):
    html = client.get("/").content.decode()
    assert 'class="skipnav" href="#main-content"' in html
    assert 'id="main-content"' in html
    for link in ["/aktoerer/", "/viden/", "/eu-cases/", "/arrangementer/", "/om/"]:
        assert f'href="{link}"' in html
    assert 'href="/privatlivspolitik/"' in html
    assert 'href="/tilgaengelighedserklaering/"' in html


def test_language_switcher_links_to_the_same_page_in_the_other_language(client):
    html = client.get("/om/").content.decode()
    assert 'href="/en/about/"' in html
    html = client.get("/en/about/").content.decode()
    assert 'href="/om/"' in html


def test_no_inline_scripts_or_styles_and_a_strict_csp(client):
    response = client.get("/")
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in html and "style=" not in html and "<style" not in html


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/findes-ikke/", "Siden blev ikke fundet"),
        ("/en/does-not-exist/", "Page not found"),
    ],
)
def test_unknown_url_gives_a_404_in_the_portal_layout_and_language(client, url, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert 'class="skipnav"' in html


@override_settings(DEBUG=False)
def test_server_error_page_shows_no_internals(client, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("secret internal detail")

    import config.urls

    urlconf = type(
        "Urls",
        (),
        {
            "urlpatterns": [path("boom/", broken)] + config.urls.urlpatterns,
            "handler500": "config.views.server_error",
        },
    )
    settings.ROOT_URLCONF = urlconf
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Der opstod en fejl" in html
    assert "secret internal detail" not in html and "Traceback" not in html


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_with_the_reason_when_the_database_is_unreachable(client):
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = "portal_no_such_database"
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["reason"] == "OperationalError"


@pytest.mark.parametrize("url", ["/", "/en/about/", "/aktoerer/", "/healthz"])
def test_head_requests_are_answered_like_get(client, url):
    assert client.head(url).status_code == 200


def test_a_nul_byte_in_the_address_is_a_404_not_a_crash(client, admin_client):
    assert client.get("/om%00/").status_code == 404
    assert admin_client.get("/admin/ecosystem/actor/%00/change/").status_code == 404


def test_the_language_switch_is_the_same_in_the_header_and_the_footer(client):
    page = client.get("/").content.decode()
    assert page.count('class="language-switcher language-switcher--') == 3
    assert page.count('aria-current="true">Dansk</a>') == 3
