"""What a visitor types never breaks a search: a NUL byte (which PostgreSQL's text cannot
hold) in the portal-wide search and in each list's own search."""

import pytest

from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/soeg/", "/en/search/", "/aktoerer/", "/viden/", "/eu-cases/", "/finansiering/"]
)
def test_a_nul_byte_in_the_words_is_dropped(client, url):
    ActorFactory(name="Seniorhuset")
    response = client.get(url, {"q": "senior\x00huset'\"<script>"})
    assert response.status_code in (200, 400), url
    if url in ("/soeg/", "/en/search/"):
        assert response.status_code == 200
    nothing = client.get(url, {"q": "\x00"})
    assert nothing.status_code in (200, 400), url
