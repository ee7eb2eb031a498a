"""Each library page runs a fixed number of queries, whatever the library's size: the
same budget holds with 10 and with 500 resources."""

import datetime
import random

import pytest

from ecosystem.models import Actor, TargetGroup, Theme
from resources.facets import GENERATION
from resources.models import Collection, CollectionItem, Resource
from tests.factories import ActorFactory, ResourceFactory, add_pdf
from tests.query_budgets import fetch_within, link_at_random

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """The budgets bound the rendering; the page cache would answer without it."""
    settings.PAGE_CACHE = False


def make_resources(count: int) -> list[Resource]:
    rng = random.Random(count)
    actors = [ActorFactory(name=f"Udgiver {n}") for n in range(3)]
    kinds = [value for value, _label in Resource.Kind.choices]
    resources = Resource.objects.bulk_create(
        Resource(
            title=f"Ressource {n} om finansiering",
            slug=f"ressource-{n}",
            summary="Om sociale investeringer.",
            kind=rng.choice(kinds),
            language=rng.choice(["da", "en"]),
            access=rng.choice(["public", "partners"]),
            status="published",
            published_on=datetime.date(2015 + n % 10, 1, 1),
        )
        for n in range(count)
    )
    themes, groups = list(Theme.objects.all()), list(TargetGroup.objects.all())
    link_at_random(Resource.themes, resources, themes, 2, rng)
    link_at_random(Resource.target_groups, resources, groups, 2, rng)
    Resource.publishers.through.objects.bulk_create(
        Resource.publishers.through(resource=r, actor=rng.choice(actors)) for r in resources
    )
    collection = Collection.objects.create(title="Samling", slug="samling", is_published=True)
    CollectionItem.objects.bulk_create(
        CollectionItem(collection=collection, resource=r, position=n)
        for n, r in enumerate(resources)
    )
    GENERATION.renew()
    return resources


@pytest.fixture(params=[10, 500], ids=lambda n: f"{n}-resources")
def library(request):
    resources = make_resources(request.param)
    add_pdf(resources[0], ["et ord"])
    return resources


# Page → queries cold, then warm (facet counts and labels cached).
BUDGETS = {
    "library": ("/en/resources/", 12, 5),
    "library filtered": ("/en/resources/?kind=guide&theme=active-inclusion&year=2019", 14, 7),
    "library searched (da)": ("/viden/?q=finansieringsmodeller", 13, 6),  # +1: search glossary
    "library htmx": ("/en/resources/?q=finans&language=da", 13, 6),  # +1: search glossary
    "resource page": ("/en/resources/ressource-0/", 10, 10),
    "collection": ("/en/resources/collections/samling/", 3, 3),
    "collections": ("/en/resources/collections/", 2, 2),
    "feed": ("/viden/feed/", 2, 2),
    "json": ("/en/resources/export.json", 2, 2),
    "csv": ("/en/resources/export.csv", 2, 2),
}


@pytest.mark.parametrize("page", BUDGETS)
def test_each_page_has_a_fixed_query_budget(client, library, page, django_assert_max_num_queries):
    path, cold, warm = BUDGETS[page]
    headers = {"HTTP_HX_REQUEST": "true"} if page == "library htmx" else {}
    fetch_within(client, path, (cold, warm), django_assert_max_num_queries, **headers)


def test_the_actor_page_lists_its_resources_in_one_query(client, library):
    actor = Actor.objects.get(name="Udgiver 0")
    response = client.get(f"/en/actors/{actor.slug}/")
    assert b"Knowledge resources" in response.content
    assert ResourceFactory._meta.model.objects.filter(publishers=actor).exists()
