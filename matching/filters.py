"""The "find a Danish partner" search: Danish published actors open to partnerships, by
words, theme, role and target group, with a count beside each option.

Bad values in the address (an unknown theme, a junk role, 10,000 characters of search)
are form errors: the filter is ignored and the page says why, never a 500.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.facets import FacetField, FacetOption
from common.forms import CleanTextMixin
from common.search import MAX_LENGTH as SEARCH_MAX_LENGTH
from common.search import found, ranked, search_query
from ecosystem.facets import taxonomy_labels
from ecosystem.models import Actor, TargetGroup, Theme
from matching.facets import COUNTER

ANY_LABELS = {
    "theme": _("All themes"),
    "role": _("All roles"),
    "target_group": _("All target groups"),
}


def danish_partners() -> QuerySet:
    """Who the search is among: published Danish actors open to partnerships."""
    return Actor.objects.published().filter(country="DK", open_to_partnerships=True)


class FilterForm(CleanTextMixin, forms.Form):
    pass


class PartnerSearchFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=SEARCH_MAX_LENGTH
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    role = django_filters.ChoiceFilter(label=_("Role in the ecosystem"), choices=Actor.Role.choices)
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"),
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
    )

    FACETS = ("theme", "role", "target_group")

    class Meta:
        model = Actor
        fields: list[str] = []
        form = FilterForm

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data=data, queryset=queryset or danish_partners(), **kwargs)
        self._facets: dict[str, list[FacetOption]] | None = None
        self._counts: dict[str, dict[str, int]] = {}

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        query = search_query(value or "")
        return queryset if query is None else found(queryset, query)

    def _apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        for name, value in self.form.cleaned_data.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self._apply(queryset)
        query = search_query(self.form.cleaned_data.get("q") or "")
        if query is not None:
            return ranked(queryset, query)
        return queryset.order_by("name", "pk")

    def _selected(self, name: str) -> str:
        value = self.form.cleaned_data.get(name)
        if value in (None, ""):
            return ""
        field = self.filters[name].extra.get("to_field_name")
        return str(getattr(value, field)) if field else str(value)

    def facets(self) -> dict[str, list[FacetOption]]:
        if self._facets is None:
            self._facets = self._count_facets()
        return self._facets

    @property
    def total(self) -> int:
        """How many actors match every filter, from the role counts (every actor has one
        role), so the page needs no COUNT query of its own."""
        self.facets()
        roles = self._counts["role"]
        selected = self._selected("role")
        return roles.get(selected, 0) if selected else sum(roles.values())

    def _count_facets(self) -> dict[str, list[FacetOption]]:
        self.errors  # noqa: B018 - cleaned_data must exist
        base = danish_partners()
        filtered = [name for name in self.FACETS if self._selected(name)]
        # A filtered facet is counted under the other filters: the count of its selected
        # option is then the number of actors that match every filter (the total).
        groups = [(self._apply(base), [n for n in self.FACETS if n not in filtered])]
        groups += [(self._apply(base, skip=name), [name]) for name in filtered]
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
        facets["role"] = options("role", [(v, v, str(label)) for v, label in Actor.Role.choices])
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
            )
            for name in self.FACETS
        ]

    def field_errors(self, name: str) -> list[str]:
        return list(self.form.errors.get(name, [])) if self.is_bound else []
