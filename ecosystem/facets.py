"""Facet counts for the directory in one query, and the taxonomies' labels in another.

A count beside each filter option must follow the other filters, so each facet that is
itself filtered needs its own set of actors to count in. Counting with one query per
facet scans the actors eight times; with 10,000 actors that alone breaks the directory's
time budget. Here every distinct set of actors is a materialised CTE, scanned once; the
column facets are counted from it in one pass (GROUPING SETS) and the many-to-many facets
with one join: one round trip, whatever the number of facets, options or actors. The SQL
of each set is Django's own (sql_with_params).

The counts are also cached (Django's cache: the database, or Redis when REDIS_URL is
set), keyed by the exact SQL and parameters and stamped with a generation that every
saved, deleted or re-linked actor renews. The generation is renewed at once and again when the
transaction commits: a request that counted while the change was not yet visible stored
its counts under the first renewal, which the second makes old. Bulk inserts and updates
send no signals; for them the cache lasts at most CACHE_SECONDS.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from ecosystem.models import SDG, Actor, Municipality, Region, TargetGroup, Theme

# Facets on a column of the actor table: facet → column in the CTE.
COLUMN_FACETS = {
    "kind": "kind",
    "country": "country",
    "region": "region_id",
    "municipality": "municipality_id",
    "open_to_partnerships": "open_to_partnerships",
}
# Facets through a many-to-many table: facet → the relation on Actor.
RELATION_FACETS = {"theme": "themes", "target_group": "target_groups", "sdg": "sdgs"}
_BASE_COLUMNS = ("id", "kind", "country", "region_id", "municipality_id", "open_to_partnerships")


CACHE_SECONDS = 300
_GENERATION_KEY = "ecosystem:facets:generation"


def _renew() -> None:
    cache.set(_GENERATION_KEY, uuid.uuid4().hex, None)


def renew_generation(*, action: str = "post_save", **_signal) -> None:
    """Make every cached count old: now, and again once the change is committed."""
    if action.startswith("pre_"):
        return  # m2m_changed also fires before the change; "post_" follows
    _renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_renew)


post_save.connect(renew_generation, sender=Actor, dispatch_uid="facets-actor-saved")
post_delete.connect(renew_generation, sender=Actor, dispatch_uid="facets-actor-deleted")
for _relation in ("themes", "target_groups", "sdgs"):
    m2m_changed.connect(
        renew_generation,
        sender=getattr(Actor, _relation).through,
        dispatch_uid=f"facets-actor-{_relation}",
    )


def _cached_rows(query: str, params: list) -> list[tuple]:
    """The query's rows from the cache if they were counted in this generation."""
    key = "ecosystem:facets:" + hashlib.sha256(f"{query}|{params!r}".encode()).hexdigest()
    found = cache.get_many([_GENERATION_KEY, key])
    generation = found.get(_GENERATION_KEY)
    stored = found.get(key)
    if generation and stored and stored[0] == generation:
        return stored[1]
    if not generation:
        generation = uuid.uuid4().hex
        cache.set(_GENERATION_KEY, generation, None)
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    cache.set(key, (generation, rows), CACHE_SECONDS)
    return rows


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _columns_sql(facets: list[str], cte: str) -> str:
    """Every column facet in one pass over the CTE (GROUPING SETS)."""
    columns = [COLUMN_FACETS[facet] for facet in facets]
    which = " ".join(f"WHEN GROUPING({COLUMN_FACETS[f]}) = 0 THEN '{f}'" for f in facets)
    value = ", ".join(f"{column}::text" for column in columns)
    sets = ", ".join(f"({column})" for column in columns)
    return (
        f"SELECT CASE {which} END, COALESCE({value}), COUNT(*) FROM {cte} "
        f"GROUP BY GROUPING SETS ({sets})"
    )


def _relations_sql(facets: list[str], cte: str) -> str:
    """Every many-to-many facet with one join: the link tables side by side, then the CTE."""
    links = []
    for number, facet in enumerate(facets, start=1):
        through = getattr(Actor, RELATION_FACETS[facet]).through
        target = next(f for f in through._meta.get_fields() if f.is_relation and f.name != "actor")
        actor_column = _quote(through._meta.get_field("actor").column)
        # A small number tags each link table (cheaper to group by than text).
        links.append(
            f"SELECT {number} AS facet, {actor_column} AS actor_id, "
            f"{_quote(target.column)} AS value FROM {_quote(through._meta.db_table)}"
        )
    names = ", ".join(f"'{facet}'" for facet in facets)
    return (
        f"SELECT (ARRAY[{names}])[m.facet], m.value::text, COUNT(*) "
        f"FROM ({' UNION ALL '.join(links)}) m "
        f"WHERE m.actor_id IN (SELECT id FROM {cte}) GROUP BY m.facet, m.value"
    )


def facet_counts(groups: list[tuple[QuerySet, list[str]]]) -> dict[str, dict[str, int]]:
    """For each (actors, facets) group: how many of those actors have each facet value.

    Values are text: the choice for kind and country, the id for regions, municipalities
    and the many-to-many facets, "true"/"false" for open_to_partnerships.
    """
    ctes, selects, params = [], [], []
    for number, (actors, facets) in enumerate(groups):
        if not facets:
            continue
        cte = f"base{number}"
        sql, cte_params = actors.order_by().values_list(*_BASE_COLUMNS).query.sql_with_params()
        # The select list's order is Django's choice; its aliases are the column names.
        ctes.append(f"{cte} AS MATERIALIZED ({sql})")
        params.extend(cte_params)
        columns = [facet for facet in facets if facet in COLUMN_FACETS]
        relations = [facet for facet in facets if facet in RELATION_FACETS]
        if columns:
            selects.append(_columns_sql(columns, cte))
        if relations:
            selects.append(_relations_sql(relations, cte))
    counts: dict[str, dict[str, int]] = {facet: {} for _actors, fs in groups for facet in fs}
    if not selects:
        return counts
    query = f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}"
    for facet, value, count in _cached_rows(query, params):
        if value is not None:
            counts[facet][value] = count
    return counts


@dataclass(frozen=True)
class Label:
    id: str
    key: str  # what the filter takes in the URL: slug, code or number
    label: str
    sort: str


_LABEL_SOURCES = (
    # facet, model, URL key column, sort expression
    ("region", Region, "slug", "code"),
    ("municipality", Municipality, "code", "''"),
    ("theme", Theme, "slug", "lpad(position::text, 5, '0')"),
    ("target_group", TargetGroup, "slug", "lpad(position::text, 5, '0')"),
    ("sdg", SDG, "number", "lpad(number::text, 3, '0')"),
)


def taxonomy_labels(language: str) -> dict[str, list[Label]]:
    """Every region, municipality, theme, target group and SDG with its name in
    `language` (falling back to the other), in display order: one query."""
    other = "en" if language == "da" else "da"
    selects = [
        f"SELECT '{facet}', id::text, {key}::text, "
        f"COALESCE(NULLIF(name_{language}, ''), name_{other}), {sort} "
        f"FROM {_quote(model._meta.db_table)}"
        for facet, model, key, sort in _LABEL_SOURCES
    ]
    labels: dict[str, list[Label]] = {facet: [] for facet, *_rest in _LABEL_SOURCES}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects))
        for facet, pk, key, name, sort in cursor.fetchall():
            label = f"{key}. {name}" if facet == "sdg" else name
            labels[facet].append(Label(pk, key, label or "", sort))
    for items in labels.values():
        items.sort(key=lambda item: (item.sort, item.label.lower()))
    return labels
