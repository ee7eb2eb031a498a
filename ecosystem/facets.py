"""The directory's facets and the taxonomies' labels.

What the directory counts is declared here (`COUNTER`); the counting, in one query and
cached under the ecosystem's generation, is common.facets. The generation is renewed by
every change to the data the public ecosystem pages show: actors and their taxonomies,
connections and the reference data, so the page cache and the counts never go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db import connection
from django.utils.translation import get_language
from django_countries import countries

from common.facets import FacetCounter
from common.filtersets import FacetFilterSet
from common.generations import Generation
from ecosystem.models import (
    SDG,
    Actor,
    Connection,
    Municipality,
    Partnership,
    Region,
    TargetGroup,
    Theme,
)

GENERATION = Generation("ecosystem")

COUNTER = FacetCounter(
    model=Actor,
    generation=GENERATION,
    columns={
        "kind": "kind",
        "country": "country",
        "region": "region_id",
        "municipality": "municipality_id",
        "open_to_partnerships": "open_to_partnerships",
    },
    relations={"theme": "themes", "target_group": "target_groups", "sdg": "sdgs"},
)


def watch_changes() -> None:
    """Connect the signals that renew the generation (called from the app's ready())."""
    GENERATION.watch(Actor, relations=COUNTER.relations.values())
    for model in (Connection, Partnership, Region, Municipality, Theme, TargetGroup, SDG):
        GENERATION.watch(model)


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


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


TAXONOMIES = tuple(facet for facet, *_rest in _LABEL_SOURCES)


class TaxonomyFilterSet(FacetFilterSet):
    """A list whose facets include the ecosystem's taxonomies (by name in the page's
    language, one query for all of them) or countries (those found, by name)."""

    @cached_property
    def taxonomy(self) -> dict[str, list[Label]]:
        return taxonomy_labels("en" if (get_language() or "").startswith("en") else "da")

    def choices_for(self, name: str, found: dict[str, int]) -> list[tuple[str, str, str]]:
        if name in TAXONOMIES:
            return [(label.id, label.key, label.label) for label in self.taxonomy[name]]
        if name == "country":
            codes = {*found, self._selected("country")} - {""}
            return sorted(
                ((code, code, str(countries.name(code))) for code in codes), key=lambda o: o[2]
            )
        return super().choices_for(name, found)
