"""Every loss of the database connection during a request answers 503 with Retry-After,
and the next request is served again (pg_terminate_backend half-way through a page)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_connection_after():
    yield
    connection.close()  # the test client keeps Django from closing it between requests


@pytest.mark.urls("tests.config.terminated_urls")
@pytest.mark.parametrize("page", ["/dropdown/", "/raw/"])
def test_a_connection_terminated_during_a_request_answers_503_then_recovers(client, page):
    client.raise_request_exception = False
    response = client.get(page)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    # What Django does at the start of the next request (the test client skips it):
    # the broken connection is dropped and the next query opens a new one.
    connection.close()
    again = client.get("/themes/")
    assert again.status_code == 200
    assert again.content.decode().endswith(" themes")
