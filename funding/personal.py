"""The funding alerts' share of a person's data (common.personal_data)."""

from common.personal_data import Part
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
