"""The case gallery's filters: search and facets with counts over public cases.

Bad values in the address (an unknown theme, a junk country) are form errors: the filter
is ignored and the page says why, never a 500.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.facets import FacetField, FacetOption
from common.forms import CleanTextMixin
from common.search import MAX_LENGTH as SEARCH_MAX_LENGTH
from common.search import ranked, search_query
from ecosystem.facets import taxonomy_labels
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


class CaseFilter(django_filters.FilterSet):
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

    class Meta:
        model = CaseApplication
        fields: list[str] = []
        form = FilterForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = CaseApplication.objects.public()
        super().__init__(data=data, queryset=queryset, **kwargs)
        self._facets: dict[str, list[FacetOption]] | None = None

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        query = search_query(value or "")
        return queryset if query is None else queryset.filter(search_vector=query)

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(countries__contains=[value]) if value else queryset

    def filter_seeks_partners(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(seeks_partners=True) if value else queryset

    def _apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        for name, value in self.form.cleaned_data.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def matching(self) -> QuerySet:
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return self._apply(self.queryset.all())

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self._apply(queryset)
        query = search_query(self.form.cleaned_data.get("q") or "")
        if query is not None:
            return ranked(queryset, query)
        return queryset.order_by(F("validated_at").desc(nulls_last=True), "-pk")

    def _selected(self, name: str) -> str:
        value = self.form.cleaned_data.get(name)
        if value in (None, "", False):
            return ""
        field = self.filters[name].extra.get("to_field_name")
        return str(getattr(value, field)) if field else str(value)

    def facets(self) -> dict[str, list[FacetOption]]:
        if self._facets is None:
            self._facets = self._count_facets()
        return self._facets

    @property
    def total(self) -> int:
        """How many cases match every filter, from the stage counts (every case has one
        stage, possibly empty), so the gallery needs no COUNT query of its own."""
        self.facets()
        stages = self._counts["stage"]
        selected = self._selected("stage")
        return stages.get(selected, 0) if selected else sum(stages.values())

    def _count_facets(self) -> dict[str, list[FacetOption]]:
        self.errors  # noqa: B018 - cleaned_data must exist
        public = CaseApplication.objects.public()
        filtered = [name for name in self.FACETS if self._selected(name)]
        groups = [(self._apply(public), [n for n in self.FACETS if n not in filtered])]
        groups += [(self._apply(public, skip=name), [name]) for name in filtered]
        counts = self._counts = COUNTER.count(groups)
        labels = taxonomy_labels("en" if (get_language() or "").startswith("en") else "da")

        def options(name: str, pairs) -> list[FacetOption]:
            selected = self._selected(name)
            found = counts[name]
            return [
                FacetOption(value, label, found.get(count_key, 0), value == selected)
                for count_key, value, label in pairs
                if found.get(count_key, 0) or value == selected
            ]

        facets = {
            name: options(name, [(la.id, la.key, la.label) for la in labels[name]])
            for name in ("theme", "target_group")
        }
        facets["stage"] = options("stage", [(v, v, str(label)) for v, label in Stage.choices])
        codes = {*counts["country"], self._selected("country")} - {""}
        facets["country"] = options(
            "country", sorted(((c, c, str(countries.name(c))) for c in codes), key=lambda p: p[2])
        )
        facets["seeks_partners"] = [
            FacetOption(
                "true",
                "",
                counts["seeks_partners"].get("true", 0),
                self._selected("seeks_partners") != "",
            )
        ]
        return facets

    def facet_fields(self) -> list[FacetField]:
        facets = self.facets()
        return [
            FacetField(
                name=name,
                label=str(self.filters[name].label),
                any_label=str(ANY_LABELS[name]),
                options=facets[name],
                errors=list(self.form.errors.get(name, [])),
                checkbox=name == "seeks_partners",
            )
            for name in self.FACETS
        ]

    def field_errors(self, name: str) -> list[str]:
        return list(self.form.errors.get(name, [])) if self.is_bound else []
