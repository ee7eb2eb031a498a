"""Operations that change actors, memberships, invitations and join requests.

Every write that users cause goes through here: each runs in one transaction, locks the
row a race could touch, writes an ActorLogEntry (the history moderators read) and sends
its mail only after the transaction commits. Views stay HTTP-only; these functions take
the acting user and plain values and raise a domain error with a message fit to show.
"""

from ecosystem.services.actors import (
    M2M_FIELDS,
    RESERVED_SLUGS,
    find_duplicate,
    register_actor,
    unique_slug,
    update_actor,
)
from ecosystem.services.errors import (
    ActorServiceError,
    ActorTransitionError,
    DuplicateActorError,
    MembershipError,
)
from ecosystem.services.membership import (
    INVITATION_VALID_DAYS,
    INVITATIONS_PER_ADDRESS_PER_DAY,
    INVITATIONS_PER_DAY,
    accept_invitation,
    decide_join_request,
    invitation_problem,
    invite_member,
    leave_as_last_owner,
    log_member_change,
    remove_member,
    request_to_join,
)
from ecosystem.services.workflow import (
    ACTOR_WORKFLOW,
    WORKFLOW,
    allowed_actions,
    group_recipients,
    transition_actor,
)

__all__ = [
    "group_recipients",
    "ACTOR_WORKFLOW",
    "INVITATION_VALID_DAYS",
    "INVITATIONS_PER_ADDRESS_PER_DAY",
    "INVITATIONS_PER_DAY",
    "M2M_FIELDS",
    "RESERVED_SLUGS",
    "WORKFLOW",
    "ActorServiceError",
    "ActorTransitionError",
    "DuplicateActorError",
    "MembershipError",
    "accept_invitation",
    "allowed_actions",
    "decide_join_request",
    "find_duplicate",
    "invitation_problem",
    "invite_member",
    "leave_as_last_owner",
    "log_member_change",
    "register_actor",
    "remove_member",
    "request_to_join",
    "transition_actor",
    "unique_slug",
    "update_actor",
]
