"""Views for members of organisations: the dashboard, the draft form, submit, withdraw.

Each view fetches through validation.permissions (404 for other organisations' cases),
validates a form, calls one function of validation.services and turns its domain error
into a message. Nothing typed is lost: a form with errors, a save that conflicts with
another member's, or a post sent after the session expired all come back filled in.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from validation import permissions, review, services
from validation.forms import ApplicationForm, NewApplicationForm
from validation.models import CaseApplication, CaseLogEntry, Status

GET_POST = ["GET", "POST"]
KEPT_POST = "validation_kept_post"  # session key of a post sent while logged out


def _next_step(case: CaseApplication) -> str:
    steps = {
        Status.DRAFT: _("Complete the application and send it for validation."),
        Status.SUBMITTED: _("Wait for a validator to start the review."),
        Status.IN_REVIEW: _("A validator is reviewing the application."),
        Status.CHANGES_REQUESTED: _("Make the changes the validator asks for and send it again."),
        Status.RESUBMITTED: _("Wait for the validator to review your changes."),
        Status.VALIDATED: _("Validated. We will publish it on Social Innovation Match."),
        Status.REJECTED: _("Not validated. See the validator's reasons."),
        Status.PUBLISHED: _("Published on Social Innovation Match."),
        Status.WITHDRAWN: _("Withdrawn."),
    }
    return steps[case.status]


def _login_keeping_post(request: HttpRequest) -> HttpResponse:
    """The session expired while someone typed: keep what they sent (not files) and give it
    back on this page after they log in again."""
    if request.method == "POST":
        data = {
            key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"
        }
        request.session[KEPT_POST] = {"path": request.path, "data": data}
    return redirect_to_login(request.get_full_path())


def _kept_post(request: HttpRequest) -> QueryDict | None:
    kept = request.session.get(KEPT_POST)
    if not kept or kept.get("path") != request.path:
        return None
    del request.session[KEPT_POST]
    data = QueryDict(mutable=True)
    for key, values in kept["data"].items():
        data.setlist(key, values)
    messages.warning(
        request,
        _("You were logged out before your changes were saved. Here is what you typed."),
    )
    return data


# The validator's steps whose message the applicant must read while the case is in the
# state that step put it in.
VALIDATOR_MESSAGES = (
    CaseLogEntry.Action.CHANGES_REQUESTED,
    CaseLogEntry.Action.VALIDATED,
    CaseLogEntry.Action.REJECTED,
    CaseLogEntry.Action.PUBLISHED,
)


DASHBOARD_PAGE_SIZE = 20


@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    """One card per application: its state, the next step and the validator's message.

    The message shown is the note of the step that put the case in its current state, and
    only when a validator took it: after a later step (a resubmission, a publication) the
    old request for changes is history, read on the application's page, not a task.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    last_step = (
        CaseLogEntry.objects.filter(case=OuterRef("pk"))
        .exclude(to_status="")
        .order_by("-created_at", "-pk")
    )
    cases = (
        CaseApplication.objects.of_user(request.user)
        .select_related("actor")
        .annotate(
            last_action=Subquery(last_step.values("action")[:1]),
            last_note=Subquery(last_step.values("note")[:1]),
        )
        .order_by("-updated_at", "-pk")
        .only("pk", "title", "status", "slug", "updated_at", "consent_portal", "actor__name")
    )
    # One page of cards: an organisation with hundreds of applications gets pages, not
    # one page that grows with them.
    page_obj = Paginator(cases, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (
            case,
            _next_step(case),
            case.last_note if case.last_action in VALIDATOR_MESSAGES else "",
        )
        for case in page_obj
    ]
    context = {
        "rows": rows,
        "page_obj": page_obj,
        "can_apply": permissions.applicant_actors(request.user).exists(),
    }
    return render(request, "validation/dashboard.html", context)


@require_http_methods(GET_POST)
def application_new(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login_keeping_post(request)
    actors = permissions.applicant_actors(request.user)
    if not actors.exists():
        messages.info(request, _("Register your organisation, or join it, before you apply."))
        return redirect("ecosystem:register")
    data = request.POST if request.method == "POST" else _kept_post(request)
    form = NewApplicationForm(
        data,
        request.FILES if request.method == "POST" else None,
        actors=actors,
        initial={"token": uuid.uuid4(), "actor": actors.first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            case = services.create_application(
                actor=form.cleaned_data["actor"],
                by=request.user,
                token=form.cleaned_data["token"],
                values=form.values(),
            )
        except services.CaseError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft is saved. You can come back to it at any time."))
            return redirect("validation:application_edit", pk=case.pk)
    return render(request, "validation/application_form.html", {"form": form, "case": None})


@require_http_methods(GET_POST)
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login_keeping_post(request)
    case = permissions.get_case_for_member(request.user, pk)
    if not case.is_editable:
        messages.error(
            request,
            _("The application cannot be edited while it is %(status)s.")
            % {"status": case.get_status_display().lower()},
        )
        return redirect("validation:application", pk=case.pk)
    data = request.POST if request.method == "POST" else _kept_post(request)
    form = ApplicationForm(data, request.FILES if request.method == "POST" else None, instance=case)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_draft(
                case=case,
                by=request.user,
                version=form.cleaned_data["version"] or 0,
                values=form.values(),
            )
            if "submit" in request.POST:
                services.submit_application(case=case, by=request.user, language=get_language())
        except services.EditConflict as error:
            conflict = error
            # Saving again now overwrites knowingly: the form carries the current version.
            form.data = form.data.copy()
            form.data["version"] = error.current.version
            form.add_error(None, error.message)
        except services.CaseError as error:
            form.add_error(None, error.message)
            case.refresh_from_db()
            # The draft may have been saved before sending was refused: the next save
            # builds on that version, or the member would be told of a conflict with herself.
            form.data = form.data.copy()
            form.data["version"] = case.version
        else:
            if case.status in (Status.SUBMITTED, Status.RESUBMITTED):
                messages.success(
                    request, _("Thank you. The application has been sent for validation.")
                )
                return redirect("validation:application", pk=case.pk)
            messages.success(request, _("The draft is saved."))
            return redirect("validation:application_edit", pk=case.pk)
    context = {
        "form": form,
        "case": case,
        "missing": services.missing_fields(case),
        "conflict": conflict,
        "staff_message": case.log_entries.filter(
            action=CaseLogEntry.Action.CHANGES_REQUESTED
        ).first(),
    }
    status = 409 if conflict else 200
    return render(request, "validation/application_form.html", context, status=status)


@require_safe
def application(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's view of one application: state, next step, messages, history."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    case = permissions.get_case_for_member(request.user, pk)
    history = case.log_entries.select_related("user").exclude(action=CaseLogEntry.Action.ASSIGNED)
    actions = services.allowed_actions(case=case, user=request.user)
    context = {
        "case": case,
        "next_step": _next_step(case),
        "history": history,
        "can_withdraw": services.withdraw_action(case) in actions,
        "missing": services.missing_fields(case) if case.is_editable else [],
    }
    return render(request, "validation/application.html", context)


@require_http_methods(GET_POST)
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then the step: works without JavaScript."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    case = permissions.get_case_for_member(request.user, pk)
    if request.method == "POST":
        try:
            services.transition_case(
                case=case,
                action=services.withdraw_action(case),
                by=request.user,
                language=get_language(),
            )
        except services.CaseError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The application has been withdrawn."))
        return redirect("validation:application", pk=case.pk)
    return render(request, "validation/withdraw.html", {"case": case})


@require_safe
def application_sent(request: HttpRequest, pk: int) -> HttpResponse:
    """What the organisation sent, each submission as it was sent, read-only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    case = permissions.get_case_for_member(request.user, pk)
    submissions = list(case.submissions.select_related("submitted_by").order_by("number"))
    try:
        number = int(request.GET.get("n") or (submissions[-1].number if submissions else 0))
    except ValueError:
        number = 0
    shown = next((s for s in submissions if s.number == number), None)
    if shown is None and submissions:
        shown = submissions[-1]
    context = {
        "case": case,
        "submissions": submissions,
        "shown": shown,
        "sections": review.readable(shown.data) if shown else [],
    }
    return render(request, "validation/application_sent.html", context)
