"""Funding opportunities for the public: the list of open calls, the archive, a call's
page, the deadline calendar; and, for members, the alerts and the digest's signed
unsubscribe link. Views are thin: fetch with access control (funding.permissions),
validate, call funding.services, respond.

The public pages come from the page cache (`@public_page`) under the funding generation
(and the directory's and library's, whose names and resources they show). The open list
also changes with the clock (a deadline passes), which no generation knows of: its cached
copies live ten minutes at most.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common import jsonld
from common.languages import in_language
from common.lists import render_list, without_empty_parameters
from common.opendata import public_data
from common.pagecache import public_page
from ecosystem.facets import GENERATION as ECOSYSTEM_GENERATION
from funding import calendar, permissions, services
from funding.facets import GENERATION
from funding.filters import OpportunityFilter
from funding.forms import AlertForm
from funding.models import Deadline, FundingOpportunity, Kind, closing_soon_until, this_minute
from resources.facets import GENERATION as RESOURCES_GENERATION
from resources.models import Resource

PAGE_SIZE = 20
CLOCK_SECONDS = 600
CALENDAR_PAST_DAYS = 60
CALENDAR_SIZE = 1000
LIST_FIELDS = (
    "title_da",
    "title_en",
    "slug",
    "kind",
    "status",
    "rolling",
    "scope",
    "amount_min",
    "amount_max",
    "currency",
    "funder_name",
    "programme",
    "funder__name",
)


def _list(request: HttpRequest, *, archive: bool) -> HttpResponse:
    filterset = OpportunityFilter(request.GET, archive=archive)
    rows = filterset.qs.select_related("funder").only(*LIST_FIELDS)
    context = filterset.listing(request, rows, page_size=PAGE_SIZE) | {
        "archive": archive,
        "soon": closing_soon_until(filterset.now),
        "results_url": reverse("funding:archive" if archive else "funding:index"),
    }
    return render_list(request, "funding/list.html", context, list_id="call")


@require_safe
@without_empty_parameters
@public_page(GENERATION, ECOSYSTEM_GENERATION, seconds=CLOCK_SECONDS)
def opportunity_list(request: HttpRequest) -> HttpResponse:
    return _list(request, archive=False)


@require_safe
@without_empty_parameters
@public_page(GENERATION, ECOSYSTEM_GENERATION, seconds=CLOCK_SECONDS)
def archive(request: HttpRequest) -> HttpResponse:
    return _list(request, archive=True)


def _grant_data(request: HttpRequest, call: FundingOpportunity) -> dict | None:
    """schema.org MonetaryGrant, for grants and prizes (the other kinds have no fitting
    type)."""
    if call.kind not in (Kind.GRANT, Kind.PRIZE):
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": call.title,
        "description": call.description,
        "url": request.build_absolute_uri(call.get_absolute_url()),
        "sameAs": call.link,
        "funder": {"@type": "Organization", "name": call.funder_display},
    }
    if call.amount_min is not None or call.amount_max is not None:
        amount = {"@type": "MonetaryAmount", "currency": call.currency}
        if call.amount_min is not None:
            amount["minValue"] = call.amount_min
        if call.amount_max is not None:
            amount["maxValue"] = call.amount_max
        data["amount"] = amount
    return data


@require_safe
@public_page(GENERATION, ECOSYSTEM_GENERATION, RESOURCES_GENERATION, seconds=CLOCK_SECONDS)
def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = permissions.get_opportunity_for_view(request.user, slug)
    models = Resource.objects.published().filter(kind=Resource.Kind.FINANCING_MODEL)
    now = timezone.now()
    deadlines = list(call.deadlines.all())
    regions = list(call.regions.all()) if call.scope == call.Scope.REGIONAL else []
    shown = ("title", "slug", "summary", "kind", "language")
    financing_models = list(models.filter(funding_opportunities=call).only(*shown))
    upcoming = [d for d in deadlines if d.at >= now]
    is_open = call.status == call.Status.PUBLISHED and (call.rolling or bool(upcoming))
    data = _grant_data(request, call)
    context = {
        "call": call,
        "title": in_language(call, "title"),
        "description": in_language(call, "description"),
        "deadlines": deadlines,
        "next_deadline": upcoming[0] if upcoming else None,
        "closing_soon": bool(upcoming) and upcoming[0].at <= closing_soon_until(now),
        "is_open": is_open,
        "now": now,
        "themes": list(call.themes.all()),
        "target_groups": list(call.target_groups.all()),
        "regions": regions,
        "financing_models": financing_models,
        "json_ld": jsonld.json_ld(data) if data else "",
    }
    return render(request, "funding/detail.html", context)


@require_safe
@public_data
@public_page(GENERATION, seconds=CLOCK_SECONDS)
def deadlines_ics(request: HttpRequest) -> HttpResponse:
    """The deadlines of public calls, from two months back (so a subscriber's calendar
    keeps the recent ones) onwards."""
    since = this_minute() - timedelta(days=CALENDAR_PAST_DAYS)
    rows = (
        Deadline.objects.filter(at__gte=since, opportunity__in=FundingOpportunity.objects.public())
        .select_related("opportunity", "opportunity__funder")
        .order_by("at", "pk")[:CALENDAR_SIZE]
    )
    body = calendar.ics(rows, name=_("Funding deadlines"))
    return HttpResponse(body, content_type=calendar.CONTENT_TYPE)


# --- Alerts ------------------------------------------------------------------------------


def _language() -> str:
    return "en" if (get_language() or "").startswith("en") else "da"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def alerts(request: HttpRequest) -> HttpResponse:
    form = AlertForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        actor_id = request.POST.get("actor", "")
        existing = (
            request.user.funding_alerts.select_related("actor").filter(actor_id=actor_id).first()
            if actor_id.isdigit() and len(actor_id) < 19
            else None
        )
        if existing is not None:  # sent twice (a second tab, a reload): say so, change nothing
            messages.info(
                request,
                _("You are already subscribed to funding calls for %(name)s.")
                % {"name": existing.actor.name},
            )
            return redirect("funding:alerts")
        if form.is_valid():
            actor = form.cleaned_data["actor"]
            services.subscribe(user=request.user, actor=actor, language=_language())
            messages.success(
                request,
                _("You will get a weekly e-mail with new funding calls for %(name)s.")
                % {"name": actor.name},
            )
            return redirect("funding:alerts")
        status = 400
    context = {
        "form": form,
        "alerts": request.user.funding_alerts.select_related("actor").order_by("actor__name"),
        "has_actors": permissions.alert_actors(request.user).exists(),
        "all_subscribed": not form.fields["actor"].queryset.exists(),
    }
    return render(request, "funding/alerts.html", context, status=status)


@login_required
@require_POST
def alert_delete(request: HttpRequest, pk: int) -> HttpResponse:
    alert = permissions.get_own_alert(request.user, pk)
    services.unsubscribe(alert)
    messages.success(
        request, _("You no longer get funding alerts for %(name)s.") % {"name": alert.actor.name}
    )
    return redirect("funding:alerts")


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The digest's signed link: works logged out. A tampered or used-up link changes
    nothing and says so kindly."""
    alert = permissions.get_alert_for_token(token)
    if alert is None:
        return render(request, "funding/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.unsubscribe(alert)
        return render(request, "funding/unsubscribe.html", {"done": True, "actor": alert.actor})
    return render(request, "funding/unsubscribe.html", {"actor": alert.actor, "token": token})
