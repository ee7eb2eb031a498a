"""The Danish pages' addresses from before they were Danish answer with a permanent
redirect to the same page's Danish address, query string kept, so no shared link breaks."""

import pytest

from tests.factories import ActorFactory, CaseApplicationFactory, EventFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def things():
    return {
        "actor": ActorFactory(slug="cafe-samvaer"),
        "resource": ResourceFactory(slug="guide-til-sociale-investeringer"),
        "case": CaseApplicationFactory(validated=True, slug="jobbroer-for-unge"),
        "event": EventFactory(slug="rundbord-aarhus"),
    }


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/actors/", "/aktoerer/"),
        ("/actors/?region=hovedstaden&kind=ngo", "/aktoerer/?region=hovedstaden&kind=ngo"),
        ("/actors/map/", "/aktoerer/map/"),
        ("/actors/map/?region=midtjylland", "/aktoerer/map/?region=midtjylland"),
        ("/actors/map/embed/", "/aktoerer/map/embed/"),
        ("/actors/map.geojson?q=caf%C3%A9", "/aktoerer/map.geojson?q=caf%C3%A9"),
        ("/actors/export.csv", "/aktoerer/export.csv"),
        ("/actors/open-data/", "/aktoerer/open-data/"),
        ("/actors/register/", "/aktoerer/register/"),
        ("/actors/cafe-samvaer/", "/aktoerer/cafe-samvaer/"),
        ("/resources/", "/viden/"),
        ("/resources/?q=finansiering", "/viden/?q=finansiering"),
        ("/resources/guide-til-sociale-investeringer/", "/viden/guide-til-sociale-investeringer/"),
        ("/cases/", "/eu-cases/"),
        ("/cases/?stage=pilot&page=2", "/eu-cases/?stage=pilot&page=2"),
        ("/cases/jobbroer-for-unge/", "/eu-cases/jobbroer-for-unge/"),
        ("/cases/mine/", "/eu-cases/mine/"),
        ("/events/", "/arrangementer/"),
        ("/events/past/", "/arrangementer/past/"),
        ("/events/feed.ics", "/arrangementer/feed.ics"),
        ("/events/rundbord-aarhus/", "/arrangementer/rundbord-aarhus/"),
    ],
)
def test_an_old_address_redirects_permanently_to_the_danish_one(client, things, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code in (200, 302)  # 302: a page that needs a login


@pytest.mark.parametrize(
    "url", ["/aktoerer/", "/viden/", "/eu-cases/", "/arrangementer/", "/en/actors/", "/en/cases/"]
)
def test_the_current_addresses_answer_directly(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/actors/no/such/page/", "/cases/x/y/z/", "/events/%00/"])
def test_an_old_address_of_no_page_is_a_404_not_a_redirect(client, url):
    assert client.get(url).status_code == 404


def test_a_head_request_and_a_post_are_redirected_too(client):
    assert client.head("/actors/map/")["Location"] == "/aktoerer/map/"
    assert client.post("/actors/register/").status_code == 301
