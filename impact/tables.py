"""What a figure computes: a small table (rows × columns of numbers), and the helpers that
build one from a query grouped by period. Charts, the data tables on the pages and the
CSV/XLSX downloads are all drawn from this one shape."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, DateField, QuerySet
from django.db.models.functions import Trunc
from django.utils.translation import gettext as _

from impact.periods import Period

# How a table is drawn: bars over the periods (one group per row), or a ranking
# (one horizontal bar per row, from the first column).
PERIODS = "periods"
RANKING = "ranking"

Number = int | float | None


@dataclass(frozen=True)
class Row:
    key: Any  # the period's first day, or a category's code: what a spreadsheet sorts by
    label: str
    values: list[Number]


@dataclass
class Table:
    heading: str  # what the rows are: "Period", "Region", ...
    columns: list[str]
    rows: list[Row]
    chart: str = PERIODS
    summary: str = ""  # one sentence under the chart (a total, a median over the range)
    notes: list[str] = field(default_factory=list)
    chart_columns: list[int] | None = None  # the columns the chart draws (None: all)

    def header(self) -> list[str]:
        return [_("Key"), self.heading, *self.columns]

    def lines(self) -> list[list[Any]]:
        return [[row.key, row.label, *row.values] for row in self.rows]

    def total(self, column: int = 0) -> Number:
        values = [row.values[column] for row in self.rows if row.values[column] is not None]
        return sum(values) if values else 0


def per_period(queryset: QuerySet, field: str, period: Period) -> dict[date, int]:
    """How many rows of `queryset` have `field` (a date or a date and time) in each period
    of the range: one query, grouped by PostgreSQL's date_trunc in Copenhagen time."""
    model_field = queryset.model._meta.get_field(field)
    bounds = (
        (period.start_at, period.end_at)
        if model_field.get_internal_type() == "DateTimeField"
        else (period.start, period.end)
    )
    rows = (
        queryset.filter(**{f"{field}__gte": bounds[0], f"{field}__lt": bounds[1]})
        .annotate(period=Trunc(field, period.grain, output_field=DateField()))
        .values("period")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["period"]: row["count"] for row in rows}


def period_table(period: Period, columns: Iterable[tuple[str, dict[date, Number]]]) -> Table:
    """A table with one row per period of the range (periods with nothing show 0) and one
    column per named series."""
    columns = list(columns)
    return Table(
        heading=_("Period"),
        columns=[name for name, _values in columns],
        rows=[
            Row(start, period.label(start), [values.get(start, 0) for _name, values in columns])
            for start in period.starts()
        ],
    )


def counted_per_period(
    queryset_factory: Callable[[], QuerySet], field: str, column: Callable[[], str]
) -> Callable[[Period], Table]:
    """A figure's query that counts rows per period (impact.figures: the funding
    opportunities published)."""

    def query(period: Period) -> Table:
        return period_table(
            period, [(str(column()), per_period(queryset_factory(), field, period))]
        )

    return query
