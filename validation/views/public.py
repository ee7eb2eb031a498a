"""The public side of validated cases: gallery, case pages, partner contact, export.

Each page runs a fixed number of queries whatever the number of cases (tested in
tests/validation/test_query_counts.py); anonymous pages come from the page cache under
the validation generation, renewed by every change to a case.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common import jsonld
from common import opendata as common_opendata
from common.catalogue import dataset_json_ld
from common.lists import render_list, without_empty_parameters
from common.pagecache import public_page
from ecosystem.facets import GENERATION as ECOSYSTEM_GENERATION
from validation import opendata, permissions, services
from validation.facets import GENERATION
from validation.filters import CaseFilter
from validation.forms import InterestAnswerForm, InterestForm
from validation.models import CaseApplication, InterestMessage

PAGE_SIZE = 20
LIST_FIELDS = (
    "title",
    "slug",
    "summary",
    "stage",
    "countries",
    "seeks_partners",
    "validated_at",
    "status",
    "image",
    "image_description",
    "actor__name",
)


@require_safe
@without_empty_parameters
@public_page(GENERATION)
def gallery(request: HttpRequest) -> HttpResponse:
    filterset = CaseFilter(request.GET)
    cases = filterset.qs.select_related("actor").only(*LIST_FIELDS)
    context = filterset.listing(request, cases, page_size=PAGE_SIZE) | {
        "results_url": reverse("validation:index"),
        "list_class": "list-cards",
    }
    return render_list(request, "validation/gallery.html", context, list_id="case")


def _case_data(request: HttpRequest, case: CaseApplication) -> dict:
    """schema.org: a validated case is a Project of its lead organisation."""
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": case.title,
        "description": case.summary,
        "url": request.build_absolute_uri(case.get_absolute_url()),
        "parentOrganization": {
            "@type": "Organization",
            "name": case.actor.name,
            "url": request.build_absolute_uri(case.actor.get_absolute_url()),
        },
        "areaServed": list(case.countries),
        "keywords": [theme.name for theme in case.themes.all()],
    }
    if case.start_year:
        data["foundingDate"] = str(case.start_year)
    if case.website:
        data["sameAs"] = [case.website] + ([case.sim_url] if case.sim_url else [])
    if case.image:
        data["image"] = request.build_absolute_uri(case.image.url)
    return data


@require_safe
@public_page(GENERATION)
def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = permissions.get_public_case(slug)
    partners = case.partners.filter(status="published").only("name", "slug")
    context = {
        "case": case,
        "partners": partners,
        "themes": case.themes.all(),
        "target_groups": case.target_groups.all(),
        "sdgs": case.sdgs.all(),
        "json_ld": jsonld.json_ld(_case_data(request, case)),
        "image_url": request.build_absolute_uri(case.image.url) if case.image else "",
        "can_contact": permissions.can_express_interest(request.user, case),
    }
    return render(request, "validation/case_detail.html", context)


@require_safe
@common_opendata.public_data
@public_page(GENERATION)
def case_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The same JSON as the export, for one case: staff carry it over to SIM."""
    case = permissions.get_public_case(slug)
    response = JsonResponse(opendata.sim_document(case), json_dumps_params={"ensure_ascii": False})
    return common_opendata.licence_headers(response, docs_url=_docs_url(request))


def _docs_url(request: HttpRequest) -> str:
    return settings.SITE_URL + reverse("validation:open_data")


@require_safe
@public_page(GENERATION, ECOSYSTEM_GENERATION)
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        "fields": opendata.FIELDS,
        "csv_columns": [column.name for column in opendata.CSV_COLUMNS],
        "licence_name": common_opendata.LICENCE_NAME,
        "licence_url": common_opendata.LICENCE_URL,
        # One case's JSON is for developers, so its link is here, not on the case's page.
        "case_json_example": reverse("validation:case_json", kwargs={"slug": "slug"}).replace(
            "/slug/", "/…/"
        ),
    }
    context["json_ld"] = dataset_json_ld(opendata.DATASET)
    return render(request, "validation/open_data.html", context)


@require_http_methods(["GET", "POST"])
def express_interest(request: HttpRequest, slug: str) -> HttpResponse:
    """A member of another organisation writes to a case that seeks partners; the portal
    relays it without showing either side's address."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    case = permissions.get_public_case(slug)
    if not permissions.can_express_interest(request.user, case):
        messages.info(request, _("Only members of other organisations can contact this case."))
        return redirect(case.get_absolute_url())
    actors = permissions.applicant_actors(request.user).exclude(pk=case.actor_id)
    form = InterestForm(request.POST or None, actors=actors)
    if request.method == "POST" and form.is_valid():
        try:
            services.express_interest(
                case=case,
                by=request.user,
                actor=form.cleaned_data["actor"],
                message=form.cleaned_data["message"],
                language=get_language(),
            )
        except services.CaseError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your message has been sent. The contact's answer comes by e-mail.")
            )
            return redirect(case.get_absolute_url())
    return render(request, "validation/interest.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
def interest_answer(request: HttpRequest, token) -> HttpResponse:
    """The case's contact answers through the link in the relayed mail (the token is the
    secret); only the answer reveals the contact's address to the sender."""
    interest = get_object_or_404(
        InterestMessage.objects.select_related("case", "sender_actor"), token=token
    )
    form = InterestAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and interest.answered_at is None:
        try:
            services.answer_interest(
                interest=interest, answer=form.cleaned_data["answer"], language=get_language()
            )
        except services.CaseError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your answer has been sent."))
            return redirect("validation:interest_answer", token=token)
    return render(request, "validation/interest_answer.html", {"interest": interest, "form": form})
