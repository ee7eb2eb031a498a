"""The library's filters: search, facets with counts and sorting over published resources.

Bad values (an unknown slug, text where a year belongs, a junk sort, a search of 10,000
characters) are form errors: the filter is ignored and the page says why, never a 500.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.facets import FacetField, FacetOption
from common.forms import CleanTextMixin
from common.search import MAX_LENGTH as SEARCH_MAX_LENGTH
from common.search import search_query
from ecosystem.facets import taxonomy_labels
from ecosystem.models import Actor, TargetGroup, Theme
from resources.facets import COUNTER
from resources.models import Resource

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORT_OLDEST = "oldest"
SORT_CHOICES = [
    (SORT_RELEVANCE, _("Best match")),
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


class ResourceFilter(django_filters.FilterSet):
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
    access = django_filters.ChoiceFilter(label=_("Access"), choices=Resource.Access.choices)
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

    class Meta:
        model = Resource
        fields: list[str] = []
        form = FilterForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Resource.objects.published()
        super().__init__(data=data, queryset=queryset, **kwargs)
        self._search: SearchQuery | None = None
        self._facets: dict[str, list[FacetOption]] | None = None

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        query = search_query(value or "")
        if query is None:
            return queryset
        self._search = query
        return queryset.filter(search_vector=query)

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # sorting is applied last, in filter_queryset()

    def _apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        for name, value in self.form.cleaned_data.items():
            if name in (skip, "sort") or value in (None, ""):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def matching(self) -> QuerySet:
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return self._apply(self.queryset.all())

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self._apply(queryset)
        sort = self.current_sort
        if sort == SORT_RELEVANCE:
            return queryset.annotate(rank=SearchRank(F("search_vector"), self._search)).order_by(
                "-rank", "-published_on", "pk"
            )
        if sort == SORT_OLDEST:
            return queryset.order_by("published_on", "pk")
        return queryset.order_by("-published_on", "pk")

    @property
    def searching(self) -> bool:
        self.errors  # noqa: B018
        return search_query(self.form.cleaned_data.get("q") or "") is not None

    @property
    def current_sort(self) -> str:
        chosen = self.form.cleaned_data.get("sort") if self.is_bound else None
        if chosen == SORT_RELEVANCE and not self.searching:
            chosen = None
        return chosen or (SORT_RELEVANCE if self.searching else SORT_NEWEST)

    def sort_options(self) -> list[FacetOption]:
        """The first option ("") is the default: best match while searching, newest
        otherwise."""
        labels = dict(SORT_CHOICES)
        searching = self.searching
        chosen = self.form.cleaned_data.get("sort") if self.is_bound else ""
        explicit = (SORT_NEWEST, SORT_OLDEST) if searching else (SORT_OLDEST,)
        selected = chosen if chosen in explicit else ""
        default = SORT_RELEVANCE if searching else SORT_NEWEST
        return [FacetOption("", str(labels[default]), 0, selected == "")] + [
            FacetOption(value, str(labels[value]), 0, selected == value) for value in explicit
        ]

    # --- facet counts -------------------------------------------------------------------

    def _selected(self, name: str) -> str:
        value = self.form.cleaned_data.get(name)
        if value in (None, ""):
            return ""
        field = self.filters[name].extra.get("to_field_name")
        if field:
            return str(getattr(value, field))
        return str(int(value)) if name == "year" else str(value)

    def facets(self) -> dict[str, list[FacetOption]]:
        if self._facets is None:
            self._facets = self._count_facets()
        return self._facets

    @property
    def total(self) -> int:
        """Every resource has exactly one type: the total comes from the facet counts."""
        kinds = {o.value: o.count for o in self.facets()["kind"]}
        selected = self._selected("kind")
        return kinds.get(selected, 0) if selected else sum(kinds.values())

    def _count_facets(self) -> dict[str, list[FacetOption]]:
        self.errors  # noqa: B018
        published = Resource.objects.published()
        filtered = [name for name in self.FACETS if self._selected(name)]
        groups = [(self._apply(published), [n for n in self.FACETS if n not in filtered])]
        groups += [(self._apply(published, skip=name), [name]) for name in filtered]
        counts = COUNTER.count(groups)
        labels = taxonomy_labels("en" if (get_language() or "").startswith("en") else "da")

        def options(name: str, pairs) -> list[FacetOption]:
            selected = self._selected(name)
            found = counts[name]
            return [
                FacetOption(value, label, found.get(count_key, 0), value == selected)
                for count_key, value, label in pairs
                if found.get(count_key, 0) or value == selected
            ]

        def choices(name: str, items) -> list[FacetOption]:
            return options(name, [(v, v, str(label)) for v, label in items])

        facets = {
            "kind": choices("kind", Resource.Kind.choices),
            "language": choices("language", Resource.Language.choices),
            "audience": choices("audience", Resource.Audience.choices),
            "access": choices("access", Resource.Access.choices),
        }
        for name in ("theme", "target_group"):
            facets[name] = options(name, [(la.id, la.key, la.label) for la in labels[name]])
        years = sorted({*counts["year"], self._selected("year")} - {""}, reverse=True)
        facets["year"] = options("year", [(y, y, y) for y in years])
        facets["publisher"] = options("publisher", self._publisher_labels(counts["publisher"]))
        return facets

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
