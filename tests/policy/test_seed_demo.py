"""seed_demo's events: what people click through, idempotent, and the benchmark size."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import resolve

from policy.models import Event, Recommendation, Registration

pytestmark = pytest.mark.django_db

RS = Registration.Status


def seed(*args):
    out = StringIO()
    call_command("seed_demo", "--actors", "20", *args, stdout=out)
    return out.getvalue()


def test_the_demo_has_outcomes_waiting_lists_and_approvals():
    seed()
    statuses = set(Recommendation.objects.values_list("status", flat=True))
    assert statuses == {"proposed", "adopted", "implemented"}
    upcoming = Event.objects.published().upcoming()
    assert any(e.registrations.filter(status=RS.WAITING).exists() for e in upcoming), (
        "one upcoming event is full with a waiting list"
    )
    assert upcoming.filter(needs_approval=True, registrations__status=RS.PENDING).exists()
    assert Event.objects.filter(status="draft").exists()
    full = Event.objects.get(slug="netvaerksmoede-innovationskonsulenter")
    assert full.registrations.filter(status=RS.CONFIRMED).count() == full.capacity
    assert Event.objects.get(slug="policylab-ensomhed").organisers.exists()


def test_seeding_twice_adds_nothing_and_the_bench_size_fills_up():
    seed()
    counts = (Event.objects.count(), Registration.objects.count())
    seed()
    assert (Event.objects.count(), Registration.objects.count()) == counts
    seed("--events", "30")
    assert Event.objects.count() == 30
    generated = Event.objects.filter(slug__startswith="genereret-").first()
    assert generated.registrations.count() == 50
    seed("--events", "30")
    assert Event.objects.count() == 30


def test_the_bench_pages_exist(client):
    from policy import bench

    seed()
    for _name, url, *role in bench.pages():
        if role:  # a staff screen, loaded by the bench as that role: its address exists
            resolve(url.split("?")[0])
        else:
            assert client.get(url).status_code == 200, url
