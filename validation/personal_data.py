"""Validation's share of a person's data (common.personal_data): the case applications
they started or are the contact of, the steps they took in them, and the expressions of
interest they sent.

An application belongs to its organisation, so deleting an account keeps it: the
person's name goes from its history (the log keeps the step, not who took it), and the
organisation's members carry the application on."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from common.personal_data import AccountSection, Part, of_account
from validation.models import CaseApplication, CaseLogEntry, InterestMessage

# The account page lists this many; "My applications" has them all.
SHOWN = 10


def _when(value) -> str | None:
    return value.isoformat() if value else None


def applications_of(user) -> QuerySet[CaseApplication]:
    return of_account(
        CaseApplication.objects.all(),
        user,
        linked=Q(created_by=user),
        address_field="contact_email",
    )


def export(user) -> dict:
    return {
        "applications": [
            {
                "title": case.title,
                "organisation": case.actor.name,
                "status": case.status,
                "started_by_you": case.created_by_id == user.pk,
                "contact_name": case.contact_name,
                "contact_email": case.contact_email,
                "created": _when(case.created_at),
                "submitted": _when(case.submitted_at),
            }
            for case in applications_of(user).select_related("actor").order_by("created_at", "pk")
        ],
        "steps_taken": [
            {
                "application": entry.case.title,
                "action": entry.action,
                "from": entry.from_status,
                "to": entry.to_status,
                "note": entry.note,
                "when": _when(entry.created_at),
            }
            for entry in CaseLogEntry.objects.filter(user=user)
            .select_related("case")
            .order_by("created_at", "pk")
        ],
        "expressions_of_interest": [
            {
                "case": message.case.title,
                "organisation": message.sender_actor.name,
                "message": message.message,
                "sent": _when(message.created_at),
                "answer": message.answer,
                "answered": _when(message.answered_at),
            }
            for message in InterestMessage.objects.filter(sender=user)
            .select_related("case", "sender_actor")
            .order_by("created_at", "pk")
        ],
    }


def erase(user) -> None:
    """The applications stay with their organisations; the person's name leaves their
    history (the steps stay, without who took them). Expressions of interest the person
    sent go with the account (their foreign key cascades)."""
    CaseLogEntry.objects.filter(user=user).update(user=None)
    CaseApplication.objects.filter(created_by=user).update(created_by=None)


PART = Part(name="case_applications", export=export, erase=erase)


def _my_applications(user) -> dict | None:
    cases = list(
        CaseApplication.objects.of_user(user)
        .select_related("actor")
        .order_by("-updated_at", "-pk")
        .only("pk", "title", "status", "updated_at", "actor__name")[: SHOWN + 1]
    )
    if not cases and not user.memberships.exists():
        return None  # not a member of an organisation: nothing to apply with
    return {"items": cases[:SHOWN], "more": len(cases) > SHOWN}


MY_APPLICATIONS = AccountSection(
    name="case_applications",
    template="validation/includes/account_applications.html",
    context=_my_applications,
    position=20,
)
