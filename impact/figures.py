"""The figures the centre reports to the EU and its funders: one entry per figure (its
name in addresses and files, its title, its unit and its query). The staff dashboard, the
public impact page and the CSV/XLSX downloads all read this table; a new figure is a new
entry here and nothing else.

A figure that counts rows per period is one `counted_per_period()` (see the funding
opportunities below): it groups by the date field in PostgreSQL (one query), so the
figure stays within the dashboard's query budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from funding.models import FundingOpportunity
from impact import queries
from impact.periods import Period
from impact.tables import Table, counted_per_period


@dataclass(frozen=True)
class Figure:
    name: str  # in addresses and file names: letters, digits and underscores
    title: Any
    unit: Any
    query: Callable[[Period], Table]
    on_public_page: bool = False  # also drawn on the public impact page

    def compute(self, period: Period) -> Table:
        return self.query(period)


FIGURES: list[Figure] = [
    Figure("new_actors", _("New actors"), _("actors"), queries.new_actors, on_public_page=True),
    Figure("actors_by_region", _("Actors by region"), _("actors"), queries.actors_by_region),
    Figure("actors_by_type", _("Actors by type"), _("actors"), queries.actors_by_kind),
    Figure("actors_by_role", _("Actors by role"), _("actors"), queries.actors_by_role),
    Figure(
        "municipalities",
        _("Municipalities covered"),
        _("municipalities"),
        queries.municipalities_covered,
        on_public_page=True,
    ),
    Figure("cases", _("EU cases"), _("cases"), queries.cases, on_public_page=True),
    Figure(
        "decision_days",
        _("Working days to a decision"),
        _("working days"),
        queries.decision_days,
    ),
    Figure("events", _("Events"), _("events and people"), queries.events, on_public_page=True),
    Figure(
        "decision_makers",
        _("Decision makers by level of government"),
        _("people"),
        queries.decision_makers,
    ),
    Figure(
        "recommendations",
        _("Policy recommendations by status"),
        _("recommendations"),
        queries.recommendations,
    ),
    Figure(
        "downloads",
        _("Resource downloads by type"),
        _("downloads"),
        queries.downloads,
        on_public_page=True,
    ),
    Figure(
        "funding_published",
        _("Funding opportunities published"),
        _("opportunities"),
        # Closed calls were published too: what counts is when they were.
        counted_per_period(
            lambda: FundingOpportunity.objects.public(), "published_at", lambda: _("Published")
        ),
    ),
]


def register(figure: Figure) -> None:
    """Add a figure (from an app that comes later), once."""
    if all(existing.name != figure.name for existing in FIGURES):
        FIGURES.append(figure)


def by_name(name: str) -> Figure | None:
    return next((figure for figure in FIGURES if figure.name == name), None)


def public_figures() -> list[Figure]:
    return [figure for figure in FIGURES if figure.on_public_page]
