"""Who may do what with events and registrations: the one place the policy app decides.

A registration belongs to its registrant: the logged-in user it was made by, or whoever
holds a signed link from its e-mails (a guest has no account). Anyone else asking for it
gets 404, never 403, so nothing tells that it exists. Events are run by the event
managers group and superusers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404

from ecosystem import staff
from policy.models import Event, Registration

# Who may take a step of the registration and event workflows (policy/services.py).
BY_REGISTRANT = "registrant"
BY_MANAGER = "manager"
BY_SYSTEM = "system"  # the portal itself: promotion from the waiting list

LINK_SALT = "policy.registration"
CONFIRM_LINK_DAYS = 14


@dataclass(frozen=True)
class LinkHolder:
    """Whoever opened a signed link from a registration's e-mail: they act for that one
    registration and nothing else."""

    registration_id: int
    is_authenticated: bool = False
    is_active: bool = False
    is_superuser: bool = False


class System:
    """The portal acting on its own (a freed seat goes to the first in line)."""

    is_authenticated = False
    is_active = False
    is_superuser = False


SYSTEM = System()


def is_event_manager(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or staff.in_group(user, staff.EVENT_MANAGERS))
    )


def can_manage_in_admin(user) -> bool:
    """The admin's event pages are for superusers and event managers only, whatever single
    model permissions a staff account may have been given by hand."""
    return user.is_active and user.is_staff and is_event_manager(user)


def can_check_in(user) -> bool:
    """The door's check-in list: event managers (and superusers) whose group holds the
    right to change registrations. Anyone else, signed in or not, is answered 404."""
    return can_manage_in_admin(user) and user.has_perm("policy.change_registration")


def get_event_for_check_in(user, event_id) -> Event:
    if not can_check_in(user):
        raise Http404
    return get_object_or_404(Event, pk=event_id)


def get_registration_for_check_in(user, event: Event, registration_id) -> Registration:
    """A registration of this event only: another event's (a forged address) is a 404."""
    if not can_check_in(user):
        raise Http404
    return get_object_or_404(Registration, pk=registration_id, event=event)


def is_registrant(user, registration: Registration) -> bool:
    if isinstance(user, LinkHolder):
        return user.registration_id == registration.pk
    return bool(
        getattr(user, "is_authenticated", False)
        and registration.user_id is not None
        and registration.user_id == user.pk
    )


def can_take_transition(user, row, by: str) -> bool:
    if by == BY_MANAGER:
        return is_event_manager(user)
    if by == BY_SYSTEM:
        return user is SYSTEM
    if by == BY_REGISTRANT:
        return isinstance(row, Registration) and is_registrant(user, row)
    return False


def can_view_event(user, event: Event) -> bool:
    """Published and cancelled events are public; drafts only for event managers."""
    return event.status != Event.Status.DRAFT or is_event_manager(user)


def get_event_for_view(user, slug: str) -> Event:
    event = get_object_or_404(Event.objects.select_related("municipality"), slug=slug)
    if not can_view_event(user, event):
        raise Http404
    return event


def get_event_for_registration(user, slug: str) -> Event:
    """The registration form is for published and cancelled events (the latter says so)."""
    return get_event_for_view(user, slug)


def get_own_registration(user, event: Event) -> Registration | None:
    """The logged-in user's current registration for the event, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        event.registrations.filter(user=user, status__in=Registration.ACTIVE)
        .order_by("-created_at")
        .first()
    )


def get_latest_own_registration(user, event: Event) -> Registration | None:
    """The logged-in user's registration for the event, a cancelled one included: their
    "My registration" page says what became of it."""
    if not getattr(user, "is_authenticated", False):
        return None
    return event.registrations.filter(user=user).order_by("-created_at", "-pk").first()


# --- Signed links ---------------------------------------------------------------------------


def make_link_token(registration: Registration, purpose: str) -> str:
    """A token for the registration's e-mail links: `purpose` is "confirm" or "cancel".
    It names the registration and its address, so a link stops working once the data is
    anonymised, and it cannot be turned into one for another registration."""
    return signing.dumps(
        {"r": registration.pk, "p": purpose, "e": registration.email.lower()}, salt=LINK_SALT
    )


def get_registration_for_link(token: str, purpose: str, slug: str) -> Registration:
    """The registration a signed link is for, or 404: a tampered token, one for another
    purpose, or one for another event's registration (a foreign link) finds nothing."""
    max_age = CONFIRM_LINK_DAYS * 24 * 3600 if purpose == "confirm" else None
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=max_age)
    except signing.BadSignature as error:
        raise Http404 from error
    if not isinstance(data, dict) or data.get("p") != purpose:
        raise Http404
    registration = (
        Registration.objects.select_related("event")
        .filter(pk=data.get("r"), event__slug=slug)
        .first()
    )
    if registration is None or registration.email.lower() != data.get("e"):
        raise Http404
    return registration


# The admin's model permissions of each staff group (synced after migrate: common.roles).
GROUP_PERMISSIONS = {
    staff.EVENT_MANAGERS: [
        *[
            f"{verb}_{model}"
            for model in (
                "event", "agendaitem", "speaker", "outcome", "recommendation", "outcomeresource"
            )
            for verb in ("view", "add", "change", "delete")
        ],
        "view_registration", "change_registration",
        "view_eventlogentry",
    ],
}  # fmt: skip
