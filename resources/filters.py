"""The library's filters: search, facets with counts and sorting over published resources.

Bad values (an unknown slug, text where a year belongs, a junk sort, a search of 10,000
characters) are form errors: the filter is ignored and the page says why, never a 500.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from common.filtersets import RELEVANCE
from common.forms import CleanTextMixin
from common.search import MAX_LENGTH as SEARCH_MAX_LENGTH
from ecosystem.facets import TaxonomyFilterSet
from ecosystem.models import Actor, TargetGroup, Theme
from resources.facets import COUNTER
from resources.models import Resource

SORT_NEWEST = "newest"
SORT_OLDEST = "oldest"
SORT_CHOICES = [
    (RELEVANCE, _("Best match")),
    (SORT_NEWEST, _("Newest first")),
    (SORT_OLDEST, _("Oldest first")),
]

PUBLISHER_OPTIONS = 50

ANY_LABELS = {
    "kind": _("All types"),
    "theme": _("All themes"),
    "target_group": _("All target groups"),
    "language": _("All languages"),
    "audience": _("All audiences"),
    "access": _("Any access"),
    "year": _("All years"),
    "publisher": _("All organisations"),
}


class FilterForm(CleanTextMixin, forms.Form):
    """Errors echo at most a short prefix of a refused value (see CleanTextMixin)."""


class ResourceFilter(TaxonomyFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=SEARCH_MAX_LENGTH
    )
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Resource.Kind.choices)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"),
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Resource.Language.choices)
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Resource.Audience.choices)
    # Staff-only resources are not listed (Resource.objects.published()): no such option.
    access = django_filters.ChoiceFilter(
        label=_("Access"),
        choices=[c for c in Resource.Access.choices if c[0] != Resource.Access.STAFF],
    )
    year = django_filters.NumberFilter(
        label=_("Year"), min_value=1900, max_value=2100, widget=forms.TextInput
    )
    publisher = django_filters.ModelChoiceFilter(
        label=_("Publishing organisation"),
        field_name="publishers",
        queryset=Actor.objects.published(),
        to_field_name="slug",
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="filter_nothing"
    )

    FACETS = (
        "kind",
        "theme",
        "target_group",
        "language",
        "audience",
        "access",
        "year",
        "publisher",
    )
    ANY_LABELS = ANY_LABELS
    COUNTER = COUNTER
    TOTAL_FACET = "kind"  # every resource has exactly one type
    SORT_CHOICES = SORT_CHOICES
    DEFAULT_SORT = SORT_NEWEST
    ORDERINGS = {
        RELEVANCE: ("-published_on", "pk"),
        SORT_NEWEST: ("-published_on", "pk"),
        SORT_OLDEST: ("published_on", "pk"),
    }

    class Meta:
        model = Resource
        fields: list[str] = []
        form = FilterForm

    def base(self) -> QuerySet:
        return Resource.objects.published()

    def choices_for(self, name: str, found: dict[str, int]) -> list[tuple[str, str, str]]:
        if name == "year":
            years = sorted({*found, self._selected("year")} - {""}, reverse=True)
            return [(year, year, year) for year in years]
        if name == "publisher":
            return self._publisher_labels(found)
        return super().choices_for(name, found)

    def _publisher_labels(self, found: dict[str, int]) -> list[tuple[str, str, str]]:
        """The organisations that published the most of the matching resources, by name
        (one query). A select of thousands of names helps nobody: the top ones are shown."""
        selected = self.form.cleaned_data.get("publisher")
        top = sorted(found, key=lambda pk: -found[pk])[:PUBLISHER_OPTIONS]
        ids = {int(pk) for pk in top} | ({selected.pk} if selected else set())
        if not ids:
            return []
        actors = Actor.objects.published().filter(pk__in=ids).only("name", "slug").order_by("name")
        return [(str(a.pk), a.slug, a.name) for a in actors]
