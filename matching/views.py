"""Partner suggestions for an actor or a case, and the "find a Danish partner" search.

Each page runs a fixed number of queries whatever the number of candidates (tested in
tests/matching/test_query_counts.py): the subject, the ranked page (matching.scoring),
the taxonomy names. Anonymous visitors get them from the page cache, under the
generations of the actors and the cases they are computed from.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from common.lists import render_list, without_empty_parameters
from common.pagecache import public_page
from ecosystem.facets import GENERATION as ECOSYSTEM_GENERATION
from ecosystem.models import Actor
from matching import permissions, reasons, scoring
from matching.filters import PartnerSearchFilter
from matching.forms import SuggestionForm
from validation.facets import GENERATION as VALIDATION_GENERATION

PAGE_SIZE = 20
# A page number past this is not a page anyone reached by following links.
MAX_PAGE = 100_000


class CountedPaginator(Paginator):
    """A paginator told its count (known from the ranked query) instead of asking."""

    def __init__(self, object_list, per_page: int, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _page_number(value: str | None) -> int:
    """What the address asks for, as Django's get_page reads it: junk is page 1."""
    try:
        number = int(value or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


@dataclass(frozen=True)
class Suggestion:
    candidate: scoring.Candidate
    url: str
    contact_url: str
    lead_url: str

    @property
    def is_case(self) -> bool:
        return self.candidate.type == scoring.CASE

    @property
    def country_names(self) -> str:
        return reasons.country_names(self.candidate.countries)

    @property
    def kind_label(self) -> str:
        return str(reasons.KINDS.get(self.candidate.kind, ""))

    @property
    def role_label(self) -> str:
        return str(reasons.ROLES.get(self.candidate.role, ""))


def _suggestion(candidate: scoring.Candidate) -> Suggestion:
    if candidate.type == scoring.CASE:
        slug = {"slug": candidate.slug}
        return Suggestion(
            candidate,
            url=reverse("validation:case_detail", kwargs=slug),
            # The relay of the validation app: the case's contact gets the message
            # without either side seeing the other's address.
            contact_url=reverse("validation:express_interest", kwargs=slug)
            if candidate.open
            else "",
            lead_url=reverse("ecosystem:actor_detail", kwargs={"slug": candidate.lead_slug}),
        )
    url = reverse("ecosystem:actor_detail", kwargs={"slug": candidate.slug})
    return Suggestion(candidate, url=url, contact_url="", lead_url="")


def _suggestions_page(request: HttpRequest, subject: scoring.Subject, form: SuggestionForm) -> Page:
    """One page of suggestions: one query, or two for a page past the end (then the last
    page, as Django's get_page answers)."""
    language = get_language() or "da"
    options = {"show": form.choice("show"), "where": form.choice("where")}
    number = _page_number(request.GET.get("page"))
    rows, total = scoring.ranked(
        subject, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE, language=language, **options
    )
    if not rows and total:
        number = -(-total // PAGE_SIZE)
        rows, total = scoring.ranked(
            subject, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE, language=language, **options
        )
    reasons.explain_all(rows, language)
    paginator = CountedPaginator([], PAGE_SIZE, count=total)
    return Page([_suggestion(row) for row in rows], number, paginator)


# What each weight of matching.scoring.WEIGHTS is for, as the page explains it.
WEIGHT_LABELS = {
    "theme": _("Each shared theme"),
    "target_group": _("Each shared target group"),
    "sdg": _("Each shared sustainable development goal"),
    "open": _("Open to partnerships (an organisation) or looking for partners (a case)"),
    "complementary_role": _("A complementary role (see the table below)"),
    "sought_country": _("In a country the case seeks partners in"),
    "sought_kind": _("A kind of organisation the case seeks"),
}


def _ranking_context() -> dict:
    """How suggestions are ranked, from the same tables the query is built from."""
    roles = dict(Actor.Role.choices)
    return {
        "ranking_rows": [(WEIGHT_LABELS[key], points) for key, points in scoring.WEIGHTS.items()],
        "complementary_roles": [(roles[a], roles[b]) for a, b in scoring.COMPLEMENTARY_ROLES],
    }


def _render_suggestions(request, *, subject, template_context: dict) -> HttpResponse:
    form = SuggestionForm(request.GET)
    page_obj = _suggestions_page(request, subject, form)
    context = {
        **template_context,
        **_ranking_context(),
        "form": form,
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "has_errors": bool(form.errors),
    }
    return render(request, "matching/suggestions.html", context)


@require_safe
@public_page(ECOSYSTEM_GENERATION, VALIDATION_GENERATION)
def actor_partners(request: HttpRequest, slug: str) -> HttpResponse:
    actor = permissions.get_actor_for_suggestions(request.user, slug)
    return _render_suggestions(
        request,
        subject=scoring.Subject.for_actor(actor),
        template_context={"actor": actor, "subject_name": actor.name},
    )


@require_safe
@public_page(ECOSYSTEM_GENERATION, VALIDATION_GENERATION)
def case_partners(request: HttpRequest, slug: str) -> HttpResponse:
    case = permissions.get_case_for_suggestions(request.user, slug)
    kinds = dict(Actor.Kind.choices)
    return _render_suggestions(
        request,
        subject=scoring.Subject.for_case(case),
        template_context={
            "case": case,
            "subject_name": case.title,
            "sought_kinds": [str(kinds.get(kind, kind)) for kind in case.partner_kinds],
        },
    )


@require_safe
@without_empty_parameters
@public_page(ECOSYSTEM_GENERATION)
def find_partner(request: HttpRequest) -> HttpResponse:
    filterset = PartnerSearchFilter(request.GET)
    actors = filterset.qs.select_related("municipality").only(
        "name",
        "slug",
        "kind",
        "role",
        "short_description_da",
        "short_description_en",
        "partnership_text_da",
        "partnership_text_en",
        "city",
        "municipality__name_da",
        "municipality__name_en",
    )
    page_obj = CountedPaginator(actors, PAGE_SIZE, count=filterset.total).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    facet_fields = filterset.facet_fields()
    context = {
        "filterset": filterset,
        "facet_fields": facet_fields,
        "active_filter_count": sum(any(o.selected for o in f.options) for f in facet_fields),
        "facet_errors": any(f.errors for f in facet_fields),
        "search_errors": filterset.field_errors("q"),
        "has_errors": bool(filterset.is_bound and filterset.errors),
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "filtered": any(query.values()),
        "results_url": reverse("matching:find_partner"),
    }
    return render_list(request, "matching/find_partner.html", context, list_id="partner")
