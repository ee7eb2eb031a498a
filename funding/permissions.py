"""Who may do what with funding opportunities and alerts: the one place the funding app
decides.

- Calls are run in the admin by the editors group (the staff who already curate the
  knowledge library, whose financing models the calls link to) and superusers.
- A published or closed call is public; a draft is seen by editors only, and answers 404
  to everyone else, so nothing tells that it exists.
- An alert belongs to the member who made it, for one of their organisations; anyone else
  asking for it gets 404. The signed link in the digest unsubscribes without logging in:
  it names the alert and its owner, so it cannot be turned into a link for another.
"""

from __future__ import annotations

from django.core import signing
from django.http import Http404

from ecosystem import staff
from ecosystem.models import Actor
from funding.models import FundingAlert, FundingOpportunity

UNSUBSCRIBE_SALT = "funding.alert.unsubscribe"


def is_funding_editor(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or staff.in_group(user, staff.EDITORS))
    )


def can_manage_in_admin(user) -> bool:
    """The admin's funding pages are for superusers and editors only, whatever single model
    permissions a staff account may have been given by hand."""
    return user.is_active and user.is_staff and is_funding_editor(user)


def get_opportunity_for_view(user, slug: str) -> FundingOpportunity:
    rows = FundingOpportunity.objects.select_related("funder")
    if not is_funding_editor(user):
        rows = rows.public()
    opportunity = rows.filter(slug=slug).first()
    if opportunity is None:
        raise Http404
    return opportunity


def alert_actors(user):
    """The organisations `user` may subscribe alerts for: those they are a member of and
    that are not archived."""
    if not getattr(user, "is_authenticated", False):
        return Actor.objects.none()
    return (
        Actor.objects.filter(memberships__user=user)
        .exclude(status=Actor.Status.ARCHIVED)
        .order_by("name", "pk")
    )


def get_own_alert(user, pk: int) -> FundingAlert:
    alert = FundingAlert.objects.filter(pk=pk, user_id=getattr(user, "pk", None)).first()
    if alert is None:
        raise Http404
    return alert


def make_unsubscribe_token(alert: FundingAlert) -> str:
    return signing.dumps({"a": alert.pk, "u": alert.user_id}, salt=UNSUBSCRIBE_SALT)


def get_alert_for_token(token: str) -> FundingAlert | None:
    """The alert a signed link is for; None for a tampered link, one for an alert that is
    gone already, or one whose owner does not match."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return (
        FundingAlert.objects.select_related("actor")
        .filter(pk=data.get("a"), user_id=data.get("u"))
        .first()
    )


# The admin's model permissions of each staff group (synced after migrate: common.roles).
GROUP_PERMISSIONS = {
    staff.EDITORS: [
        *[
            f"{verb}_{model}"
            for model in ("fundingopportunity", "deadline")
            for verb in ("view", "add", "change", "delete")
        ],
        "view_fundingalert",
    ],
}
