"""Events for the public: the list, an event's page, registration and its e-mail links,
the calendar feed and the recommendations. Views are thin: fetch with access control
(policy.permissions), validate, call policy.services, respond.

The public pages come from the page cache (`@public_page`); the registration form sits on
a page of its own, because a page with a form token is never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common import jsonld, opendata
from common.addresses import address_key_or_none
from common.languages import in_language
from common.lists import render_list, without_empty_parameters
from common.pagecache import public_page
from common.ratelimit import rate_limited, too_many_requests
from ecosystem.models import Actor
from policy import calendar, permissions, services
from policy.facets import GENERATION
from policy.filters import EventFilter, RecommendationFilter
from policy.forms import RegistrationChangeForm, RegistrationForm
from policy.models import Event, Registration

PAGE_SIZE = 20
LIST_FIELDS = (
    "title_da",
    "title_en",
    "slug",
    "kind",
    "start",
    "end",
    "status",
    "mode",
    "venue_name",
    "municipality__name_da",
    "municipality__name_en",
)


def with_fullness(events):
    """Mark each event `is_full`: every seat taken, so a new registration waits. One
    subquery per list, not one query per event."""
    seated = (
        Registration.objects.filter(event=OuterRef("pk"), status__in=Registration.SEATED)
        .order_by()
        .values("event")
        .annotate(taken=Count("pk"))
        .values("taken")
    )
    return events.annotate(
        is_full=ExpressionWrapper(
            Q(capacity__lte=Coalesce(Subquery(seated), 0)), output_field=BooleanField()
        )
    )


def _event_list(request: HttpRequest, *, past: bool) -> HttpResponse:
    filterset = EventFilter(request.GET, past=past)
    rows = filterset.qs.select_related("municipality").only(*LIST_FIELDS, "capacity")
    if not past:
        rows = with_fullness(rows)
    if past:
        rows = rows.select_related("outcome").only(
            *LIST_FIELDS, "outcome__summary_da", "outcome__summary_en", "outcome__is_published"
        )
    context = {
        **filterset.listing(request, rows, page_size=PAGE_SIZE),
        "past": past,
        "results_url": reverse("policy:past" if past else "policy:index"),
    }
    return render_list(request, "policy/event_list.html", context, list_id="event")


@require_safe
@without_empty_parameters
@public_page(GENERATION)
def event_list(request: HttpRequest) -> HttpResponse:
    return _event_list(request, past=False)


@require_safe
@without_empty_parameters
@public_page(GENERATION)
def past_events(request: HttpRequest) -> HttpResponse:
    return _event_list(request, past=True)


# --- The event page -------------------------------------------------------------------------


def _event_data(request: HttpRequest, event: Event, seats_left: int) -> dict:
    """schema.org Event, from the public fields only (never the online link)."""
    page_url = request.build_absolute_uri(event.get_absolute_url())
    modes = {
        Event.Mode.IN_PERSON: "OfflineEventAttendanceMode",
        Event.Mode.ONLINE: "OnlineEventAttendanceMode",
        Event.Mode.MIXED: "MixedEventAttendanceMode",
    }
    locations: list[dict] = []
    if event.venue_name:
        place: dict = {
            "@type": "Place",
            "name": event.venue_name,
            "address": {"@type": "PostalAddress", "addressCountry": "DK"},
        }
        if event.venue_address:
            place["address"]["streetAddress"] = event.venue_address
        if event.municipality:
            place["address"]["addressLocality"] = event.municipality.name
        if event.latitude is not None and event.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": event.latitude,
                "longitude": event.longitude,
            }
        locations.append(place)
    if event.online_url or (not locations and event.mode != Event.Mode.IN_PERSON):
        locations.append({"@type": "VirtualLocation", "url": page_url})
    if not locations:  # a venue not yet named: Google requires a location
        place = {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "DK"}}
        if event.municipality:
            place["name"] = place["address"]["addressLocality"] = event.municipality.name
        locations.append(place)
    organisers = [*event.organisers.all(), *event.co_hosts.all()]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "url": page_url,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if event.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": "https://schema.org/" + modes[event.mode],
        "inLanguage": event.language,
        "image": [jsonld.default_image(request)],
        "location": locations[0] if len(locations) == 1 else locations,
        "maximumAttendeeCapacity": event.capacity,
        "remainingAttendeeCapacity": seats_left,
        "organizer": [
            {
                "@type": "Organization",
                "name": actor.name,
                "url": request.build_absolute_uri(actor.get_absolute_url()),
            }
            for actor in organisers
        ],
    }
    return data


@require_safe
@public_page(GENERATION)
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = permissions.get_event_for_view(request.user, slug)
    public_actors = Actor.objects.published().only("name", "slug")
    prefetch_related_objects(
        [event],
        "themes",
        "agenda",
        "speakers",
        Prefetch("organisers", queryset=public_actors),
        Prefetch("co_hosts", queryset=public_actors),
    )
    outcome = getattr(event, "outcome", None) if hasattr(event, "outcome") else None
    if outcome is not None and not outcome.is_published:
        outcome = None
    if outcome is not None:
        prefetch_related_objects(
            [outcome], "recommendations", "resources", Prefetch("actors", queryset=public_actors)
        )
    seats_left = services.seats_left(event)
    registration = permissions.get_own_registration(request.user, event)
    context = {
        "event": event,
        "title": in_language(event, "title"),
        "description": in_language(event, "description"),
        "outcome": outcome,
        "seats_left": seats_left,
        "is_full": seats_left == 0 and event.registration_is_open(),
        "registration": registration,
        # The online link only for a confirmed participant who is logged in; guests get
        # it in their confirmation e-mail.
        "show_online_link": registration is not None and registration.holds_seat,
        "registration_open": event.registration_is_open(),
        "json_ld": jsonld.json_ld(_event_data(request, event, seats_left)),
    }
    context |= {
        "tile_url": settings.TILE_URL,
        "tile_attribution": settings.TILE_ATTRIBUTION or _("© OpenStreetMap contributors"),
    }
    return render(request, "policy/event_detail.html", context)


@require_safe
@opendata.public_data
@public_page(GENERATION)
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = permissions.get_event_for_view(request.user, slug)
    response = HttpResponse(calendar.ics([event]), content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


# --- Registering ----------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = permissions.get_event_for_registration(request.user, slug)
    if request.method == "POST":
        form = RegistrationForm(request.POST, user=request.user)
        # Each registration mails the address typed: counted per client and per address,
        # so the portal's sender is no relay.
        typed = address_key_or_none(request.POST.get("email", "")) or ""
        if rate_limited(request, "event_registration", key=typed):
            return too_many_requests(request)
        if form.is_spam():
            messages.success(
                request, _done_message(Registration(status=Registration.Status.UNCONFIRMED))
            )
            return redirect(event.get_absolute_url())
        if form.is_valid():
            try:
                registration = services.register_for_event(
                    event=event,
                    user=request.user,
                    values=form.values(),
                    language=get_language(),
                )
            except services.RegistrationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _done_message(registration))
                return redirect(event.get_absolute_url())
    else:
        form = RegistrationForm(user=request.user)
    context = {
        "event": event,
        "form": form,
        "registration": permissions.get_own_registration(request.user, event),
        "registration_open": event.registration_is_open(),
        "seats_left": services.seats_left(event),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "policy/register.html", context, status=status)


def _done_message(registration: Registration) -> str:
    RS = Registration.Status
    return {
        RS.UNCONFIRMED: _(
            "Almost done: we have sent you an e-mail. Click the link in it to confirm your "
            "registration. Until then, no seat is held for you."
        ),
        RS.PENDING: _(
            "Thank you. The organisers will review your registration and tell you by e-mail."
        ),
        RS.CONFIRMED: _("You are registered. We have sent you a confirmation by e-mail."),
        RS.WAITING: _(
            "The event is full, so you are on the waiting list. We will e-mail you if a seat "
            "becomes free."
        ),
        RS.ATTENDED: _("You took part in this event."),
    }.get(
        registration.status,
        _("Your registration is %(status)s.")
        % {"status": registration.get_status_display().lower()},
    )


@require_POST
def cancel_own(request: HttpRequest, slug: str) -> HttpResponse:
    """A logged-in registrant cancels from the event page."""
    event = permissions.get_event_for_view(request.user, slug)
    registration = permissions.get_own_registration(request.user, event)
    if registration is None:
        raise Http404
    return _cancel(request, registration, by=request.user)


def _cancel(request: HttpRequest, registration: Registration, *, by) -> HttpResponse:
    try:
        services.cancel_registration(registration=registration, by=by, language=get_language())
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(registration.event.get_absolute_url())


@require_http_methods(["GET", "HEAD", "POST"])
def link_confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The link in a guest's e-mail. Opening it shows a button: mail scanners that follow
    links must not confirm (or, below, cancel) anything."""
    registration = permissions.get_registration_for_link(token, "confirm", slug)
    holder = permissions.LinkHolder(registration.pk)
    if request.method == "POST":
        try:
            services.confirm_email(registration=registration, by=holder, language=get_language())
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _done_message(registration))
        return redirect(registration.event.get_absolute_url())
    context = {"registration": registration, "event": registration.event}
    return render(request, "policy/confirm_link.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def link_cancel(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The link in every registration mail: the guest's "My registration" page. Opening it
    changes nothing (mail scanners follow links); a used link says so instead of offering
    to cancel again."""
    registration = permissions.get_registration_for_link(token, "cancel", slug)
    return _registration_page(request, registration, by=permissions.LinkHolder(registration.pk))


@require_http_methods(["GET", "HEAD", "POST"])
def my_registration(request: HttpRequest, slug: str) -> HttpResponse:
    """A logged-in registrant's "My registration" page for one event."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = permissions.get_event_for_view(request.user, slug)
    registration = permissions.get_latest_own_registration(request.user, event)
    if registration is None:
        messages.info(request, _("You are not registered for this event."))
        return redirect(event.get_absolute_url())
    return _registration_page(request, registration, by=request.user)


def _registration_page(request: HttpRequest, registration: Registration, *, by) -> HttpResponse:
    event = registration.event
    can_change = registration.status in Registration.ACTIVE and not event.has_ended
    form = None
    if request.method == "POST":
        if "save" not in request.POST:
            return _cancel(request, registration, by=by)
        form = RegistrationChangeForm(request.POST, instance=registration)
        if can_change and form.is_valid():
            try:
                services.change_registration(registration=registration, by=by, values=form.values())
            except services.RegistrationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(request.path)
    if can_change and form is None:
        form = RegistrationChangeForm(instance=registration)
    context = {
        "registration": registration,
        "event": event,
        "form": form if can_change else None,
        "can_cancel": registration.status in services.CANCELLABLE and not event.has_ended,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "policy/my_registration.html", context, status=status)


# --- Open data: the feed and the recommendations --------------------------------------------


@require_safe
@opendata.public_data
@public_page(GENERATION)
def feed(request: HttpRequest) -> HttpResponse:
    """Every published (and cancelled) event, for calendar programs: one aggregate query
    answers a client that holds the current version with a 304."""
    events = Event.objects.public()
    fresh = opendata.freshness(events, variant=f"ics|{get_language()}")

    def build() -> HttpResponse:
        rows = events.select_related("municipality").order_by("start", "pk")
        body = calendar.ics(rows, name=_("Policy events"))
        return HttpResponse(body, content_type=calendar.CONTENT_TYPE)

    response = opendata.conditional(request, fresh, build)
    return opendata.licence_headers(response, docs_url=settings.SITE_URL + reverse("policy:index"))


@require_safe
@without_empty_parameters
@public_page(GENERATION)
def recommendations(request: HttpRequest) -> HttpResponse:
    filterset = RecommendationFilter(request.GET)
    rows = filterset.qs.select_related("outcome__event")
    context = {
        **filterset.listing(request, rows, page_size=PAGE_SIZE),
        "results_url": reverse("policy:recommendations"),
    }
    return render_list(request, "policy/recommendations.html", context, list_id="recommendation")
