"""The directory's filters: search, facets with counts, and sorting over published actors.

One FilterSet serves the directory, the map, its GeoJSON and the exports, so a filtered
view has the same URL parameters everywhere and can be shared. Bad values (an unknown
slug, text where a number belongs, a junk sort) are form errors: the filter is ignored
and the page says why, never a 500.
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
from ecosystem.facets import COUNTER, TaxonomyFilterSet
from ecosystem.models import SDG, Actor, Municipality, Region, TargetGroup, Theme
from ecosystem.places import BoundingBox, BoundingBoxField, Place, PlaceField

SORT_NAME = "name"
SORT_NEWEST = "newest"
SORT_CHOICES = [
    (RELEVANCE, _("Best match")),
    (SORT_NAME, _("Name")),
    (SORT_NEWEST, _("Newest")),
]


ANY_LABELS = {
    "kind": _("All types"),
    "theme": _("All themes"),
    "target_group": _("All target groups"),
    "sdg": _("All goals"),
    "region": _("All regions"),
    "municipality": _("All municipalities"),
    "country": _("All countries"),
    "open_to_partnerships": "",
}


class FilterForm(CleanTextMixin, forms.Form):
    """Errors echo at most a short prefix of a refused value (see CleanTextMixin)."""


class PlaceFilter(django_filters.CharFilter):
    field_class = PlaceField


class BoundingBoxFilter(django_filters.CharFilter):
    field_class = BoundingBoxField


class ActorFilter(TaxonomyFilterSet):
    """Filters for published actors; `facets()` counts each option under the other filters."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=SEARCH_MAX_LENGTH
    )
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Actor.Kind.choices)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.all(), to_field_name="slug"
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"), queryset=Municipality.objects.all(), to_field_name="code"
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"),
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
    )
    sdg = django_filters.ModelChoiceFilter(
        label=_("Sustainable development goal"),
        field_name="sdgs",
        queryset=SDG.objects.all(),
        to_field_name="number",
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries)
    open_to_partnerships = django_filters.BooleanFilter(
        label=_("Only actors open to partnerships"),
        widget=forms.CheckboxInput,
        method="filter_open_to_partnerships",
    )
    # The map's "go to" search (ecosystem.places): a municipality or a postcode.
    place = PlaceFilter(label=_("Municipality or postcode"), method="filter_place", max_length=100)
    # The map's section, when the visitor asks for only the actors in view.
    bbox = BoundingBoxFilter(label=_("Map section"), method="filter_bbox", max_length=200)
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="filter_nothing"
    )

    FACETS = (
        "kind",
        "theme",
        "target_group",
        "sdg",
        "region",
        "municipality",
        "country",
        "open_to_partnerships",
    )
    CHECKBOXES = ("open_to_partnerships",)
    ANY_LABELS = ANY_LABELS
    COUNTER = COUNTER
    TOTAL_FACET = "kind"  # every actor has exactly one type
    SORT_CHOICES = SORT_CHOICES
    DEFAULT_SORT = SORT_NAME
    ORDERINGS = {
        RELEVANCE: ("name", "pk"),
        # Plain "name" (not Lower) so that the (status, name) index serves the first page.
        SORT_NAME: ("name", "pk"),
        SORT_NEWEST: (F("published_at").desc(nulls_last=True), F("created_at").desc(), "pk"),
    }

    class Meta:
        model = Actor
        fields: list[str] = []
        form = FilterForm

    def base(self) -> QuerySet:
        return Actor.objects.published()

    def filter_open_to_partnerships(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # An unticked box means "any", not "only actors closed to partnerships".
        return queryset.filter(open_to_partnerships=True) if value else queryset

    def filter_place(self, queryset: QuerySet, name: str, value: Place | None) -> QuerySet:
        if value is None:
            return queryset
        if value.postcode:
            return queryset.filter(country="DK", postcode=value.postcode)
        return queryset.filter(municipality=value.municipality)

    def filter_bbox(self, queryset: QuerySet, name: str, value: BoundingBox | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(
            latitude__gte=value.south,
            latitude__lte=value.north,
            longitude__gte=value.west,
            longitude__lte=value.east,
        )
