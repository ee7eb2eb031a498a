"""The partners page (public, from the page cache), "Become a partner", and the owners'
application pages. Each applicant view fetches through partners.permissions (404 for
other organisations' applications), validates a form, calls one function of
partners.services and turns its domain error into a message; nothing typed is lost."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, OuterRef, Subquery, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.pagecache import public_page
from ecosystem import facets as ecosystem_facets
from ecosystem.models import Actor, Partnership
from partners import permissions, services
from partners.forms import ApplicationForm, NewApplicationForm
from partners.models import (
    GENERATION,
    TIER_GROUPS,
    TIER_ORDER,
    PartnerApplication,
    PartnerLogEntry,
    Status,
    Tier,
)

GET_POST = ["GET", "POST"]
PAGE_SIZE = 60


def _next_step(application: PartnerApplication) -> str:
    steps = {
        Status.DRAFT: _("Complete the application and send it to the centre."),
        Status.SUBMITTED: _("The centre's staff will read your application and answer by e-mail."),
        Status.RETURNED: _("Make the changes the centre asks for and send the application again."),
        Status.APPROVED: _("Approved. Your organisation is a partner of the centre."),
        Status.REJECTED: _("Not approved. See the centre's message."),
        Status.WITHDRAWN: _("Withdrawn."),
    }
    return steps[application.status]


# --- Public ------------------------------------------------------------------------------


def _tier_rank():
    """Strategic partners first, then supporting, then network; partnerships that staff
    made by hand (the consortium's own, no application) last."""
    return Case(
        *[When(programme__tier=tier, then=Value(rank)) for rank, tier in enumerate(TIER_ORDER)],
        default=Value(len(TIER_ORDER)),
        output_field=IntegerField(),
    )


@require_safe
@public_page(GENERATION, ecosystem_facets.GENERATION)
def index(request: HttpRequest) -> HttpResponse:
    """Current partners with their logos, grouped by tier: two queries (count and page)
    whatever their number."""
    # One row per actor, the highest tier: a hand-made partnership and a renewal that
    # overlap must not list an actor twice.
    best = (
        Partnership.objects.current()
        .filter(actor=OuterRef("actor"))
        .annotate(tier_rank=_tier_rank())
        .order_by("tier_rank", "-starts_on", "-pk")
        .values("pk")[:1]
    )
    rows = (
        Partnership.objects.current()
        .filter(actor__status=Actor.Status.PUBLISHED, pk=Subquery(best))
        .select_related("actor", "programme")
        .annotate(tier_rank=_tier_rank())
        .order_by("tier_rank", "actor__name", "pk")
        .only(
            "starts_on",
            "ends_on",
            "actor__name",
            "actor__slug",
            "actor__logo",
            "actor__kind",
            "actor__city",
            "programme__tier",
        )
    )
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    groups: list[tuple[str, list]] = []
    for partnership in page_obj.object_list:
        programme = getattr(partnership, "programme", None)
        name = str(TIER_GROUPS[programme.tier]) if programme else _("Other partners")
        if not groups or groups[-1][0] != name:
            groups.append((name, []))
        groups[-1][1].append(partnership)
    return render(request, "partners/index.html", {"page_obj": page_obj, "groups": groups})


@require_safe
@public_page(GENERATION)
def become(request: HttpRequest) -> HttpResponse:
    """What the tiers mean and how to apply; logged out, it says that logging in is
    needed; logged in, it lists the organisation's applications."""
    context: dict = {"tiers": Tier.choices}
    if request.user.is_authenticated:
        context["actors"] = list(permissions.applicant_actors(request.user))
        context["applications"] = list(
            PartnerApplication.objects.of_user(request.user)
            .select_related("actor", "partnership")
            .order_by("-created_at", "-pk")[:50]
        )
    return render(request, "partners/become.html", context)


# --- Applicants --------------------------------------------------------------------------


@require_http_methods(GET_POST)
def apply(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    actors = permissions.applicant_actors(request.user)
    if not actors.exists():
        messages.info(
            request,
            _(
                "Only an owner of a published organisation in the directory can apply. "
                "Register your organisation, or ask its owner."
            ),
        )
        return redirect("partners:become")
    initial_actor = actors.filter(pk=request.GET.get("actor") or 0).first() or actors.first()
    form = NewApplicationForm(
        request.POST if request.method == "POST" else None,
        actors=actors,
        initial={"actor": initial_actor},
    )
    if request.method == "POST" and form.is_valid():
        actor = form.cleaned_data["actor"]
        existing = services.open_application(actor)
        if existing is not None:
            messages.info(request, services.open_application_message(actor))
            return redirect("partners:application", pk=existing.pk)
        try:
            application = services.create_application(
                actor=actor, by=request.user, values=form.values()
            )
            if "submit" in request.POST:
                services.submit(application=application, by=request.user, language=get_language())
        except services.PartnerError as error:
            form.add_error(None, error.message)
        else:
            return _saved(request, application)
    return render(request, "partners/application_form.html", {"form": form, "application": None})


def _saved(request: HttpRequest, application: PartnerApplication) -> HttpResponse:
    if application.status == Status.SUBMITTED:
        messages.success(request, _("Thank you. The application has been sent to the centre."))
    else:
        messages.success(request, _("The draft is saved. You can send it when it is ready."))
    return redirect("partners:application", pk=application.pk)


@require_http_methods(GET_POST)
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    application = permissions.get_application_for_owner(request.user, pk)
    if not application.is_editable:
        messages.error(
            request,
            _("The application cannot be changed while it is %(status)s.")
            % {"status": application.get_status_display().lower()},
        )
        return redirect("partners:application", pk=application.pk)
    form = ApplicationForm(request.POST if request.method == "POST" else None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_draft(application=application, by=request.user, values=form.values())
            if "submit" in request.POST:
                services.submit(application=application, by=request.user, language=get_language())
        except services.PartnerError as error:
            form.add_error(None, error.message)
        else:
            return _saved(request, application)
    return render(
        request, "partners/application_form.html", {"form": form, "application": application}
    )


@require_safe
def application(request: HttpRequest, pk: int) -> HttpResponse:
    """The organisation's view of one application: state, next step, message, history."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    application = permissions.get_application_for_member(request.user, pk)
    actions = services.allowed_actions(application=application, user=request.user)
    context = {
        "application": application,
        "next_step": _next_step(application),
        "history": application.log_entries.select_related("user").exclude(
            action=PartnerLogEntry.Action.EDITED
        ),
        "can_edit": permissions.can_edit(request.user, application),
        "can_withdraw": services.withdraw_action(application) in actions,
    }
    return render(request, "partners/application.html", context)


@require_http_methods(GET_POST)
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then the step: works without JavaScript."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    application = permissions.get_application_for_owner(request.user, pk)
    if request.method == "POST":
        try:
            services.transition_application(
                application=application,
                action=services.withdraw_action(application),
                by=request.user,
                language=get_language(),
            )
        except services.PartnerError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The application has been withdrawn."))
        return redirect("partners:application", pk=application.pk)
    return render(request, "partners/withdraw.html", {"application": application})
