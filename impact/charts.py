"""Charts as server-rendered SVG: no script, so the Content-Security-Policy stays strict,
and the chart is in the page before the first paint.

Each chart is an image with an accessible name (its `<title>`) and a description that
points to the data table beside it; every bar carries its own `<title>` (period or
category, series and value), which browsers show on hover. Colours are given as SVG
presentation attributes, not style attributes, and each has at least 3:1 contrast
against white (WCAG 1.4.11).
"""

from __future__ import annotations

import math

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from impact.tables import PERIODS, Table

COLOURS = ["#0059b3", "#a34c00", "#00703c", "#6b2c91"]
TEXT = "#1a1a1a"
GRID = "#d8d8d8"
WIDTH = 560
FONT = 13


def chart(table: Table, *, title: str, ident: str, width: int = WIDTH) -> SafeString:
    """The table as an SVG bar chart `width` units wide (text is 13 units high: a narrower
    chart has larger text when both fill a phone's width)."""
    columns = table.chart_columns if table.chart_columns is not None else range(len(table.columns))
    columns = list(columns)[: len(COLOURS)]
    if table.chart == PERIODS:
        body, height = _period_bars(table, columns, width)
    else:
        body, height = _ranking_bars(table, columns, width)
    legend, legend_height = _legend(table, columns, top=height)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="impact-chart" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        width,
        height + legend_height,
        ident,
        ident,
        ident,
        title,
        ident,
        _("Bar chart. The same figures are in the table with the chart."),
        body,
        legend,
    )


def _nice_top(value: float) -> tuple[float, float]:
    """A round top for the axis and the step between its four grid lines."""
    if value <= 0:
        return 4, 1
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(factor * power for factor in (1, 2, 5, 10) if raw <= factor * power)
    if value == int(value):  # counts: whole numbers on the axis
        step = max(1, math.ceil(step))
    return step * math.ceil(value / step), step


def _format(value) -> str:
    if value is None:
        return "–"
    return number_format(value, decimal_pos=1 if value % 1 else 0, force_grouping=True)


def _period_bars(table: Table, columns: list[int], width: int) -> tuple[SafeString, int]:
    left, right, top, bottom = 52, 8, 12, 40
    height = 260
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [row.values[c] or 0 for row in table.rows for c in columns]
    axis_top, step = _nice_top(max(values, default=0))
    parts = []
    tick = 0.0
    while tick <= axis_top + 1e-9:
        y = top + plot_h - plot_h * tick / axis_top
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="{}">{}</text>',
                left,
                width - right,
                f"{y:.1f}",
                f"{y:.1f}",
                GRID,
                left - 6,
                f"{y + 4:.1f}",
                FONT - 1,
                TEXT,
                _format(tick),
            )
        )
        tick += step
    count = max(len(table.rows), 1)
    group = plot_w / count
    bar = group * 0.8 / max(len(columns), 1)
    every = math.ceil(count / max(plot_w // 64, 1))  # labels about 64 units apart
    for index, row in enumerate(table.rows):
        x0 = left + index * group + group * 0.1
        for position, column in enumerate(columns):
            value = row.values[column]
            bar_h = plot_h * (value or 0) / axis_top
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}, {}: {}</title></rect>",
                    f"{x0 + position * bar:.1f}",
                    f"{top + plot_h - bar_h:.1f}",
                    f"{max(bar - 1, 1):.1f}",
                    f"{bar_h:.1f}",
                    COLOURS[position],
                    row.label,
                    table.columns[column],
                    _format(value),
                )
            )
        if index % every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{}">{}</text>',
                    f"{left + index * group + group / 2:.1f}",
                    top + plot_h + 18,
                    FONT - 1,
                    TEXT,
                    row.label,
                )
            )
    parts.append(
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>',
            left,
            width - right,
            top + plot_h,
            top + plot_h,
            TEXT,
        )
    )
    return mark_safe("".join(parts)), height


def _ranking_bars(table: Table, columns: list[int], width: int) -> tuple[SafeString, int]:
    """One block per row: its label, then a bar per charted column with its value."""
    bar_h, gap, label_h = 14, 12, 18
    block = label_h + bar_h * len(columns) + gap
    height = 8 + block * max(len(table.rows), 1)
    top_value = max((row.values[c] or 0 for row in table.rows for c in columns), default=0)
    plot_w = width - 80
    parts = []
    for index, row in enumerate(table.rows):
        y = 8 + index * block
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="{}" fill="{}">{}</text>',
                y + FONT,
                FONT,
                TEXT,
                row.label,
            )
        )
        for position, column in enumerate(columns):
            value = row.values[column] or 0
            width = plot_w * value / top_value if top_value else 0
            bar_y = y + label_h + position * bar_h
            parts.append(
                format_html(
                    '<rect x="0" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}, {}: {}</title></rect>"
                    '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
                    bar_y,
                    f"{max(width, 1):.1f}",
                    bar_h - 2,
                    COLOURS[position],
                    row.label,
                    table.columns[column],
                    _format(row.values[column]),
                    f"{width + 6:.1f}",
                    bar_y + bar_h - 4,
                    FONT - 1,
                    TEXT,
                    _format(row.values[column]),
                )
            )
    return mark_safe("".join(parts)), height


def _legend(table: Table, columns: list[int], *, top: int) -> tuple[SafeString, int]:
    if len(columns) < 2:
        return mark_safe(""), 0
    rows = []
    for position, column in enumerate(columns):
        y = top + 8 + position * 20
        rows.append((y, y + 11, COLOURS[position], table.columns[column]))
    legend = format_html_join(
        "",
        '<rect x="0" y="{}" width="14" height="14" fill="{}"/>'
        '<text x="22" y="{}" font-size="{}" fill="{}">{}</text>',
        ((y, colour, text_y + 1, FONT, TEXT, label) for y, text_y, colour, label in rows),
    )
    return legend, 12 + 20 * len(columns)
