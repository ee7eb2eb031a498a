"""The staff dashboard: the figures for a period, with charts, tables and downloads.

It lives in the admin (Impact › Impact figures on the admin's index): the admin's login,
its second-factor rule and its layout come with it; `permissions.can_see_dashboard`
decides who may open it and its downloads.
"""

import hashlib

from django.contrib import admin
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.generations import every_generation, read
from common.pagecache import release
from impact import exports, figures, permissions
from impact.charts import chart
from impact.models import Report
from impact.periods import GRAINS, Period

# Every staff member sees the same figures for a period: computed once under the
# generation of every app, and kept at most as long as the public impact page (downloads
# are counted without renewing a generation; "held" events change with the clock).
FIGURES_SECONDS = 3600


def computed_figures(period: Period) -> list[tuple[str, object, str]]:
    """(figure name, table, chart) of every figure for `period`: from the cache while no
    data changed, else computed (one query per figure) and stored."""
    parts = f"{release()}|{get_language()}|{sorted(period.query().items())}"
    key = "impact-dashboard:" + hashlib.sha256(parts.encode()).hexdigest()
    stamps, found = read(every_generation(), [key])
    stored = found.get(key)
    if stored and stored[0] == stamps:
        return stored[1]
    computed = []
    for figure in figures.FIGURES:
        table = figure.compute(period)
        ident = f"chart-{figure.name}"
        computed.append((figure.name, table, chart(table, title=str(figure.title), ident=ident)))
    cache.set(key, (stamps, computed), FIGURES_SECONDS)
    return computed


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    def has_module_permission(self, request) -> bool:
        return permissions.can_see_dashboard(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return permissions.can_see_dashboard(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        # The dashboard takes the changelist's name, so the admin's index links to it.
        return [
            path("", self.admin_site.admin_view(self.dashboard), name="impact_report_changelist"),
            path(
                "download/",
                self.admin_site.admin_view(self.download),
                name="impact_report_download",
            ),
        ]

    def dashboard(self, request):
        if not permissions.can_see_dashboard(request.user):
            raise PermissionDenied
        period = Period.from_query(request.GET)
        query = period.query()
        sections = [
            {
                "figure": figures.by_name(name),
                "table": table,
                "chart": drawn,
                "csv": urlencode({**query, "figure": name, "format": "csv"}),
                "xlsx": urlencode({**query, "figure": name, "format": "xlsx"}),
            }
            for name, table, drawn in computed_figures(period)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Impact figures"),
            "opts": self.model._meta,
            "period": period,
            "grains": GRAINS.items(),
            "sections": sections,
            "all_csv": urlencode({**query, "figure": "all", "format": "csv"}),
            "all_xlsx": urlencode({**query, "figure": "all", "format": "xlsx"}),
        }
        return TemplateResponse(request, "admin/impact/dashboard.html", context)

    def download(self, request):
        if not permissions.can_see_dashboard(request.user):
            raise PermissionDenied
        period = Period.from_query(request.GET)
        name = request.GET.get("figure", "all")
        chosen = figures.FIGURES if name == "all" else [figures.by_name(name)]
        if None in chosen:
            raise Http404
        kind = exports.XLSX if request.GET.get("format") == exports.XLSX else exports.CSV
        computed = [(figure, figure.compute(period)) for figure in chosen]
        return exports.response(computed, name=name, period=period, kind=kind)
