"""Full-text search: one parser of what a visitor types, ranking, and the stored vector.

How a model gets search:
1. Declare a stored generated column built by `search_vector()`: which fields, with which
   weight (A matters most), in which text-search configuration. The configuration is
   either fixed ("danish", "english", "simple" for names and places that must not be
   stemmed) or taken from the row's own language column with `language_config()`, so a
   Danish row is stemmed as Danish and an English row as English.
2. Index it with a GinIndex.
3. Filter with `search_query(text)` and order with `ranked()`.

Only stock PostgreSQL is used (no extensions), so this runs on any managed server.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import models
from django.db.models import Case, F, QuerySet, Value, When
from django.db.models.functions import Cast

# Letters and digits only: what goes into a raw tsquery can never be tsquery syntax.
_WORD = re.compile(r"[^\W_]+")
MAX_LENGTH = 200
# The stemmings a visitor's words are matched with: the portal's two languages.
CONFIGS = ("danish", "english")


def search_query(text: str, *, configs: Iterable[str] = CONFIGS) -> SearchQuery | None:
    """The tsquery for what a visitor typed, or None when nothing searchable is left.

    The whole text is matched with each stemming (websearch syntax, so quotes and `-word`
    work and nothing can be a syntax error). While typing, the last word is usually
    unfinished, so the earlier words plus a prefix match of the last word ("virk" finds
    "virksomhed") are OR-ed in. An excluded word stays excluded.
    """
    text = text.strip()[:MAX_LENGTH]
    words = _WORD.findall(text)
    if not words:
        return None
    configs = tuple(configs)
    query = _websearch(text, configs)
    tokens = text.split()
    last = tokens[-1]
    if last.startswith("-") or last.endswith('"'):
        # An excluded word or a quoted phrase is finished: no prefix match, which would
        # otherwise bring back exactly what the visitor excluded.
        return query
    prefix = SearchQuery(f"{words[-1].lower()}:*", config="simple", search_type="raw")
    rest = " ".join(tokens[:-1])  # the earlier words as typed, so "-word" still excludes
    if _WORD.search(rest):
        prefix = _websearch(rest, configs) & prefix
    return query | prefix


def _websearch(text: str, configs: tuple[str, ...]) -> SearchQuery:
    query = SearchQuery(text, config=configs[0], search_type="websearch")
    for config in configs[1:]:
        query = query | SearchQuery(text, config=config, search_type="websearch")
    return query


def ranked(queryset: QuerySet, query: SearchQuery, *, field: str = "search_vector") -> QuerySet:
    """The matching rows, best match first (ties by primary key, so pages are stable)."""
    return (
        queryset.filter(**{field: query})
        .annotate(rank=SearchRank(F(field), query))
        .order_by("-rank", "pk")
    )


# --- The stored vector --------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """Some fields of the row, with their weight and their text-search configuration
    (a name such as "danish", or an expression from `language_config()`)."""

    fields: tuple[str, ...]
    weight: str
    config: str | models.Expression


def language_config(field: str, configs: dict[str, str], *, default: str = "simple") -> Case:
    """The configuration chosen by the row's language column, e.g.
    language_config("language", {"da": "danish", "en": "english"}); other languages get
    `default` (no stemming). Immutable, so it can build a generated column."""
    return Case(
        *(
            When(**{field: code}, then=Cast(Value(config), output_field=_RegConfig()))
            for code, config in configs.items()
        ),
        default=Cast(Value(default), output_field=_RegConfig()),
    )


class _RegConfig(models.Field):
    def db_type(self, connection) -> str:
        return "regconfig"


def search_vector(*parts: Part) -> models.GeneratedField:
    """The stored, generated tsvector column computed by PostgreSQL from `parts`."""
    expression = None
    for part in parts:
        vector = SearchVector(*part.fields, weight=part.weight, config=part.config)
        expression = vector if expression is None else expression + vector
    return models.GeneratedField(
        expression=expression, output_field=SearchVectorField(), db_persist=True
    )
