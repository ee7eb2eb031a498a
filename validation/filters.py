"""The case gallery's filters: search and facets with counts over public cases.

Bad values in the address (an unknown theme, a junk country) are form errors: the filter
is ignored and the page says why, never a 500.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.filtersets import RELEVANCE
from common.forms import CleanTextMixin
from common.search import MAX_LENGTH as SEARCH_MAX_LENGTH
from ecosystem.facets import TaxonomyFilterSet
from ecosystem.models import TargetGroup, Theme
from validation.facets import COUNTER
from validation.models import CaseApplication, Stage

ANY_LABELS = {
    "theme": _("All themes"),
    "target_group": _("All target groups"),
    "country": _("All countries"),
    "stage": _("All stages"),
    "seeks_partners": "",
}


class FilterForm(CleanTextMixin, forms.Form):
    pass


class CaseFilter(TaxonomyFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=SEARCH_MAX_LENGTH
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"),
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries, method="filter_country"
    )
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices)
    seeks_partners = django_filters.BooleanFilter(
        label=_("Only cases looking for partners"),
        widget=forms.CheckboxInput,
        method="filter_seeks_partners",
    )

    FACETS = ("theme", "target_group", "country", "stage", "seeks_partners")
    CHECKBOXES = ("seeks_partners",)
    ANY_LABELS = ANY_LABELS
    COUNTER = COUNTER
    TOTAL_FACET = "stage"  # every case has one stage, possibly empty
    DEFAULT_SORT = "newest"
    ORDERINGS = {
        RELEVANCE: ("pk",),
        "newest": (F("validated_at").desc(nulls_last=True), "-pk"),
    }

    class Meta:
        model = CaseApplication
        fields: list[str] = []
        form = FilterForm

    def base(self) -> QuerySet:
        return CaseApplication.objects.public()

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(countries__contains=[value]) if value else queryset

    def filter_seeks_partners(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(seeks_partners=True) if value else queryset
