"""Streamed exports during a database outage (issue 16, finding 8): they answered 200
with a header row and a cut-off body. They check the database before the first byte and
answer 503 with Retry-After like every other page."""

import pytest

from tests.config.test_database_down import database_unreachable
from tests.factories import ActorFactory, ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    "path",
    [
        "/en/actors/export.csv",
        "/en/actors/export.json",
        "/en/resources/export.csv",
        "/en/resources/export.json",
        "/en/cases/export.csv",
        "/en/cases/export.json",
    ],
)
def test_a_streamed_export_answers_503_while_the_database_is_down(client, path):
    ActorFactory(name="Oppe Igen")
    ResourceFactory()
    assert client.get(path).status_code == 200
    client.raise_request_exception = False
    with database_unreachable():
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"The portal is unavailable right now" in body
    assert client.get(path).status_code == 200
