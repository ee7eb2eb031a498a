"""Who may do what with a case application: the one place the validation app decides access.

Applications belong to an actor: any member of it may see and work on them, nobody else
outside the validators. Views fetch applications through the `get_*` helpers, which answer
404 (never 403) to anyone who may not see the application, so nothing leaks about another
organisation's applications, in any state.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ecosystem import staff
from ecosystem.models import Actor, Membership
from validation.models import EDITABLE_STATES, CaseApplication

# Who may take a step of the case workflow (see validation.services.TRANSITIONS).
BY_MEMBER = "member"
BY_VALIDATOR = "validator"


def is_validator(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or staff.in_group(user, staff.VALIDATORS))
    )


def can_validate_in_admin(user) -> bool:
    """The admin's case pages are for superusers and the validators group only, whatever
    single model permissions a staff account may have been given by hand."""
    return user.is_active and user.is_staff and is_validator(user)


def is_member(user, case: CaseApplication) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, actor_id=case.actor_id).exists()


def can_edit(user, case: CaseApplication) -> bool:
    """Members edit a draft, and again once changes are requested; never while it waits
    for or after a decision."""
    return case.status in EDITABLE_STATES and is_member(user, case)


def may(user, case: CaseApplication, role: str) -> bool:
    """A workflow step is taken by the lead organisation's members or by a validator."""
    if role == BY_VALIDATOR:
        return is_validator(user)
    if role == BY_MEMBER:
        return is_member(user, case)
    return False


def applicant_actors(user):
    """The actors this user may apply for: every actor they are a member of."""
    if not user.is_authenticated:
        return Actor.objects.none()
    return Actor.objects.filter(memberships__user=user).order_by("name")


def can_express_interest(user, case: CaseApplication) -> bool:
    """A logged-in member of another organisation, on a public case that seeks partners."""
    return (
        user.is_authenticated
        and case.is_public
        and case.seeks_partners
        and applicant_actors(user).exclude(pk=case.actor_id).exists()
    )


def get_case_for_member(user, pk: int) -> CaseApplication:
    """The application if this user is a member of its actor; otherwise 404."""
    case = get_object_or_404(CaseApplication.objects.select_related("actor"), pk=pk)
    if not is_member(user, case):
        raise Http404
    return case


def get_public_case(slug: str) -> CaseApplication:
    return get_object_or_404(CaseApplication.objects.public().select_related("actor"), slug=slug)


# The admin's model permissions of each staff group (synced after migrate: common.roles).
GROUP_PERMISSIONS = {
    staff.VALIDATORS: [
        "view_caseapplication", "change_caseapplication",
        "view_caselogentry",
        "view_casereview", "add_casereview", "change_casereview",
        "view_interestmessage",
    ],
}  # fmt: skip
