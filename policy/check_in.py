"""Checking participants in at the door, on a phone: the event's seated registrations by
name, one button each to mark them attended (or undo a slip), the count so far, and the
waiting list below.

Two admin pages of `EventAdmin` (policy/admin.py wires them). Who may open them is
decided in one place, `permissions.can_check_in`; anyone else gets 404. The step itself
is the registration workflow's (`services.decide_registration`), so it is locked, logged
and refused from the wrong state like every other step. A button is a plain POST form:
without JavaScript the page reloads where it was; with htmx only the row and the count
are replaced.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.text import has_control_characters, one_line
from policy import permissions, services
from policy.models import Event, Registration

RS = Registration.Status
PAGE_SIZE = 100
WAITING_SHOWN = 50
SEARCH_MAX_LENGTH = 100
STEPS = {RS.CONFIRMED: "mark_attended", RS.ATTENDED: "unmark_attended"}


def search_words(request) -> str:
    """What was typed in the name box, as one line; control characters find nothing."""
    words = one_line(request.GET.get("q", ""))[:SEARCH_MAX_LENGTH]
    return "" if has_control_characters(words) else words


def counts(event: Event) -> dict[str, int]:
    """Attended, expected (every seat taken) and waiting: one query."""
    return event.registrations.aggregate(
        attended=Count("pk", filter=Q(status=RS.ATTENDED)),
        expected=Count("pk", filter=Q(status__in=Registration.SEATED)),
        waiting=Count("pk", filter=Q(status=RS.WAITING)),
    )


def query_string(*, words: str, page: str) -> str:
    """The list's search and page, carried by each button so the page comes back there."""
    query = {key: value for key, value in (("q", words), ("page", page)) if value}
    return f"?{urlencode(query)}" if query else ""


def check_in_list(request, *, model_admin, object_id: int):
    event = permissions.get_event_for_check_in(request.user, object_id)
    words = search_words(request)
    seated = event.registrations.filter(status__in=Registration.SEATED)
    if words:
        seated = seated.filter(name__icontains=words)
    page = Paginator(seated.order_by(Lower("name"), "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    waiting = event.registrations.filter(status=RS.WAITING).order_by("waiting_since", "pk")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Check-in: %(event)s") % {"event": event.title},
        "opts": model_admin.model._meta,
        "event": event,
        "words": words,
        "page_obj": page,
        "counts": counts(event),
        "waiting": list(waiting[:WAITING_SHOWN]),
        "query": query_string(words=words, page=str(page.number) if page.number > 1 else ""),
        "waiting_url": reverse("admin:policy_registration_changelist")
        + "?"
        + urlencode({"event__id__exact": event.pk, "status__exact": RS.WAITING}),
    }
    return TemplateResponse(request, "admin/policy/event/check_in.html", context)


@require_POST
def check_in_step(request, *, model_admin, object_id: int, registration_id: int):
    """Mark one person attended or undo it. The step follows from the row's state as the
    button showed it (`action`); a second tap on a stale page is refused, not repeated."""
    event = permissions.get_event_for_check_in(request.user, object_id)
    registration = permissions.get_registration_for_check_in(request.user, event, registration_id)
    action = request.POST.get("action", "")
    page = request.GET.get("page", "")
    query = query_string(words=search_words(request), page=page if page.isdigit() else "")
    back = reverse("admin:policy_event_check_in", args=[event.pk]) + query
    error = ""
    if action not in STEPS.values():
        error = _("This is not a step a registration can take.")
    else:
        try:
            services.decide_registration(
                registration=registration,
                action=action,
                by=request.user,
                language=request.LANGUAGE_CODE,
            )
        except services.RegistrationError as refused:
            error = str(refused.message)
    if request.htmx:
        registration.refresh_from_db(fields=["status"])
        context = {
            "event": event,
            "registration": registration,
            "counts": counts(event),
            "error": error,
            "query": query,
            "oob": True,
        }
        return TemplateResponse(request, "admin/policy/event/check_in_row.html", context)
    if error:
        messages.error(request, f"{registration.name}: {error}")
    elif action == "mark_attended":
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    else:
        messages.success(
            request,
            _("%(name)s is no longer marked as attended.") % {"name": registration.name},
        )
    return HttpResponseRedirect(back, status=303)
