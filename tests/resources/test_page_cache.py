"""The library's cached pages are fresh after a resource is published, unpublished or
changes access level, and after a partnership changes (the actor page's badge)."""

import gzip

import pytest

from resources import services
from resources.models import Resource
from tests.factories import (
    ActorFactory,
    CollectionItemFactory,
    PartnershipFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response, body.decode()


def cached(client, url) -> str:
    fetch(client, url)
    response, body = fetch(client, url)
    assert response["X-Page-Cache"] == "hit"
    return body


def test_publishing_shows_at_once_on_the_list_the_feed_and_a_collection(client):
    resource = ResourceFactory(title="Ny vejledning om finansiering", draft=True)
    collection = CollectionItemFactory(resource=resource).collection
    urls = ["/en/resources/", "/viden/feed/", collection.get_absolute_url()]
    for url in urls:
        assert "Ny vejledning" not in cached(client, url)
    services.publish(resource)
    for url in urls:
        assert "Ny vejledning" in fetch(client, url)[1]
    services.unpublish(resource)
    for url in urls:
        assert "Ny vejledning" not in fetch(client, url)[1]
    assert client.get(resource.get_absolute_url()).status_code == 404


def test_a_change_of_access_level_shows_on_the_list_and_the_page(client):
    resource = ResourceFactory(title="Værktøjskassen")
    for url in ("/en/resources/", f"/en/resources/{resource.slug}/"):
        assert "For the centre's partners" not in cached(client, url)
    resource.access = Resource.Access.PARTNERS
    resource.save()
    for url in ("/en/resources/", f"/en/resources/{resource.slug}/"):
        assert "For the centre's partners" in fetch(client, url)[1]
    assert "Værktøjskassen" not in fetch(client, "/viden/feed/")[1]


def test_the_actor_page_follows_its_resources_and_partnership(client):
    actor = ActorFactory(name="Partnerfonden")
    url = f"/en/actors/{actor.slug}/"
    assert "Partner of the competence centre" not in cached(client, url)
    PartnershipFactory(actor=actor)
    resource = ResourceFactory(title="Fondens rapport")
    resource.publishers.add(actor)
    body = fetch(client, url)[1]
    assert "Partner of the competence centre" in body
    assert "Fondens rapport" in body


def test_a_download_is_never_served_from_the_page_cache(client):
    resource = ResourceFactory(with_file=True)
    url = resource.files.get().get_absolute_url()
    client.get(url)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    resource.access = Resource.Access.REGISTERED
    resource.save()
    assert client.get(url).status_code == 302
