"""The public impact page: the headline figures and a few charts, for a future funder.

Served from the page cache under the generations of every app it counts. Downloads are
counted without renewing a generation (that would empty the library's cache on every
download), and "held" events change with the clock, so a cached copy is kept for at most
an hour."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.pagecache import public_page
from ecosystem.facets import GENERATION as ECOSYSTEM
from impact import figures, queries
from impact.charts import chart
from impact.periods import QUARTER, Period
from policy.facets import GENERATION as POLICY
from resources.facets import GENERATION as RESOURCES
from validation.facets import GENERATION as VALIDATION

CACHE_SECONDS = 3600
# Narrower than the dashboard's: the text stays readable on a phone.
CHART_WIDTH = 400


@require_safe
@public_page(ECOSYSTEM, POLICY, RESOURCES, VALIDATION, seconds=CACHE_SECONDS)
def impact_page(request: HttpRequest) -> HttpResponse:
    period = Period.default(QUARTER)
    sections = []
    for figure in figures.public_figures():
        table = figure.compute(period)
        ident = f"chart-{figure.name}"
        sections.append(
            {
                "figure": figure,
                "table": table,
                "chart": chart(table, title=str(figure.title), ident=ident, width=CHART_WIDTH),
            }
        )
    context = {"headlines": queries.headlines(), "period": period, "sections": sections}
    return render(request, "impact/impact_page.html", context)
