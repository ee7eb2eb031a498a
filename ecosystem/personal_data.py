"""The ecosystem's share of a person's data (common.personal_data): the account, its
e-mail addresses, memberships, join requests, invitations sent and log entries made.

Deleting an account keeps everything an organisation owns: the actor, its other members,
its log (with the person's name taken out). The last owner of an organisation hands it
over first, or archives it (config/personal_data.py offers both on the deletion page), so no
organisation is left that nobody can edit."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from common.personal_data import AccountSection, Part, verified_addresses
from ecosystem.models import Actor, ActorLogEntry, Invitation, JoinRequest, Membership, User

ERASED = "(deleted account)"


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_account(user: User) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "language": user.language,
        "last_language": user.last_language,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "is_staff": user.is_staff,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
    }


def export_organisations(user: User) -> dict:
    return {
        "memberships": [
            {
                "organisation": m.actor.name,
                "role": m.role,
                "since": _when(m.created_at),
            }
            for m in user.memberships.select_related("actor").order_by("actor__name")
        ],
        "join_requests": [
            {
                "organisation": r.actor.name,
                "message": r.message,
                "status": r.status,
                "sent": _when(r.created_at),
            }
            for r in user.join_requests.select_related("actor").order_by("created_at")
        ],
        "invitations_sent": [
            {
                "organisation": i.actor.name,
                "email": i.email,
                "role": i.role,
                "sent": _when(i.created_at),
                "accepted": _when(i.accepted_at),
            }
            for i in Invitation.objects.filter(invited_by=user)
            .select_related("actor")
            .order_by("created_at")
        ],
        "log_entries": [
            {
                "organisation": e.actor.name,
                "action": e.action,
                "changes": e.changes,
                "note": e.note,
                "when": _when(e.created_at),
            }
            for e in ActorLogEntry.objects.filter(user=user)
            .select_related("actor")
            .order_by("created_at")
        ],
    }


def sole_ownerships(user: User) -> list[Membership]:
    """The organisations where `user` is the only owner (an archived one needs none: it is
    off the portal, and moderators restore it)."""
    return list(
        user.memberships.filter(role=Membership.Role.OWNER)
        .exclude(actor__status=Actor.Status.ARCHIVED)
        .annotate(owners=Count("actor__memberships", filter=Q(actor__memberships__role="owner")))
        .filter(owners=1)
        .select_related("actor")
    )


def successors(membership: Membership) -> list[Membership]:
    """The other members of a sole owner's organisation, who could take it over."""
    return list(
        membership.actor.memberships.exclude(user_id=membership.user_id)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def blockers(user: User) -> list[str]:
    return [
        _(
            "You are the only owner of %(name)s. Make another member an owner on its "
            "members page first, or invite a colleague and make them owner, so the "
            "organisation is not left without anyone who can edit it."
        )
        % {"name": membership.actor.name}
        for membership in sole_ownerships(user)
    ]


def erase(user: User) -> None:
    """Take the person's name and address out of the actors' logs; the entries stay, so
    the organisation's history is complete. Memberships, join requests and e-mail
    addresses go with the account (their foreign keys cascade); invitations they sent
    stay with the organisation, without the sender."""
    addresses = verified_addresses(user)
    for entry in ActorLogEntry.objects.filter(
        Q(user=user) | Q(changes__member__in=addresses) | Q(changes__email__in=addresses)
    ):
        changes = dict(entry.changes)
        for key in ("member", "email"):
            if isinstance(changes.get(key), str) and changes[key].lower() in addresses:
                changes[key] = ERASED
        entry.changes = changes
        entry.user = None
        entry.save(update_fields=["changes", "user"])
    JoinRequest.objects.filter(decided_by=user).update(decided_by=None)
    Invitation.objects.filter(invited_by=user).update(invited_by=None)


ACCOUNT_PART = Part(name="account", export=export_account)
ORGANISATIONS_PART = Part(
    name="organisations", export=export_organisations, erase=erase, blockers=blockers
)


def _my_organisations(user: User) -> dict | None:
    memberships = list(user.memberships.select_related("actor").order_by("actor__name"))
    return {"memberships": memberships}


MY_ORGANISATIONS = AccountSection(
    name="organisations",
    template="ecosystem/includes/account_organisations.html",
    context=_my_organisations,
    position=10,
)
