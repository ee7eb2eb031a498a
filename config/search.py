"""The one search box: actors, validated EU cases, events, knowledge resources and open
funding calls at once.

Each kind is a `Kind`: the public rows of one app, where its full search lives, and how a
hit is shown. What the visitor typed is parsed once (common.search, Danish and English
stemming); each kind answers in one query (its best hits and, through a window function,
how many there are in all), so the page runs one query per kind, whatever the data.
`config` may import every app; the apps know nothing of this page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Count, QuerySet, Window
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from common.search import (
    GLOSSARY,
    found,
    glossary_entries,
    rank,
    search_query,
    suggestion,
    vocabulary,
)
from ecosystem import facets as ecosystem_facets
from ecosystem.models import SDG, Actor, TargetGroup, Theme
from funding import facets as funding_facets
from funding.models import FundingOpportunity
from pages import models as pages_models
from pages.models import NewsArticle
from policy import facets as policy_facets
from policy.models import Event
from resources import facets as resources_facets
from resources.models import Resource
from validation import facets as validation_facets
from validation.models import CaseApplication

HITS_PER_KIND = 5
MAX_TEXT = 200  # what is kept of the words typed (common.search reads no more)


@dataclass(frozen=True)
class Kind:
    key: str
    heading: Any
    rows: Callable[[], QuerySet]  # the public rows
    fields: tuple[str, ...]  # what a hit shows (and needs to build its link)
    search_url: str  # the app's own search, which takes ?q=
    text: Callable[[Any], str]  # the line under a hit's title


KINDS = (
    Kind(
        "actors",
        _("Actors"),
        lambda: Actor.objects.published(),
        ("name", "slug", "kind", "short_description_da", "short_description_en"),
        "ecosystem:index",
        lambda actor: actor.short_description,
    ),
    Kind(
        "cases",
        _("Validated EU cases"),
        lambda: CaseApplication.objects.public(),
        ("title", "slug", "summary"),
        "validation:index",
        lambda case: case.summary,
    ),
    Kind(
        "events",
        _("Events"),
        lambda: Event.objects.public(),
        ("title_da", "title_en", "slug", "start", "end", "description_da", "description_en"),
        "policy:index",
        lambda event: event.description,
    ),
    Kind(
        "resources",
        _("Knowledge resources"),
        lambda: Resource.objects.published(),
        ("title", "slug", "summary", "kind"),
        "resources:index",
        lambda resource: resource.summary,
    ),
    Kind(
        "funding",
        _("Funding opportunities"),
        lambda: FundingOpportunity.objects.open(),
        ("title_da", "title_en", "slug", "description_da", "description_en"),
        "funding:index",
        lambda call: call.description,
    ),
    Kind(
        "news",
        _("News"),
        # A few dozen articles: their words are read when the query runs.
        lambda: NewsArticle.objects.published().annotate(
            search_vector=SearchVector("title_da", weight="A", config="danish")
            + SearchVector("title_en", weight="A", config="english")
            + SearchVector("summary_da", "body_da", weight="B", config="danish")
            + SearchVector("summary_en", "body_en", weight="B", config="english")
            + SearchVector("title_da", "title_en", weight="D", config="simple")
        ),
        ("title_da", "title_en", "slug", "summary_da", "summary_en", "published_at"),
        "pages:news_list",
        lambda article: article.summary,
    ),
)


@dataclass(frozen=True)
class Group:
    kind: Kind
    hits: list
    total: int
    more_url: str


def search_everything(text: str) -> list[Group] | None:
    """Every kind's best hits for `text` with their totals; None when nothing searchable
    was typed."""
    query = search_query(text)
    if query is None:
        return None
    return [_group(kind, query, text) for kind in KINDS]


def found_rows(kind: Kind, query: SearchQuery) -> QuerySet:
    """Every public row of `kind` that `query` finds, by its own words or by what the
    portal knows about it (common.search)."""
    return found(kind.rows(), query)


def _group(kind: Kind, query: SearchQuery, text: str) -> Group:
    hits = list(
        found_rows(kind, query)
        .annotate(rank=rank(kind.rows().model, query), total=Window(Count("pk")))
        .only(*kind.fields)
        .order_by("-rank", "pk")[:HITS_PER_KIND]
    )
    total = hits[0].total if hits else 0
    more_url = reverse(kind.search_url) + "?" + urlencode({"q": text})
    return Group(kind, [(hit, kind.text(hit) or "") for hit in hits], total, more_url)


def suggest(text: str) -> str | None:
    """ "Mente du …?": the typed words, each unknown one replaced by the closest word in
    the portal's own vocabulary (its public rows' words, taxonomy names, the glossary)."""
    rows = [kind.rows() for kind in KINDS]
    return suggestion(text, vocabulary(rows, _known_words, VOCABULARY_GENERATIONS))


# What the vocabulary is read from: every kind's rows, the taxonomies, the glossary.
VOCABULARY_GENERATIONS = (
    ecosystem_facets.GENERATION,
    resources_facets.GENERATION,
    validation_facets.GENERATION,
    policy_facets.GENERATION,
    funding_facets.GENERATION,
    pages_models.GENERATION,
    GLOSSARY,
)


def _known_words() -> list[str]:
    names = []
    for model in (Theme, TargetGroup, SDG):
        for da, en in model.objects.values_list("name_da", "name_en"):
            names += [da or "", en or ""]
    return names + [phrase for entry in glossary_entries() for phrase in entry]


def browse_themes() -> list[Theme]:
    """The themes, for browsing when nothing is found."""
    return list(Theme.objects.order_by("name"))
