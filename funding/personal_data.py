"""The funding alerts' share of a person's data (common.personal_data)."""

from common.personal_data import AccountSection, Part
from funding.models import FundingAlert


def export(user) -> list[dict]:
    return [
        {
            "organisation": alert.actor.name,
            "language": alert.language,
            "created": alert.created_at.isoformat(),
            "last_digest_sent": alert.last_sent_at.isoformat() if alert.last_sent_at else None,
        }
        for alert in FundingAlert.objects.filter(user=user).select_related("actor")
    ]


def erase(user) -> None:
    FundingAlert.objects.filter(user=user).delete()


PART = Part(name="funding_alerts", export=export, erase=erase)


def _alerts_section(user) -> dict | None:
    """On the account page, for members of an organisation: their funding alerts."""
    if not user.memberships.exists():
        return None
    return {"items": list(FundingAlert.objects.filter(user=user).select_related("actor"))}


ALERTS_SECTION = AccountSection(
    name="funding_alerts",
    template="funding/includes/account_alerts.html",
    context=_alerts_section,
    position=40,
)
