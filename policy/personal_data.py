"""Policy's share of a person's data (common.personal_data): their event registrations.

A registration is the person's when their account made it, or when it was made with
their account's address. On deletion, a registration for an event still to come is
cancelled first (the seat goes to the waiting list, as when the person cancels), and every
registration is then anonymised like those of past events after the retention time: the
row stays so the event's counts stay, without name, address or needs."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from common.personal_data import AccountSection, Part, of_account
from policy import services
from policy.models import EventLogEntry, Registration

# The account page lists this many; the rest are one click away on the events pages.
SHOWN = 10


def registrations_of(user) -> QuerySet[Registration]:
    registrations = Registration.objects.filter(anonymised_at__isnull=True)
    return of_account(registrations, user, linked=Q(user=user), address_field="email")


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> list[dict]:
    return [
        {
            "event": r.event.title,
            "event_start": _when(r.event.start),
            "status": r.status,
            "name": r.name,
            "email": r.email,
            "organisation": r.organisation,
            "role_title": r.role_title,
            "is_decision_maker": r.is_decision_maker,
            "decision_level": r.decision_level,
            "dietary_needs": r.dietary_needs,
            "accessibility_needs": r.accessibility_needs,
            "language": r.language,
            "registered": _when(r.created_at),
            "confirmed": _when(r.confirmed_at),
            "cancelled": _when(r.cancelled_at),
        }
        for r in registrations_of(user).select_related("event").order_by("created_at", "pk")
    ]


def erase(user) -> None:
    now = timezone.now()
    upcoming = registrations_of(user).filter(event__end__gt=now, status__in=services.CANCELLABLE)
    for registration in upcoming.select_related("event"):
        try:
            services.cancel_registration(registration=registration, by=user)
        except services.RegistrationError:
            pass  # nothing to free; it is anonymised below all the same
    EventLogEntry.objects.filter(user=user).update(user=None)
    services.anonymise(registrations_of(user), now=now)


PART = Part(name="event_registrations", export=export, erase=erase)


def _my_events(user) -> dict | None:
    registrations = list(
        registrations_of(user)
        .select_related("event")
        .order_by("-event__start", "-pk")
        .only("pk", "status", "event__title", "event__slug", "event__start", "event__end")[
            : SHOWN + 1
        ]
    )
    return {"items": registrations[:SHOWN], "more": len(registrations) > SHOWN}


MY_EVENTS = AccountSection(
    name="event_registrations",
    template="policy/includes/account_registrations.html",
    context=_my_events,
    position=30,
)
