"""Open data of the figures on the public impact page (only those: the staff dashboard's
others stay internal) under CC BY 4.0: CSV, XLSX and JSON through common.opendata, one
value a row, for the same quarters as the page. The figures are computed, not stored, so
their ETag is made from their content."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.utils.translation import gettext_lazy as _

from common.opendata import NUMBER, STRING, Column, Dataset, register
from impact import figures
from impact.periods import QUARTER, Period

COLUMNS: tuple[Column, ...] = (
    Column("figure", STRING, _("The figure, as a code."), required=True),
    Column("figure_title", STRING, _("The figure, in words."), required=True),
    Column("unit", STRING, _("What the figure counts."), required=True),
    Column("key", STRING, _("The row: a period's first day (ISO 8601) or a code."), required=True),
    Column("label", STRING, _("The row, in words."), required=True),
    Column("series", STRING, _("The column of the figure's table."), required=True),
    Column("value", NUMBER, _("The value; empty when there is none.")),
)


def computed(_filters=None) -> list[dict]:
    """Every public figure for the public page's period, one value a row."""
    period = Period.default(QUARTER)
    rows = []
    for figure in figures.public_figures():
        table = figure.compute(period)
        for row in table.rows:
            for series, value in zip(table.columns, row.values, strict=True):
                rows.append(
                    {
                        "figure": figure.name,
                        "figure_title": str(figure.title),
                        "unit": str(figure.unit),
                        "key": row.key.isoformat() if isinstance(row.key, date) else str(row.key),
                        "label": str(row.label),
                        "series": str(series),
                        "value": value,
                    }
                )
    return rows


def rows(selection: list[dict]) -> Iterator[dict]:
    yield from selection


DATASET = register(
    Dataset(
        name="impact",
        namespace="impact",
        docs="impact:impact_page",
        title=_("The centre's impact figures"),
        description=_(
            "The figures on the public impact page, by quarter for the last two years: new "
            "actors, municipalities covered, EU cases, events and resource downloads."
        ),
        columns=COLUMNS,
        select=computed,
        rows=rows,
        keywords=("social innovation", "impact", "statistics"),
        frequency="DAILY",
        position=70,
    )
)
