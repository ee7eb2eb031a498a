"""The database cache: a write is one round trip, and the table is culled by a job."""

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command

from config import schedule

pytestmark = pytest.mark.django_db


def test_a_write_costs_one_query_and_reads_back(django_assert_num_queries):
    with django_assert_num_queries(1):
        cache.set("page:one", {"body": b"\x1f\x8b", "stamps": {"ecosystem": "a"}}, 60)
    with django_assert_num_queries(1):
        cache.set("page:one", {"body": b"new", "stamps": {}}, 60)  # an update, also one
    assert cache.get("page:one") == {"body": b"new", "stamps": {}}


def test_many_writes_cost_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        cache.set_many({"generation:a": "1", "generation:b": "2"}, None)
    assert cache.get_many(["generation:a", "generation:b"]) == {
        "generation:a": "1",
        "generation:b": "2",
    }


def test_an_expired_entry_is_gone_and_culled(settings):
    cache.set("short", "value", -1)  # already expired
    cache.set("kept", "value", None)
    assert cache.get("short") is None
    cache.cull()
    assert cache.get("kept") == "value"


def test_the_job_keeps_the_table_under_its_size(settings):
    settings.CACHES = {
        "default": settings.CACHES["default"],
        "small": {
            "BACKEND": "common.cache.DatabaseCache",
            "LOCATION": settings.CACHES["default"]["LOCATION"],
            "OPTIONS": {"MAX_ENTRIES": 10, "CULL_EVERY": 0},
        },
    }
    small = caches["small"]
    small.set_many({f"page:{number}": number for number in range(40)}, 60)
    assert len(small.get_many([f"page:{number}" for number in range(40)])) == 40  # no cull
    assert small.cull() <= 10
    call_command("cull_cache", verbosity=0)  # the default cache: nothing to cull, no error


def test_the_cull_is_a_scheduled_job():
    assert "cull_cache" in schedule.BY_COMMAND
