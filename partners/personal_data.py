"""The partner programme's share of a person's data (common.personal_data): the
applications they made and the steps they took. The applications belong to the
organisation and stay when the account goes; the links to the person are cleared by the
foreign keys (SET_NULL)."""

from __future__ import annotations

from common.personal_data import AccountSection, Part
from partners.models import PartnerApplication, PartnerLogEntry


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> dict:
    applications = PartnerApplication.objects.filter(applicant=user).select_related("actor")
    steps = PartnerLogEntry.objects.filter(user=user).select_related("application__actor")
    return {
        "applications": [
            {
                "organisation": application.actor.name,
                "tier": application.tier,
                "status": application.status,
                "created": _when(application.created_at),
            }
            for application in applications.order_by("created_at", "pk")
        ],
        "steps": [
            {
                "organisation": entry.application.actor.name,
                "action": entry.action,
                "note": entry.note,
                "when": _when(entry.created_at),
            }
            for entry in steps.order_by("created_at", "pk")
        ],
    }


PART = Part(name="partners", export=export)


def _my_applications(user) -> dict | None:
    applications = list(
        PartnerApplication.objects.of_user(user)
        .select_related("actor")
        .order_by("-created_at", "-pk")[:10]
    )
    if not applications:
        return None
    return {"items": applications}


MY_APPLICATIONS = AccountSection(
    name="partners",
    template="partners/includes/account_applications.html",
    context=_my_applications,
    position=40,
)
