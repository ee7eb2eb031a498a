"""The dashboard's figures as CSV and XLSX, written by common.opendata (every cell quoted
in CSV, formulas neutralised in both)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from common import opendata
from impact.figures import Figure
from impact.periods import Period
from impact.tables import Table

CSV, XLSX = "csv", "xlsx"


def _filename(name: str, period: Period, extension: str) -> str:
    return f"impact-{name}-{period.grain}-{period.first}-{period.last}.{extension}"


def _long_rows(computed: list[tuple[Figure, Table]]):
    """Every figure in one sheet, one value a row: what a spreadsheet pivots."""
    for figure, table in computed:
        for row in table.rows:
            for column, value in zip(table.columns, row.values, strict=True):
                yield [str(figure.title), row.key, row.label, column, value]


def response(computed: list[tuple[Figure, Table]], *, name: str, period: Period, kind: str):
    docs = reverse("admin:impact_report_changelist")
    if len(computed) == 1:
        table = computed[0][1]
        header, rows, title = table.header(), table.lines(), str(computed[0][0].title)
    else:
        header = [_("Figure"), _("Key"), _("Row"), _("Column"), _("Value")]
        rows, title = list(_long_rows(computed)), _("Impact figures")
    if kind == XLSX:
        handle = opendata.xlsx_file(header, rows, title=title)
        return opendata.xlsx_download(handle, filename=_filename(name, period, XLSX), docs_url=docs)
    return opendata.download(
        opendata.csv_lines(header, rows),
        content_type=opendata.CSV_CONTENT_TYPE,
        filename=_filename(name, period, CSV),
        docs_url=docs,
    )
