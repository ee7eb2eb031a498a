"""Operations on events and registrations: the two workflow tables and what applies them.

Every state change goes through common.workflow.apply_transition (role check, row lock,
log row, mail after commit). What a table cannot say alone, the functions here add:
which of two steps to take depends on the seats left, and that is decided while the
event's row is locked.

The race the event lock prevents: two people confirm at the same moment for the last
seat; each counts one seat left and both are confirmed. Every operation that may fill or
free a seat locks the event row first (SELECT ... FOR UPDATE), then the registration row
(apply_transition), always in that order, so they queue and count in turn.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, TextField, Value
from django.db.models.functions import Cast, Concat, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import mail
from common.addresses import InvalidAddress, clean_address
from common.mail import Recipient
from common.workflow import DomainError, Transition, Workflow, apply_transition
from policy import calendar, permissions
from policy.models import Event, EventLogEntry, GovernmentLevel, Registration

RS = Registration.Status
ES = Event.Status
BY_REGISTRANT = permissions.BY_REGISTRANT
BY_MANAGER = permissions.BY_MANAGER
BY_SYSTEM = permissions.BY_SYSTEM


class RegistrationError(DomainError):
    """A rule of events or registration was broken."""


# --- The registration workflow: a table read top to bottom ------------------------------

# fmt: off
REGISTRATION_TRANSITIONS: dict[str, Transition] = {
    # A guest confirms their address with the link in the e-mail; where they land depends
    # on the event (approval needed?) and the seats left, decided under the event lock.
    "confirm_email": Transition(
        source=RS.UNCONFIRMED, target=RS.CONFIRMED, by=BY_REGISTRANT,
        log="email_confirmed", label=_("Confirm my registration"),
        not_allowed=_("this registration is already confirmed."),
        mail="registration_confirmed",
    ),
    "confirm_email_to_waiting_list": Transition(
        source=RS.UNCONFIRMED, target=RS.WAITING, by=BY_REGISTRANT,
        log="email_confirmed", label=_("Confirm my registration"),
        not_allowed=_("this registration is already confirmed."),
        mail="registration_waiting",
    ),
    "confirm_email_for_approval": Transition(
        source=RS.UNCONFIRMED, target=RS.PENDING, by=BY_REGISTRANT,
        log="email_confirmed", label=_("Confirm my registration"),
        not_allowed=_("this registration is already confirmed."),
        mail="registration_pending",
    ),
    # Closed events: an event manager approves or declines.
    "approve": Transition(
        source=RS.PENDING, target=RS.CONFIRMED, by=BY_MANAGER,
        log="approved", label=_("Approve"),
        not_allowed=_("only a registration pending approval can be approved."),
        mail="registration_confirmed",
    ),
    "approve_to_waiting_list": Transition(
        source=RS.PENDING, target=RS.WAITING, by=BY_MANAGER,
        log="approved", label=_("Approve"),
        not_allowed=_("only a registration pending approval can be approved."),
        mail="registration_waiting",
    ),
    "decline": Transition(
        source=RS.PENDING, target=RS.DECLINED, by=BY_MANAGER,
        log="declined", label=_("Decline"),
        not_allowed=_("only a registration pending approval can be declined."),
        mail="registration_declined",
    ),
    "decline_waiting": Transition(
        source=RS.WAITING, target=RS.DECLINED, by=BY_MANAGER,
        log="declined", label=_("Decline"),
        not_allowed=_("only a registration on the waiting list can be declined."),
        mail="registration_declined",
    ),
    # A freed seat goes to the first in line, by the portal itself.
    "promote": Transition(
        source=RS.WAITING, target=RS.CONFIRMED, by=BY_SYSTEM,
        log="promoted", label=_("Give the seat"),
        not_allowed=_("only a registration on the waiting list can be promoted."),
        mail="registration_promoted",
    ),
    # The registrant cancels (logged in, or with the signed link), from any active state.
    "cancel": Transition(
        source=(RS.CONFIRMED, RS.WAITING, RS.PENDING, RS.UNCONFIRMED),
        target=RS.CANCELLED, by=BY_REGISTRANT,
        log="cancelled", label=_("Cancel my registration"),
        not_allowed=_("this registration cannot be cancelled."),
        mail="registration_cancelled", silent_from=(RS.UNCONFIRMED,),
    ),
    # On the day: event managers mark who came (and can undo a slip).
    "mark_attended": Transition(
        source=RS.CONFIRMED, target=RS.ATTENDED, by=BY_MANAGER,
        log="attended", label=_("Mark as attended"),
        not_allowed=_("only a confirmed participant can be marked as attended."),
    ),
    "unmark_attended": Transition(
        source=RS.ATTENDED, target=RS.CONFIRMED, by=BY_MANAGER,
        log="attendance_undone", label=_("Undo attendance"),
        not_allowed=_("only an attended registration can be undone."),
    ),
}
# fmt: on

# The states a registrant can cancel from.
CANCELLABLE = REGISTRATION_TRANSITIONS["cancel"].sources


def _registration_recipients(registration: Registration, transition: Transition) -> list:
    return [recipient_for(registration)]


def recipient_for(registration: Registration) -> Recipient:
    """The registrant: their account's language, else the one they registered in."""
    if registration.user_id and registration.user is not None:
        found = mail.recipient(registration.user)
        return Recipient(registration.email, found.language or registration.language)
    return Recipient(registration.email, registration.language)


def _registration_log(registration, transition, by, old: str, reason: str):
    return EventLogEntry.objects.create(
        event_id=registration.event_id,
        registration=registration,
        user=by if getattr(by, "is_authenticated", False) else None,
        action=transition.log,
        from_status=old,
        to_status=registration.status,
        changes={"status": [old, registration.status]},
    )


def _registration_dates(registration, transition, reason: str, now) -> list[str]:
    if transition.target == RS.WAITING:
        registration.waiting_since = now
    if transition.target == RS.CONFIRMED and not registration.confirmed_at:
        registration.confirmed_at = now
    if transition.target == RS.CANCELLED:
        registration.cancelled_at = now
    return ["waiting_since", "confirmed_at", "cancelled_at"]


def _calendar_attachment(registration: Registration, transition: Transition) -> list:
    """A confirmed seat comes with the event as an .ics file, for the registrant's calendar."""
    if transition.target != RS.CONFIRMED:
        return []
    return [calendar.attachment(registration.event, language=recipient_for(registration).language)]


def _registration_wrong_state(registration: Registration, transition: Transition):
    return _("This registration is %(status)s: %(problem)s") % {
        "status": registration.get_status_display().lower(),
        "problem": transition.not_allowed,
    }


REGISTRATION_WORKFLOW = Workflow(
    model=Registration,
    transitions=REGISTRATION_TRANSITIONS,
    may=permissions.can_take_transition,
    write_log=_registration_log,
    error=RegistrationError,
    recipients=_registration_recipients,
    mail_folder="policy/email",
    refusals={
        BY_MANAGER: _("Only an event manager can do this."),
        BY_REGISTRANT: _("Only the person who registered can do this."),
        BY_SYSTEM: _("Only the portal itself takes this step."),
    },
    on_apply=_registration_dates,
    wrong_state=_registration_wrong_state,
    attachments=_calendar_attachment,
    unknown=_("This is not a step a registration can take."),
)


# --- The event workflow ------------------------------------------------------------------

# fmt: off
EVENT_TRANSITIONS: dict[str, Transition] = {
    "publish": Transition(
        source=ES.DRAFT, target=ES.PUBLISHED, by=BY_MANAGER,
        log="published", label=_("Publish"),
        not_allowed=_("only a draft can be published."),
    ),
    "cancel": Transition(
        source=ES.PUBLISHED, target=ES.CANCELLED, by=BY_MANAGER,
        log="cancelled", label=_("Cancel the event"),
        not_allowed=_("only a published event can be cancelled."),
        mail="event_cancelled", notify="registrants",
    ),
}
# fmt: on


def _event_log(event, transition, by, old: str, reason: str):
    return EventLogEntry.objects.create(
        event=event,
        user=by if getattr(by, "is_authenticated", False) else None,
        action=transition.log,
        from_status=old,
        to_status=event.status,
        note=reason,
        changes={"status": [old, event.status], **({"reason": reason} if reason else {})},
    )


def _event_dates(event, transition, reason: str, now) -> list[str]:
    if transition.target == ES.PUBLISHED:
        event.published_at = event.published_at or now
    if transition.target == ES.CANCELLED:
        event.cancelled_at = now
    # Calendars that hold the event take the new version (RFC 5545 SEQUENCE).
    event.sequence += 1
    return ["published_at", "cancelled_at", "sequence"]


def _event_recipients(event: Event, transition: Transition) -> list:
    """Everyone who holds or waits for a seat, or waits for approval."""
    registrations = event.registrations.filter(
        status__in=[RS.PENDING, RS.CONFIRMED, RS.WAITING]
    ).select_related("user")
    return [recipient_for(registration) for registration in registrations]


EVENT_WORKFLOW = Workflow(
    model=Event,
    transitions=EVENT_TRANSITIONS,
    may=permissions.can_take_transition,
    write_log=_event_log,
    error=RegistrationError,
    recipients=_event_recipients,
    mail_folder="policy/email",
    refusals={BY_MANAGER: _("Only an event manager can do this.")},
    on_apply=_event_dates,
    unknown=_("This is not a step an event can take."),
)


def transition_event(*, event: Event, action: str, by, reason: str = "", language: str = ""):
    """Publish or cancel an event; cancelling tells every registrant by e-mail."""
    return apply_transition(EVENT_WORKFLOW, event, action, by=by, reason=reason, language=language)


# --- Seats --------------------------------------------------------------------------------


def seats_taken(event: Event) -> int:
    return event.registrations.filter(status__in=Registration.SEATED).count()


def seats_left(event: Event) -> int:
    return max(event.capacity - seats_taken(event), 0)


def _lock_event(event_id: int) -> Event:
    return Event.objects.select_for_update().get(pk=event_id)


def _apply(registration: Registration, action: str, *, by, language: str, event: Event):
    context = {"event": event, "cancel_token": permissions.make_link_token(registration, "cancel")}
    return apply_transition(
        REGISTRATION_WORKFLOW,
        registration,
        action,
        by=by,
        language=language or registration.language,
        context=context,
    )


# --- Registering --------------------------------------------------------------------------


def _check_open(event: Event) -> None:
    if event.status == ES.CANCELLED:
        raise RegistrationError(_("This event has been cancelled, so you cannot register."))
    if event.status != ES.PUBLISHED:
        raise RegistrationError(_("This event is not open for registration."))
    now = timezone.now()
    if event.registration_opens and now < event.registration_opens:
        raise RegistrationError(_("Registration for this event has not opened yet."))
    if not event.registration_is_open(now):
        raise RegistrationError(_("Registration for this event has closed."))


ALREADY_REGISTERED = _(
    "You are already registered for this event. Use the link in your e-mail to see or "
    "cancel your registration."
)


def register_for_event(
    *, event: Event, user=None, values: dict[str, Any], language: str
) -> Registration:
    """Register a logged-in user (their account's address) or a guest (who must confirm
    the address with the link we mail them) for `event`, or raise RegistrationError.

    A logged-in user gets a seat, a place on the waiting list, or (closed events) waits
    for approval at once. A guest holds nothing until the address is confirmed.
    """
    values = dict(values)
    if user is not None and user.is_authenticated:
        values["email"] = user.email
        values["name"] = values.get("name") or user.full_name or user.email
    else:
        user = None
    try:
        # One form per mailbox (common.addresses): the registry finds it by `=`.
        email = values["email"] = clean_address(values["email"])
    except InvalidAddress:
        raise RegistrationError(_("Enter a valid e-mail address.")) from None
    with transaction.atomic():
        locked = _lock_event(event.pk)
        _check_open(locked)
        active = locked.registrations.filter(status__in=Registration.ACTIVE).alias(
            address=Lower("email")
        )
        mine = Q(address=email.lower()) | (Q(user=user) if user else Q(pk__in=[]))
        if active.filter(mine).exists():
            raise RegistrationError(ALREADY_REGISTERED)
        if user is None:
            status = RS.UNCONFIRMED
        elif locked.needs_approval:
            status = RS.PENDING
        elif seats_left(locked) > 0:
            status = RS.CONFIRMED
        else:
            status = RS.WAITING
        now = timezone.now()
        registration = Registration(
            **values,
            event=locked,
            user=user,
            language=language,
            status=status,
            waiting_since=now if status == RS.WAITING else None,
            confirmed_at=now if status == RS.CONFIRMED else None,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:  # the constraint, should a check ever miss one
            raise RegistrationError(ALREADY_REGISTERED) from error
        EventLogEntry.objects.create(
            event=locked,
            registration=registration,
            user=user,
            action=EventLogEntry.Action.REGISTERED,
            to_status=status,
            changes={"status": ["", status]},
        )
        template = {
            RS.UNCONFIRMED: "registration_received",
            RS.PENDING: "registration_pending",
            RS.CONFIRMED: "registration_confirmed",
            RS.WAITING: "registration_waiting",
        }[status]
        mail.send_after_commit(
            template=f"policy/email/{template}.txt",
            recipients=[recipient_for(registration)],
            language=language,
            attachments=(
                [calendar.attachment(locked, language=recipient_for(registration).language)]
                if status == RS.CONFIRMED
                else []
            ),
            context={
                "registration": registration,
                "event": locked,
                "confirm_token": permissions.make_link_token(registration, "confirm"),
                "cancel_token": permissions.make_link_token(registration, "cancel"),
            },
        )
    return registration


def confirm_email(*, registration: Registration, by, language: str = "") -> Registration:
    """The guest's link: a seat, the waiting list, or approval, as the event allows now."""
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        _check_open(event)
        registration.refresh_from_db(fields=["status"])
        if registration.status in (RS.CANCELLED, RS.DECLINED):
            # Cancelled (or declined) before the link was used: the link revives nothing.
            raise RegistrationError(
                _(
                    "This registration is %(status)s. Register again on the event page if "
                    "you want to take part."
                )
                % {"status": registration.get_status_display().lower()}
            )
        if registration.status != RS.UNCONFIRMED:
            return registration  # the link opened twice: nothing more to do
        if event.needs_approval:
            action = "confirm_email_for_approval"
        elif seats_left(event) > 0:
            action = "confirm_email"
        else:
            action = "confirm_email_to_waiting_list"
        return _apply(registration, action, by=by, language=language, event=event)


def cancel_registration(*, registration: Registration, by, language: str = "") -> Registration:
    """The registrant cancels; a seat freed goes to the first in line, who is told."""
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        registration.refresh_from_db(fields=["status"])
        if registration.status not in CANCELLABLE:
            raise RegistrationError(
                _("This registration is %(status)s and cannot be cancelled.")
                % {"status": registration.get_status_display().lower()}
            )
        if event.has_ended:
            raise RegistrationError(_("The event is over; there is nothing to cancel."))
        _apply(registration, "cancel", by=by, language=language, event=event)
        fill_free_seats(event=event)
    return registration


def fill_free_seats(*, event: Event) -> list[Registration]:
    """Give free seats to the waiting list, first in line first. The caller holds the
    event's lock (or this takes it)."""
    promoted = []
    with transaction.atomic():
        event = _lock_event(event.pk)
        if event.status != ES.PUBLISHED or event.has_ended:
            return promoted
        free = seats_left(event)
        waiting = event.registrations.filter(status=RS.WAITING).select_related("user")
        for registration in waiting.order_by("waiting_since", "pk")[:free]:
            promoted.append(
                _apply(registration, "promote", by=permissions.SYSTEM, language="", event=event)
            )
    return promoted


def change_registration(*, registration: Registration, by, values: dict[str, Any]) -> Registration:
    """The registrant changes what they told the organisers. Logged with the names of the
    fields changed, not their values (the log outlives the anonymisation)."""
    with transaction.atomic():
        locked = (
            Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        )
        if not permissions.is_registrant(by, locked):
            raise RegistrationError(_("Only the person who registered can do this."))
        if locked.status not in Registration.ACTIVE or locked.event.has_ended:
            raise RegistrationError(
                _("This registration is %(status)s and cannot be changed.")
                % {"status": locked.get_status_display().lower()}
            )
        changed = [
            name
            for name in Registration.CHANGEABLE
            if name in values and getattr(locked, name) != values[name]
        ]
        for name in changed:
            setattr(locked, name, values[name])
        if changed:
            locked.save(update_fields=[*changed, "updated_at"])
            EventLogEntry.objects.create(
                event_id=locked.event_id,
                registration=locked,
                user=by if getattr(by, "is_authenticated", False) else None,
                action="changed",
                changes={"fields": changed},
            )
    for name in changed:
        setattr(registration, name, getattr(locked, name))
    return registration


def decide_registration(
    *, registration: Registration, action: str, by, language: str = ""
) -> Registration:
    """An event manager's step: approve, decline, mark attended or undo it. Approval
    beyond the seats puts the person on the waiting list (and tells them so)."""
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        registration.refresh_from_db(fields=["status"])
        if action == "approve" and seats_left(event) == 0:
            action = "approve_to_waiting_list"
        if action == "decline" and registration.status == RS.WAITING:
            action = "decline_waiting"
        _apply(registration, action, by=by, language=language, event=event)
    return registration


def allowed_actions(*, registration: Registration, user) -> list[str]:
    return REGISTRATION_WORKFLOW.allowed(registration, user)


# --- Personal data ------------------------------------------------------------------------


def _months_before(moment: datetime, months: int) -> datetime:
    year, month = divmod(moment.month - 1 - months, 12)
    target_year, target_month = moment.year + year, month + 1
    day = min(moment.day, 28)
    return moment.replace(year=target_year, month=target_month, day=day)


def anonymise_registrations(*, now: datetime | None = None) -> int:
    """Erase the personal data of registrations for events that ended more than
    settings.POLICY_ANONYMISE_AFTER_MONTHS ago (GDPR art. 5(1)(e): kept no longer than
    needed). The rows stay, so the counts stay: how many registered, attended, and were
    decision makers at which level. Returns how many registrations were anonymised."""
    now = now or timezone.now()
    cutoff = _months_before(now, settings.POLICY_ANONYMISE_AFTER_MONTHS)
    rows = Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True)
    return anonymise(rows, now=now)


def anonymise(rows, *, now: datetime) -> int:
    """Blank the personal data of `rows` (name, address, organisation, needs, account),
    keeping the rows, their status and decision-maker level for the counts."""
    return rows.update(
        user=None,
        name="",
        email=Concat(
            Value("anonymised-"),
            Cast(F("pk"), output_field=TextField()),
            Value("@invalid"),
            output_field=TextField(),
        ),
        organisation="",
        role_title="",
        dietary_needs="",
        accessibility_needs="",
        anonymised_at=now,
    )


# --- Decision makers: what the admin counts ------------------------------------------------

COUNTED = (RS.PENDING, RS.CONFIRMED, RS.WAITING, RS.ATTENDED, RS.CANCELLED, RS.DECLINED)


def decision_maker_counts(events) -> dict:
    """Decision makers registered (every registration with a confirmed address) and
    attending, by level of government: per event and per year of the event's start. One
    query; anonymised registrations count too."""
    rows = (
        Registration.objects.filter(event__in=events, is_decision_maker=True, status__in=COUNTED)
        .values("event_id", "event__start__year", "decision_level")
        .annotate(
            registered=Count("pk"),
            attended=Count("pk", filter=Q(status=RS.ATTENDED)),
        )
        .order_by()
    )
    per_event: dict[int, dict[str, list[int]]] = {}
    per_year: dict[int, dict[str, list[int]]] = {}
    for row in rows:
        for table, key in ((per_event, row["event_id"]), (per_year, row["event__start__year"])):
            levels = table.setdefault(key, {level: [0, 0] for level in GovernmentLevel.values})
            levels[row["decision_level"]][0] += row["registered"]
            levels[row["decision_level"]][1] += row["attended"]
    return {"per_event": per_event, "per_year": per_year}
