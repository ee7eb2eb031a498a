"""The shape of every app's query-count test: many rows tagged at random, then each page
fetched twice (a cold cache, then a warm one) within a fixed number of queries."""

from __future__ import annotations

import random
from typing import Any


def link_at_random(relation: Any, rows: list, choices: list, per_row: int, rng: random.Random):
    """`per_row` random `choices` for every row, on a many-to-many `relation` such as
    `Resource.themes`, in one bulk insert."""
    through = relation.through
    source = relation.field.m2m_field_name()
    target = relation.field.m2m_reverse_field_name()
    through.objects.bulk_create(
        through(**{source: row, target: choice})
        for row in rows
        for choice in rng.sample(choices, per_row)
    )


def fetch_within(client, path: str, budgets: tuple[int, ...], assert_max_num_queries, **headers):
    """Fetch `path` once per budget (cold, then warm), each within its number of queries;
    every answer is a 200 with a body."""
    for budget in budgets:
        with assert_max_num_queries(budget):
            response = client.get(path, **headers)
            body = b"".join(response) if response.streaming else response.content
        assert response.status_code == 200
        assert body
