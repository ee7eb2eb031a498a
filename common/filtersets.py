"""A list page's filters, facet counts, sorting and paging, declared once per list.

Every public list of the portal (the directory, the library, the case gallery, the events,
the recommendations) has the same shape: a django-filter FilterSet over the public rows,
a count beside each option that follows the other filters (common.facets), an optional
search (common.search) with "best match" first while searching, an optional sort, and
pages whose count comes from the facet counts rather than a COUNT query. A list declares
its filters and tables on a `FacetFilterSet`; this module does the rest, so that each list
behaves alike and a fix reaches all of them.

Bad values (an unknown slug, text where a number belongs, a junk sort, a search of 10,000
characters) are form errors: the filter is ignored and the page says why, never a 500.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

import django_filters
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from common.facets import FacetCounter, FacetField, FacetOption
from common.search import found, rank, search_query

RELEVANCE = "relevance"


class CountedPaginator(Paginator):
    """A paginator told its count (known from the facet counts) instead of asking."""

    def __init__(self, object_list, per_page: int, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


class FacetFilterSet(django_filters.FilterSet):
    """What a list declares:

    - `base()`: the public rows (the default queryset, and what facets are counted in);
    - `COUNTER`: its `FacetCounter`; `FACETS`: the facets shown, in form order, each with
      an "any" label in `ANY_LABELS`; `CHECKBOXES`: facets drawn as one tick box;
    - `TOTAL_FACET`: a column facet that every row has exactly one value of, whose count
      keys are its URL values (a choice such as "kind"): the total is the sum of its
      counts, so the list needs no COUNT query;
    - `choices_for(name, found)`: (count key, URL value, label) of each option of a facet
      that is not a plain choice filter (taxonomies, countries, years);
    - for sorting, `SORT_CHOICES` (the first, RELEVANCE, applies only while searching),
      `DEFAULT_SORT` and `ORDERINGS` (sort → `order_by()` arguments; RELEVANCE's are the
      tie-breakers after the rank). A search filter declared with
      `method="filter_search"` searches as the portal-wide search does (common.search:
      the model's `search_vector`, its taxonomies and type, the glossary).
    """

    FACETS: tuple[str, ...] = ()
    CHECKBOXES: tuple[str, ...] = ()
    ANY_LABELS: dict[str, object] = {}
    COUNTER: FacetCounter
    TOTAL_FACET = ""
    SORT_CHOICES: list[tuple[str, object]] = []
    DEFAULT_SORT = ""
    ORDERINGS: dict[str, tuple] = {}
    # Form fields that order or page the list rather than filter it.
    NOT_FILTERS = ("sort",)

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(
            data=data, queryset=self.base() if queryset is None else queryset, **kwargs
        )
        self._search: SearchQuery | None = None
        self._facets: dict[str, list[FacetOption]] | None = None
        self._counts: dict[str, dict[str, int]] = {}

    def base(self) -> QuerySet:
        raise NotImplementedError

    def choices_for(self, name: str, found: dict[str, int]) -> list[tuple[str, str, str]]:
        """The options of a plain choice filter; override for the others."""
        return [(value, value, str(label)) for value, label in self.filters[name].extra["choices"]]

    # --- filtering ----------------------------------------------------------------------

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        query = search_query(value or "")
        if query is None:
            return queryset
        self._search = query
        return found(queryset, query)

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # sorting is applied last, in filter_queryset()

    def _apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        """Every valid filter except `skip` (the facet being counted)."""
        for name, value in self.form.cleaned_data.items():
            if name == skip or name in self.NOT_FILTERS or value in (None, ""):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def matching(self) -> QuerySet:
        """The filtered rows, unordered: for maps, exports and feeds."""
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return self._apply(self.queryset.all())

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self._apply(queryset)
        sort = self.current_sort
        if not sort:
            return queryset
        if sort == RELEVANCE:
            queryset = queryset.annotate(rank=rank(queryset.model, self._search))
            return queryset.order_by("-rank", *self.ORDERINGS[RELEVANCE])
        return queryset.order_by(*self.ORDERINGS[sort])

    # --- search and sorting -------------------------------------------------------------

    @property
    def searching(self) -> bool:
        if "q" not in self.filters:
            return False
        self.errors  # noqa: B018 - validates the form, which runs filter_search lazily
        return search_query(self.form.cleaned_data.get("q") or "") is not None

    @property
    def current_sort(self) -> str:
        """The sort in effect: what was asked for if it makes sense, else the default
        (best match while searching)."""
        chosen = self.form.cleaned_data.get("sort") if self.is_bound else None
        if chosen == RELEVANCE and not self.searching:
            chosen = None
        return chosen or (RELEVANCE if self.searching else self.DEFAULT_SORT)

    def sort_options(self) -> list[FacetOption]:
        """The sort select. Its first option (value "") is the default: best match while
        searching, `DEFAULT_SORT` otherwise, so typing a search after sorting still ranks."""
        if not self.SORT_CHOICES:
            return []
        labels = dict(self.SORT_CHOICES)
        searching = self.searching
        explicit = [
            value
            for value, _label in self.SORT_CHOICES
            if value != RELEVANCE and (searching or value != self.DEFAULT_SORT)
        ]
        chosen = self.form.cleaned_data.get("sort") if self.is_bound else ""
        selected = chosen if chosen in explicit else ""
        default = RELEVANCE if searching else self.DEFAULT_SORT
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
        if field:
            return str(getattr(value, field))
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return str(int(value))
        return str(value)

    def facets(self) -> dict[str, list[FacetOption]]:
        """Each facet's options with how many rows match under the other filters: one
        query (common.facets), or none from its cache. Options with no matches are left
        out, except the one selected, so that it can be unselected."""
        if self._facets is None:
            self.errors  # noqa: B018 - cleaned_data must exist
            base = self.base()
            filtered = [name for name in self.FACETS if self._selected(name)]
            # Facets that are not filtered share one set (all filters); each filtered
            # facet is counted under all the other filters.
            groups = [(self._apply(base), [n for n in self.FACETS if n not in filtered])]
            groups += [(self._apply(base, skip=name), [name]) for name in filtered]
            self._counts = self.COUNTER.count(groups)
            self._facets = {name: self._options(name) for name in self.FACETS}
        return self._facets

    def _options(self, name: str) -> list[FacetOption]:
        selected, found = self._selected(name), self._counts[name]
        if name in self.CHECKBOXES:
            return [FacetOption("true", "", found.get("true", 0), selected != "")]
        return [
            FacetOption(value, label, found.get(key, 0), value == selected)
            for key, value, label in self.choices_for(name, found)
            if found.get(key, 0) or value == selected
        ]

    @property
    def total(self) -> int:
        """How many rows match every filter, from the counts of `TOTAL_FACET`."""
        self.facets()
        counts = self._counts[self.TOTAL_FACET]
        selected = self._selected(self.TOTAL_FACET)
        return counts.get(selected, 0) if selected else sum(counts.values())

    def facet_fields(self) -> list[FacetField]:
        """The filter form's fields with their options and counts, in display order."""
        facets = self.facets()
        return [
            FacetField(
                name=name,
                label=str(self.filters[name].label),
                any_label=str(self.ANY_LABELS[name]),
                options=facets[name],
                errors=self.field_errors(name),
                checkbox=name in self.CHECKBOXES,
            )
            for name in self.FACETS
        ]

    def field_errors(self, name: str) -> list[str]:
        return list(self.form.errors.get(name, [])) if self.is_bound else []

    # --- the page -----------------------------------------------------------------------

    def listing(self, request, rows: QuerySet, *, page_size: int) -> dict:
        """What a list page's template needs: one page of `rows` (this filterset's `qs`,
        narrowed to the columns shown), the facets, the sort and the errors."""
        page_obj: Page = CountedPaginator(rows, page_size, count=self.total).get_page(
            request.GET.get("page")
        )
        query = request.GET.copy()
        query.pop("page", None)
        facet_fields = self.facet_fields()
        return {
            "filterset": self,
            "facet_fields": facet_fields,
            "active_filter_count": sum(any(o.selected for o in f.options) for f in facet_fields),
            "facet_errors": any(f.errors for f in facet_fields),
            "sort_options": self.sort_options(),
            "search_errors": self.field_errors("q"),
            "sort_errors": self.field_errors("sort"),
            "has_errors": bool(self.is_bound and self.errors),
            "page_obj": page_obj,
            "result_count": page_obj.paginator.count,
            "query_string": query.urlencode(),
            "filtered": any(value for key, value in query.items() if key not in self.NOT_FILTERS),
        }
