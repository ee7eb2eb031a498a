"""The funding list's and the archive's filters, with counts beside each option.

Bad values (an unknown slug, a junk choice, an over-long search) are form errors: the
filter is ignored and the page says why, never a 500. The counts come from common.facets:
one query for every facet, cached under the funding generation; the rest is every list's
common.filtersets.FacetFilterSet.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from common import search
from common.forms import CleanTextMixin
from ecosystem.facets import TaxonomyFilterSet
from ecosystem.models import Actor, TargetGroup, Theme
from funding.facets import OPPORTUNITY_COUNTER
from funding.models import FundingOpportunity, Kind, Scope, this_minute


class FilterForm(CleanTextMixin, forms.Form):
    pass


class OpportunityFilter(TaxonomyFilterSet):
    """Open calls (the next deadline first, rolling calls last) or the archive (the latest
    deadline first)."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=search.MAX_LENGTH
    )
    kind = django_filters.ChoiceFilter(label=_("Type of funding"), choices=Kind.choices)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"),
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
    )
    eligible = django_filters.ChoiceFilter(
        label=_("Who may apply"), choices=Actor.Kind.choices, method="eligible_filter"
    )
    scope = django_filters.ChoiceFilter(label=_("Geography"), choices=Scope.choices)

    FACETS = ("kind", "theme", "target_group", "eligible", "scope")
    ANY_LABELS = {
        "kind": _("All types"),
        "theme": _("All themes"),
        "target_group": _("All target groups"),
        "eligible": _("All kinds of organisation"),
        "scope": _("Everywhere"),
    }
    COUNTER = OPPORTUNITY_COUNTER
    TOTAL_FACET = "kind"

    class Meta:
        model = FundingOpportunity
        fields: list[str] = []
        form = FilterForm

    def __init__(self, data=None, *, archive: bool = False, **kwargs):
        self.archive = archive
        self.now = this_minute()
        super().__init__(data=data, **kwargs)

    def base(self) -> QuerySet:
        rows = FundingOpportunity.objects
        return rows.archived(self.now) if self.archive else rows.open(self.now)

    def eligible_filter(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(eligible_kinds__contains=[value]) if value else queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        rows = self._apply(queryset).with_deadlines(self.now)
        if self.archive:
            return rows.order_by(F("last_deadline").desc(nulls_last=True), "-pk")
        return rows.order_by(F("next_deadline").asc(nulls_last=True), "pk")
