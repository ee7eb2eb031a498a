"""The staff dashboard: the figures for a period, with charts, tables and downloads.

It lives in the admin (Impact › Impact figures on the admin's index): the admin's login,
its second-factor rule and its layout come with it; `permissions.can_see_dashboard`
decides who may open it and its downloads.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from common.generations import every_generation
from common.pagecache import cached_fragment
from impact import exports, figures, permissions
from impact.charts import chart
from impact.models import Report
from impact.periods import GRAINS, Period

DASHBOARD_MAIN = "admin/impact/_dashboard_main.html"


def _figures_context(period: Period) -> dict:
    query = period.query()
    sections = []
    for figure in figures.FIGURES:
        table = figure.compute(period)
        sections.append(
            {
                "figure": figure,
                "table": table,
                "chart": chart(table, title=str(figure.title), ident=f"chart-{figure.name}"),
                "csv": urlencode({**query, "figure": figure.name, "format": "csv"}),
                "xlsx": urlencode({**query, "figure": figure.name, "format": "xlsx"}),
            }
        )
    return {
        "period": period,
        "grains": GRAINS.items(),
        "sections": sections,
        "all_csv": urlencode({**query, "figure": "all", "format": "csv"}),
        "all_xlsx": urlencode({**query, "figure": "all", "format": "xlsx"}),
    }


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

        def build() -> str:
            return render_to_string(DASHBOARD_MAIN, _figures_context(period), request)

        # The figures are counts across the portal, the same for every member of staff:
        # one rendering per period, kept while no data behind them changes. Held events
        # and downloads change without renewing a generation (as on the public impact
        # page), so the hour is part of the name: a copy is at most an hour old for them.
        hour = timezone.localtime().strftime("%Y-%m-%dT%H")
        name = f"impact-dashboard:{period.grain}:{period.first}:{period.last}:{hour}"
        context = {
            **self.admin_site.each_context(request),
            "title": _("Impact figures"),
            "opts": self.model._meta,
            "main": cached_fragment(request, name, tuple(every_generation()), build),
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
