"""The event list's and the recommendation list's filters, with counts beside each option.

Bad values (an unknown slug, a junk choice) are form errors: the filter is ignored and the
page says why, never a 500. The counts come from common.facets: one query for every
facet, cached under the policy generation.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from common import search
from common.filtersets import FacetFilterSet
from common.forms import CleanTextMixin
from ecosystem.facets import TaxonomyFilterSet
from ecosystem.models import Region, Theme
from policy.facets import EVENT_COUNTER, RECOMMENDATION_COUNTER
from policy.models import Event, GovernmentLevel, Recommendation


class FilterForm(CleanTextMixin, forms.Form):
    pass


class EventFilter(TaxonomyFilterSet):
    """Public events: upcoming (soonest first) or past (latest first), searched as the
    portal-wide search does (the date order stays: a calendar is read by date)."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=search.MAX_LENGTH
    )
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
