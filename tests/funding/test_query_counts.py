"""Each public funding page runs the same number of queries with one call as with 300:
nothing is fetched row by row."""

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecosystem.models import Actor, Region, TargetGroup, Theme
from funding import filters as funding_filters
from funding import models as funding_models
from funding import views as funding_views
from funding.models import Deadline, FundingOpportunity
from tests.factories import ActorFactory, ResourceFactory
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "list": ("/finansiering/", 12),
    "list filtered (en)": ("/en/funding/?kind=grant&theme=active-inclusion&eligible=ngo", 14),
    "list searched": ("/finansiering/?q=fonden", 12),
    "archive": ("/finansiering/archive/", 12),
    "deadlines": ("/finansiering/deadlines.ics", 4),
    "rss": ("/finansiering/rss/", 4),
    "atom": ("/en/funding/atom/", 4),
}


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    settings.PAGE_CACHE = False


@pytest.fixture(autouse=True)
def _one_minute(monkeypatch):
    """The lists hold "now" to the minute, so that the facet counts cached by the first
    request serve the next ones in that minute. Both requests are made in one minute
    here; without this, a run that crossed a minute's boundary counted the facets twice."""
    minute = funding_models.this_minute()
    for module in (funding_models, funding_filters, funding_views):
        monkeypatch.setattr(module, "this_minute", lambda: minute)


def add_calls(count: int) -> None:
    rng = random.Random(count)
    themes, groups = list(Theme.objects.all()), list(TargetGroup.objects.all())
    funder = ActorFactory(kind=Actor.Kind.FOUNDATION, name="Fonden for Fællesskab")
    now = timezone.now()
    calls = FundingOpportunity.objects.bulk_create(
        FundingOpportunity(
            title_da=f"Fonden for pulje {n}", title_en=f"Fund {n}", slug=f"masse-{n}",
            funder=funder if n % 2 else None, funder_name="Fonden", kind=rng.choice(
                FundingOpportunity.Kind.values), eligible_kinds=[Actor.Kind.NGO],
            link="https://example.org", status="published", published_at=now,
            rolling=n % 5 == 0, amount_min=1000, amount_max=2000,
        )
        for n in range(count)
    )  # fmt: skip
    Deadline.objects.bulk_create(
        Deadline(opportunity=c, at=now + timedelta(days=rng.randint(-100, 100))) for c in calls
    )
    through = FundingOpportunity.themes.through
    through.objects.bulk_create(
        through(fundingopportunity=c, theme=t) for c in calls for t in rng.sample(themes, 2)
    )
    FundingOpportunity.target_groups.through.objects.bulk_create(
        FundingOpportunity.target_groups.through(fundingopportunity=c, targetgroup=groups[0])
        for c in calls
    )


def queries(client, path: str) -> int:
    client.get(path)  # the facet counts and labels into the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", list(PAGES))
def test_same_queries_with_one_call_and_with_many(client, page):
    path, budget = PAGES[page]
    FundingOpportunityFactory(themes=[Theme.objects.get(slug="active-inclusion")])
    with_one = queries(client, path)
    add_calls(300)
    with_many = queries(client, path)
    assert with_one == with_many <= budget


def test_call_page_same_queries_with_many_themes_deadlines_and_models(client):
    call = FundingOpportunityFactory(scope="regional")
    with_few = queries(client, call.get_absolute_url())
    call.themes.set(Theme.objects.all())
    call.target_groups.set(TargetGroup.objects.all())
    call.regions.set(Region.objects.all())
    for days in range(2, 40):
        call.deadlines.create(at=timezone.now() + timedelta(days=days))
    call.financing_models.set([ResourceFactory(kind="financing_model") for _ in range(5)])
    with_many = queries(client, call.get_absolute_url())
    assert with_few == with_many <= 10
