"""Who may see partner suggestions: the one place the matching app decides access.

Suggestions show only public data (published actors, public cases, the names of shared
themes), so they are as public as what they are for:

- an actor's suggestions: whoever may see the actor (ecosystem.permissions.can_view):
  anyone for a published actor; its members and the moderators for a draft, a pending
  or an archived one. Anyone else gets a 404, as for the actor page itself;
- a case's suggestions: anyone, for a public case that seeks partners; a 404 otherwise
  (a case that is not public does not exist for the public, and one that seeks no
  partners has nothing to match);
- the "find a Danish partner" search: anyone.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ecosystem import permissions as ecosystem_permissions
from ecosystem.models import Actor
from validation.models import CaseApplication


def can_see_actor_suggestions(user, actor: Actor) -> bool:
    return ecosystem_permissions.can_view(user, actor)


def can_see_case_suggestions(user, case: CaseApplication) -> bool:
    return case.is_public and case.seeks_partners


def get_actor_for_suggestions(user, slug: str) -> Actor:
    actor = get_object_or_404(Actor, slug=slug)
    if not can_see_actor_suggestions(user, actor):
        raise Http404
    return actor


def get_case_for_suggestions(user, slug: str) -> CaseApplication:
    case = get_object_or_404(CaseApplication.objects.public().select_related("actor"), slug=slug)
    if not can_see_case_suggestions(user, case):
        raise Http404
    return case
