"""The directory's filters: search, facets with counts, and sorting over published actors.

One FilterSet serves the directory, the map, its GeoJSON and the exports, so a filtered
view has the same URL parameters everywhere and can be shared. Bad values (an unknown
slug, text where a number belongs, a junk sort) are form errors: the filter is ignored
and the page says why, never a 500.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.facets import FacetField, FacetOption
from common.forms import CleanTextMixin
from common.search import MAX_LENGTH as SEARCH_MAX_LENGTH
from common.search import search_query
from ecosystem.facets import COUNTER, taxonomy_labels
from ecosystem.models import SDG, Actor, Municipality, Region, TargetGroup, Theme

SORT_RELEVANCE = "relevance"
SORT_NAME = "name"
SORT_NEWEST = "newest"
SORT_CHOICES = [
    (SORT_RELEVANCE, _("Best match")),
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


class ActorFilter(django_filters.FilterSet):
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
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="filter_nothing"
    )

    # The facets shown with counts, in the order of the filter form.
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

    class Meta:
        model = Actor
        fields: list[str] = []
        form = FilterForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Actor.objects.published()
        super().__init__(data=data, queryset=queryset, **kwargs)
        self._search: SearchQuery | None = None
        self._facets: dict[str, list[FacetOption]] | None = None

    # --- filtering --------------------------------------------------------------------

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        query = search_query(value or "")
        if query is None:
            return queryset
        self._search = query
        return queryset.filter(search_vector=query)

    def filter_open_to_partnerships(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # An unticked box means "any", not "only actors closed to partnerships".
        return queryset.filter(open_to_partnerships=True) if value else queryset

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # sorting is applied last, in filter_queryset()

    def _apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        """Every valid filter except `skip` (the facet being counted)."""
        for name, value in self.form.cleaned_data.items():
            if name in (skip, "sort"):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def matching(self) -> QuerySet:
        """The filtered actors, unordered: for the map's GeoJSON and the exports."""
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return self._apply(self.queryset.all())

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self._apply(queryset)
        if self.current_sort == SORT_RELEVANCE:
            return queryset.annotate(rank=SearchRank(F("search_vector"), self._search)).order_by(
                "-rank", "name", "pk"
            )
        if self.current_sort == SORT_NEWEST:
            return queryset.order_by(
                F("published_at").desc(nulls_last=True), F("created_at").desc(), "pk"
            )
        # Plain "name" (not Lower) so that the (status, name) index serves the first page.
        return queryset.order_by("name", "pk")

    @property
    def searching(self) -> bool:
        self.errors  # noqa: B018 - validates the form, which runs filter_search lazily
        return search_query(self.form.cleaned_data.get("q") or "") is not None

    @property
    def current_sort(self) -> str:
        """The sort in effect: what was asked for if it makes sense, else the default."""
        chosen = self.form.cleaned_data.get("sort") if self.is_bound else None
        if chosen == SORT_RELEVANCE and not self.searching:
            chosen = None
        return chosen or (SORT_RELEVANCE if self.searching else SORT_NAME)

    def sort_options(self) -> list[FacetOption]:
        """The sort select. Its first option (value "") is the default: best match while
        searching, name otherwise, so typing a search after sorting by name still ranks."""
        labels = dict(SORT_CHOICES)
        searching = self.searching
        chosen = self.form.cleaned_data.get("sort") if self.is_bound else ""
        explicit = (SORT_NAME, SORT_NEWEST) if searching else (SORT_NEWEST,)
        selected = chosen if chosen in explicit else ""
        default = SORT_RELEVANCE if searching else SORT_NAME
        return [FacetOption("", str(labels[default]), 0, selected == "")] + [
            FacetOption(value, str(labels[value]), 0, selected == value) for value in explicit
        ]

    # --- facet counts -------------------------------------------------------------------

    def _selected(self, name: str) -> str:
        """The validated value of a filter as it appears in the URL ('' when unset/invalid)."""
        value = self.form.cleaned_data.get(name)
        if value in (None, "", False):
            return ""
        field = self.filters[name].extra.get("to_field_name")
        return str(getattr(value, field)) if field else str(value)

    def facets(self) -> dict[str, list[FacetOption]]:
        """Each facet's options with how many actors match under the other filters.

        Two queries, whatever the number of facets, options or actors (see
        ecosystem.facets). Options with no matches are left out, except the one selected,
        so that it can be unselected.
        """
        if self._facets is None:
            self._facets = self._count_facets()
        return self._facets

    @property
    def total(self) -> int:
        """How many actors match every filter, read from the facet counts (every actor
        has exactly one type), so the directory needs no COUNT query of its own."""
        kinds = {o.value: o.count for o in self.facets()["kind"]}
        selected = self._selected("kind")
        return kinds.get(selected, 0) if selected else sum(kinds.values())

    def _count_facets(self) -> dict[str, list[FacetOption]]:
        self.errors  # noqa: B018 - cleaned_data must exist
        published = Actor.objects.published()
        filtered = [name for name in self.FACETS if self._selected(name)]
        # Facets that are not filtered share one set (all filters); each filtered facet
        # is counted under all the other filters.
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

        facets = {
            "kind": options("kind", [(v, v, str(label)) for v, label in Actor.Kind.choices]),
        }
        for name in ("theme", "target_group", "sdg", "region", "municipality"):
            facets[name] = options(name, [(la.id, la.key, la.label) for la in labels[name]])
        codes = {*counts["country"], self._selected("country")} - {""}
        facets["country"] = options(
            "country",
            sorted(((c, c, str(countries.name(c))) for c in codes), key=lambda p: p[2]),
        )
        facets["open_to_partnerships"] = [
            FacetOption(
                "true",
                "",
                counts["open_to_partnerships"].get("true", 0),
                self._selected("open_to_partnerships") != "",
            )
        ]
        return facets

    def facet_fields(self) -> list[FacetField]:
        """The filter form's fields with their options and counts, in display order."""
        facets = self.facets()
        return [
            FacetField(
                name=name,
                label=str(self.filters[name].label),
                any_label=str(ANY_LABELS[name]),
                options=facets[name],
                errors=list(self.form.errors.get(name, [])),
                checkbox=name == "open_to_partnerships",
            )
            for name in self.FACETS
        ]

    def field_errors(self, name: str) -> list[str]:
        return list(self.form.errors.get(name, [])) if self.is_bound else []
