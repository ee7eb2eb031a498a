"""Workflows: a table of transitions per app, and one function that applies them.

An app declares a `Workflow`: its model, its table of `Transition`s (read top to bottom:
from which state, to which, who may, what is logged, the button's label, which mail), the
permission function that decides who may take a step (the app's permissions module), and
how it writes its log row and whom it mails. `apply_transition()` does the rest, the same
way for every app:

1. looks the step up (an unknown step is refused);
2. locks the row (SELECT ... FOR UPDATE), so two people acting at once (two moderators,
   a double-clicked button) cannot both take a step from the same state;
3. checks the role on the locked row, then the state;
4. sets the new state and whatever the app's `on_apply` adds, saves, writes the app's log
   row (the history people read);
5. queues the mail, which is sent only once the transaction commits.
It raises the workflow's `error` (a `DomainError`) with a message fit to show; it never
touches HTTP. The defaults cover what most apps need: the log row (`log_model`) and the
message for a row in another state; an app passes its own only where it says more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import mail


class DomainError(Exception):
    """A rule of the domain was broken; `message` is translatable and safe to show. Every
    app's errors derive from it, so a view turns any of them into a message the same way."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


class TransitionError(DomainError):
    """The workflow does not allow this step, or not for this user (a workflow without an
    `error` of its own raises this)."""


@dataclass(frozen=True)
class Transition:
    source: str | tuple[str, ...]  # one state, or every state the step may start from
    target: str
    by: str  # a role the workflow's `may` understands, e.g. "member", "moderator"
    log: str  # the action written to the app's log
    label: Any  # the button's label
    not_allowed: Any  # why the step is refused when the row is in another state
    mail: str = ""  # the mail's template name, under the workflow's mail folder
    notify: str = ""  # whom the mail goes to; the workflow's `recipients` decides
    needs_reason: bool = False
    silent_from: tuple[str, ...] = ()  # states from which the step sends no mail

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source,) if isinstance(self.source, str) else tuple(self.source)


@dataclass(frozen=True)
class Workflow:
    model: type[models.Model]
    transitions: dict[str, Transition]
    # may(user, row, role) -> bool: the app's permission rule for a role.
    may: Callable[[Any, Any, str], bool]
    # recipients(row, transition) -> [Recipient | address]
    recipients: Callable[[Any, Transition], list]
    mail_folder: str  # e.g. "ecosystem/email"
    # The app's history table (a common.logs.LogEntry); the default `write_log` writes one
    # row of it per step: who, from, to, the action, the reason as its note.
    log_model: type[models.Model] | None = None
    # write_log(row, transition, user, old_state, reason): a history row of another shape.
    write_log: Callable[..., Any] | None = None
    # The app's DomainError subclass that a refused step raises.
    error: type[DomainError] = TransitionError
    # Why a role may not take a step: role → message.
    refusals: dict[str, Any] = field(default_factory=dict)
    # on_apply(row, transition, reason, now) -> more fields it changed (dates, reasons).
    on_apply: Callable[..., list[str]] | None = None
    # wrong_state(row, transition) -> message, when the row is in another state; by
    # default the transition's `not_allowed` (`names_the_state` says the state too).
    wrong_state: Callable[[Any, Transition], Any] | None = None
    # attachments(row, transition) -> [(filename, content, mimetype)] for the mail.
    attachments: Callable[[Any, Transition], list] | None = None
    state_field: str = "status"
    unknown: Any = _("This step is not possible.")
    reason_needed: Any = _("Give a reason.")

    def allowed(self, row: Any, user: Any) -> list[str]:
        """The steps this user may take on this row now (for buttons and the admin)."""
        state = getattr(row, self.state_field)
        return [
            action
            for action, transition in self.transitions.items()
            if state in transition.sources and self.may(user, row, transition.by)
        ]

    def step_from(self, state: str, *steps: str) -> str:
        """Which of `steps` starts from `state` (the first one, when none does)."""
        return next((s for s in steps if state in self.transitions[s].sources), steps[0])

    def log(self, row: Any, transition: Transition, by: Any, old_state: str, reason: str) -> Any:
        if self.write_log is not None:
            return self.write_log(row, transition, by, old_state, reason)
        new_state = getattr(row, self.state_field)
        return self.log_model._default_manager.create(
            **{self.log_model.SUBJECT: row},
            user=by if getattr(by, "is_authenticated", False) else None,
            action=transition.log,
            from_status=old_state,
            to_status=new_state,
            changes={self.state_field: [old_state, new_state]},
            note=reason,
        )

    def wrong_state_message(self, row: Any, transition: Transition) -> Any:
        if self.wrong_state is not None:
            return self.wrong_state(row, transition)
        return transition.not_allowed


def names_the_state(row: Any, transition: Transition) -> Any:
    """A ready `wrong_state`: "“row” is its state: why the step is refused"."""
    return _("“%(title)s” is %(status)s: %(problem)s") % {
        "title": str(row),
        "status": row.get_status_display().lower(),
        "problem": transition.not_allowed,
    }


def apply_transition(
    workflow: Workflow,
    row: Any,
    action: str,
    *,
    by: Any,
    reason: str = "",
    language: str = "",
    context: dict[str, Any] | None = None,
) -> Any:
    """Take one step of `workflow` on `row`, or raise the workflow's `error`.

    Returns the locked, saved row; `row` itself is updated in place too. `language` is
    that of the request that caused the step: the mail's language for recipients who
    have none of their own.
    """
    error = workflow.error
    transition = workflow.transitions.get(action)
    if transition is None:
        raise error(workflow.unknown)
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise error(workflow.reason_needed)
    state_field = workflow.state_field

    with transaction.atomic():
        # The race this lock prevents: two requests both read the old state and both
        # apply a step from it (approve and reject together, or twice the same mail).
        locked = workflow.model._default_manager.select_for_update().get(pk=row.pk)
        if not workflow.may(by, locked, transition.by):
            raise error(workflow.refusals.get(transition.by, _("You may not take this step.")))
        old_state = getattr(locked, state_field)
        if old_state not in transition.sources:
            raise error(workflow.wrong_state_message(locked, transition))
        setattr(locked, state_field, transition.target)
        changed = [state_field]
        if workflow.on_apply is not None:
            changed += workflow.on_apply(locked, transition, reason, timezone.now())
        if any(f.name == "updated_at" for f in workflow.model._meta.concrete_fields):
            changed.append("updated_at")
        locked.save(update_fields=list(dict.fromkeys(changed)))
        workflow.log(locked, transition, by, old_state, reason)
        if transition.mail and old_state not in transition.silent_from:
            mail.send_after_commit(
                template=f"{workflow.mail_folder}/{transition.mail}.txt",
                recipients=workflow.recipients(locked, transition),
                language=language,
                attachments=(
                    workflow.attachments(locked, transition) if workflow.attachments else ()
                ),
                context={
                    **(context or {}),
                    workflow.model._meta.model_name: locked,
                    "by": by,
                    "reason": reason,
                    "transition": transition,
                },
            )
        for name in dict.fromkeys(changed):
            setattr(row, name, getattr(locked, name))
    return locked
