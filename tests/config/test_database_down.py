"""While PostgreSQL cannot be reached every page answers 503 in the visitor's language,
with Retry-After and one log line; /healthz keeps its JSON; pages recover by themselves."""

import logging
from contextlib import contextmanager

import pytest
from django.db import connection

from tests.factories import ActorFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def database_unreachable():
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = "portal_no_such_database"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/aktoerer/", "Portalen er ikke tilgængelig lige nu"),
        ("/en/actors/", "The portal is unavailable right now"),
        ("/aktoerer/map.geojson", "Portalen er ikke tilgængelig lige nu"),
        ("/en/actors/{slug}/", "The portal is unavailable right now"),
    ],
)
def test_pages_answer_503_in_the_visitors_language_and_recover(client, caplog, path, text):
    path = path.format(slug=ActorFactory(name="Oppe Igen").slug)
    client.raise_request_exception = False
    with database_unreachable(), caplog.at_level(logging.INFO):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert text in html and "Traceback" not in html and "style=" not in html
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert lines[0].exc_info is None and "Database unavailable" in lines[0].getMessage()

    assert client.get(path).status_code == 200  # back without a restart


def test_a_logged_in_visitor_whose_session_cannot_load_gets_503_too(client, caplog):
    """The session is read in a middleware, before any view: handler500 answers there."""
    client.force_login(UserFactory())
    client.raise_request_exception = False
    with database_unreachable(), caplog.at_level(logging.INFO):
        response = client.get("/en/accounts/profile/")
    assert response.status_code == 503
    assert "The portal is unavailable right now" in response.content.decode()
    assert not [r for r in caplog.records if r.exc_info]
    assert client.get("/en/accounts/profile/").status_code == 200


def test_healthz_keeps_its_json_while_the_database_is_down(client):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}
