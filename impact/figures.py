"""The figures the centre reports to the EU and its funders: one entry per figure (its
name in addresses and files, its title, its unit and its query). The staff dashboard, the
public impact page and the CSV/XLSX downloads all read this table; a new figure is a new
entry here and nothing else.

Adding a figure from another app (the funding opportunities, once `funding` exists) is
one entry, for instance in `ImpactConfig.ready()` or below:

    from funding.models import FundingOpportunity
    register(Figure(
        "funding_published", _("Funding opportunities published"), _("opportunities"),
        counted_per_period(lambda: FundingOpportunity.objects.filter(status="published"),
                           "published_at", lambda: _("Published")),
    ))

`counted_per_period` groups by the date field in PostgreSQL (one query), so the figure
stays within the dashboard's query budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from impact import queries
from impact.periods import Period
from impact.tables import Table


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
    # Funding opportunities published: one entry here once `funding` is merged (see the
    # module's docstring: counted_per_period over FundingOpportunity.published_at).
]


def register(figure: Figure) -> None:
    """Add a figure (from an app that comes later), once."""
    if all(existing.name != figure.name for existing in FIGURES):
        FIGURES.append(figure)


def by_name(name: str) -> Figure | None:
    return next((figure for figure in FIGURES if figure.name == name), None)


def public_figures() -> list[Figure]:
    return [figure for figure in FIGURES if figure.on_public_page]
