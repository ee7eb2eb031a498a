"""The event list's and the recommendation list's filters, with counts beside each option.

Bad values (an unknown slug, a junk choice) are form errors: the filter is ignored and the
page says why, never a 500. The counts come from common.facets: one query for every
facet, cached under the policy generation.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.facets import FacetCounter, FacetField, FacetOption
from common.forms import CleanTextMixin
from ecosystem.facets import taxonomy_labels
from ecosystem.models import Region, Theme
from policy.facets import EVENT_COUNTER, RECOMMENDATION_COUNTER
from policy.models import Event, GovernmentLevel, Recommendation


class FilterForm(CleanTextMixin, forms.Form):
    pass


class FacetFilterSet(django_filters.FilterSet):
    """Counting shared by both lists: each facet counted under the other filters."""

    FACETS: tuple[str, ...] = ()
    ANY_LABELS: dict[str, object] = {}
    COUNTER: FacetCounter
    TOTAL_FACET = ""  # a facet every row has exactly one value of: its counts add up to the total

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(
            data=data, queryset=queryset if queryset is not None else self.base(), **kwargs
        )
        self._facets: dict[str, list[FacetOption]] | None = None

    def base(self) -> QuerySet:
        raise NotImplementedError

    def choices_for(self, name: str, labels) -> list[tuple[str, str, str]]:
        """(count key, URL value, label) of each option of the facet `name`."""
        raise NotImplementedError

    def _apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        for name, value in self.form.cleaned_data.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self._apply(queryset)

    def _selected(self, name: str) -> str:
        value = self.form.cleaned_data.get(name)
        if value in (None, ""):
            return ""
        field = self.filters[name].extra.get("to_field_name")
        return str(getattr(value, field)) if field else str(value)

    def facets(self) -> dict[str, list[FacetOption]]:
        if self._facets is None:
            self.errors  # noqa: B018 - validates the form so cleaned_data exists
            base = self.base()
            filtered = [name for name in self.FACETS if self._selected(name)]
            groups = [(self._apply(base), [n for n in self.FACETS if n not in filtered])]
            groups += [(self._apply(base, skip=name), [name]) for name in filtered]
            counts = self.COUNTER.count(groups)
            labels = taxonomy_labels("en" if (get_language() or "").startswith("en") else "da")
            self._facets = {}
            for name in self.FACETS:
                selected, found = self._selected(name), counts[name]
                self._facets[name] = [
                    FacetOption(value, label, found.get(key, 0), value == selected)
                    for key, value, label in self.choices_for(name, labels)
                    if found.get(key, 0) or value == selected
                ]
        return self._facets

    @property
    def total(self) -> int:
        options = self.facets()[self.TOTAL_FACET]
        selected = self._selected(self.TOTAL_FACET)
        counts = {o.value: o.count for o in options}
        return counts.get(selected, 0) if selected else sum(counts.values())

    def facet_fields(self) -> list[FacetField]:
        facets = self.facets()
        return [
            FacetField(
                name=name,
                label=str(self.filters[name].label),
                any_label=str(self.ANY_LABELS[name]),
                options=facets[name],
                errors=list(self.form.errors.get(name, [])),
            )
            for name in self.FACETS
        ]


def _choices(choices) -> list[tuple[str, str, str]]:
    return [(value, value, str(label)) for value, label in choices]


class EventFilter(FacetFilterSet):
    """Public events: upcoming (soonest first) or past (latest first)."""

    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Event.Kind.choices)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    audience = django_filters.ChoiceFilter(
        label=_("Intended audience"), choices=Event.Audience.choices
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.all(), to_field_name="slug"
    )
    mode = django_filters.ChoiceFilter(label=_("Online or in person"), choices=Event.Mode.choices)

    FACETS = ("kind", "theme", "audience", "region", "mode")
    ANY_LABELS = {
        "kind": _("All types"),
        "theme": _("All themes"),
        "audience": _("Everyone"),
        "region": _("All regions"),
        "mode": _("Online and in person"),
    }
    COUNTER = EVENT_COUNTER
    TOTAL_FACET = "kind"

    class Meta:
        model = Event
        fields: list[str] = []
        form = FilterForm

    def __init__(self, data=None, *, past: bool = False, **kwargs):
        self.past = past
        super().__init__(data=data, **kwargs)

    def base(self) -> QuerySet:
        events = Event.objects.public()
        return events.past() if self.past else events.upcoming()

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self._apply(queryset)
        return queryset.order_by("-start", "-pk") if self.past else queryset.order_by("start", "pk")

    def choices_for(self, name: str, labels):
        if name in ("theme", "region"):
            return [(label.id, label.key, label.label) for label in labels[name]]
        return _choices(self.filters[name].extra["choices"])


class RecommendationFilter(FacetFilterSet):
    level = django_filters.ChoiceFilter(
        label=_("Level of government"), choices=GovernmentLevel.choices
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Recommendation.Status.choices)

    FACETS = ("level", "status")
    ANY_LABELS = {"level": _("All levels"), "status": _("All statuses")}
    COUNTER = RECOMMENDATION_COUNTER
    TOTAL_FACET = "level"

    class Meta:
        model = Recommendation
        fields: list[str] = []
        form = FilterForm

    def base(self) -> QuerySet:
        return Recommendation.objects.public()

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self._apply(queryset).order_by("-outcome__event__start", "pk")

    def choices_for(self, name: str, labels):
        return _choices(self.filters[name].extra["choices"])
