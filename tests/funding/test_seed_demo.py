"""seed_demo's funding calls: open, closing soon, rolling, closed and draft, from every
kind of funder; a two-year history; idempotent; the benchmark size."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from funding import bench
from funding.models import FundingOpportunity

pytestmark = pytest.mark.django_db


def seed(*args):
    out = StringIO()
    call_command("seed_demo", "--actors", "20", *args, stdout=out)
    return out.getvalue()


def test_the_demo_has_calls_in_every_state_with_a_history(client):
    seed()
    now = timezone.now()
    calls = FundingOpportunity.objects
    soon = calls.open().with_deadlines().filter(next_deadline__lte=now + timedelta(days=14))
    assert soon.count() >= 3
    assert calls.open().filter(rolling=True).exists()
    assert calls.archived().filter(status="published").exists()  # the deadline passed
    assert calls.filter(status="closed").exists() and calls.filter(status="draft").exists()
    assert calls.filter(scope="eu", currency="EUR").exists()
    assert calls.filter(funder__isnull=False).exists()
    assert calls.filter(financing_models__isnull=False).exists()
    # Published over the last two years: every quarter has some.
    dates = calls.exclude(published_at=None).values_list("published_at", flat=True)
    quarters = {(d.year, (d.month - 1) // 3) for d in dates if d > now - timedelta(days=720)}
    assert len(quarters) >= 8
    for name, url in bench.pages():
        assert client.get(url).status_code == 200, name


def test_seeding_twice_adds_nothing_and_the_bench_size_fills_up():
    seed()
    count = FundingOpportunity.objects.count()
    seed()
    assert FundingOpportunity.objects.count() == count
    seed("--funding", str(count + 40))
    assert FundingOpportunity.objects.count() == count + 40
    seed("--funding", str(count + 40))
    assert FundingOpportunity.objects.count() == count + 40
