"""Facet counts: how many rows match each filter option, for every facet in one query.

A count beside each filter option must follow the other filters, so each facet that is
itself filtered needs its own set of rows to count in. Counting with one query per facet
scans the table once per facet; with 10,000 rows that alone breaks a list page's time
budget. Here every distinct set of rows is a materialised CTE, scanned once; the column
facets are counted from it in one pass (GROUPING SETS) and the many-to-many facets with
one join: one round trip, whatever the number of facets, options or rows. The SQL of each
set is Django's own (sql_with_params).

The counts are cached (Django's cache: the database, or Redis when REDIS_URL is set),
keyed by the exact SQL and parameters, and valid only under the generation they were
counted in (common.generations): any change to the app's rows renews it.

An app declares a `FacetCounter` (its model, its column facets, its many-to-many facets
and its generation); its FilterSet builds the sets to count and turns the counts into
`FacetOption`s for the template.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, models
from django.db.models import QuerySet
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from common.generations import Generation, read

CACHE_SECONDS = 300


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


@dataclass(frozen=True)
class FacetCounter:
    """What an app declares: which facets its model has and where they live."""

    model: type[models.Model]
    generation: Generation
    # Facets on a column of the model's table: facet → column (attname, e.g. "region_id").
    columns: dict[str, str] = field(default_factory=dict)
    # Facets through a many-to-many table: facet → the relation's name on the model.
    relations: dict[str, str] = field(default_factory=dict)
    # Facets on an array column (a row counts once under each value it holds):
    # facet → column, e.g. {"country": "countries"}.
    arrays: dict[str, str] = field(default_factory=dict)

    def count(self, groups: list[tuple[QuerySet, list[str]]]) -> dict[str, dict[str, int]]:
        """For each (rows, facets) group: how many of those rows have each facet value.

        Values are text: a choice's value, a related row's id, "true"/"false" for a
        boolean column. One query (or none, from the cache).
        """
        base_columns = (
            self.model._meta.pk.attname,
            *dict.fromkeys([*self.columns.values(), *self.arrays.values()]),
        )
        ctes, selects, params = [], [], []
        for number, (rows, facets) in enumerate(groups):
            if not facets:
                continue
            cte = f"base{number}"
            sql, cte_params = rows.order_by().values_list(*base_columns).query.sql_with_params()
            # The select list's order is Django's choice; its aliases are the column names.
            ctes.append(f"{cte} AS MATERIALIZED ({sql})")
            params.extend(cte_params)
            columns = [facet for facet in facets if facet in self.columns]
            relations = [facet for facet in facets if facet in self.relations]
            arrays = [facet for facet in facets if facet in self.arrays]
            if arrays:
                selects.append(self._arrays_sql(arrays, cte))
            if columns:
                selects.append(self._columns_sql(columns, cte))
            if relations:
                selects.append(self._relations_sql(relations, cte))
        counts: dict[str, dict[str, int]] = {facet: {} for _rows, fs in groups for facet in fs}
        if not selects:
            return counts
        query = f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}"
        for facet, value, number in self._cached_rows(query, params):
            if value is not None:
                counts[facet][value] = number
        return counts

    def _cached_rows(self, query: str, params: list) -> list[tuple]:
        """The query's rows from the cache if they were counted in this generation."""
        digest = hashlib.sha256(f"{query}|{params!r}".encode()).hexdigest()
        key = f"facets:{self.generation.name}:{digest}"
        stamps, found = read([self.generation], [key])
        generation = stamps[self.generation.name]
        stored = found.get(key)
        if stored and stored[0] == generation:
            return stored[1]
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            rows = cursor.fetchall()
        cache.set(key, (generation, rows), CACHE_SECONDS)
        return rows

    def _columns_sql(self, facets: list[str], cte: str) -> str:
        """Every column facet in one pass over the CTE (GROUPING SETS)."""
        columns = [_quote(self.columns[facet]) for facet in facets]
        which = " ".join(
            f"WHEN GROUPING({column}) = 0 THEN '{facet}'"
            for facet, column in zip(facets, columns, strict=True)
        )
        value = ", ".join(f"{column}::text" for column in columns)
        sets = ", ".join(f"({column})" for column in columns)
        return (
            f"SELECT CASE {which} END, COALESCE({value}), COUNT(*) FROM {cte} "
            f"GROUP BY GROUPING SETS ({sets})"
        )

    def _arrays_sql(self, facets: list[str], cte: str) -> str:
        """Each array facet from the CTE, a row counted once under each value it holds."""
        return " UNION ALL ".join(
            f"SELECT '{facet}', v.value::text, COUNT(*) FROM {cte}, "
            f"unnest({cte}.{_quote(self.arrays[facet])}) AS v(value) GROUP BY v.value"
            for facet in facets
        )

    def _relations_sql(self, facets: list[str], cte: str) -> str:
        """Every many-to-many facet with one join: the link tables side by side, then the
        CTE."""
        links = []
        pk = _quote(self.model._meta.pk.column)
        for number, facet in enumerate(facets, start=1):
            relation = self.model._meta.get_field(self.relations[facet])
            through = relation.remote_field.through
            source = _quote(relation.m2m_column_name())
            target = _quote(relation.m2m_reverse_name())
            # A small number tags each link table (cheaper to group by than text).
            links.append(
                f"SELECT {number} AS facet, {source} AS row_id, {target} AS value "
                f"FROM {_quote(through._meta.db_table)}"
            )
        names = ", ".join(f"'{facet}'" for facet in facets)
        return (
            f"SELECT (ARRAY[{names}])[m.facet], m.value::text, COUNT(*) "
            f"FROM ({' UNION ALL '.join(links)}) m "
            f"WHERE m.row_id IN (SELECT {pk} FROM {cte}) GROUP BY m.facet, m.value"
        )


# --- What the filter form draws ----------------------------------------------------------


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


SELECTED = mark_safe(" selected")  # noqa: S308 - a constant, no user input


@dataclass(frozen=True)
class FacetField:
    """One filter of the form as the template draws it: a select, or the one checkbox."""

    name: str
    label: str
    any_label: str
    options: list[FacetOption]
    errors: list[str]
    checkbox: bool = False

    @property
    def options_html(self) -> SafeString:
        """The <option>s with their counts, built here rather than in a template loop:
        with ~150 options per page, that loop was the slowest part of the directory."""
        return format_html_join(
            "",
            '<option value="{}"{}>{} ({})</option>',
            ((o.value, SELECTED if o.selected else "", o.label, o.count) for o in self.options),
        )
