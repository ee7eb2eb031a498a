"""The staff roles. Each is a Django group; a data migration creates them.

An admin page asks who the person is many times over (its menu, its forms, each
workflow step, the list of what waits): the names of the person's groups are read once
and kept on the request's user object, as Django keeps its permissions (`_perm_cache`).
A change of the person's groups forgets them (`forget_groups`, connected in
`EcosystemConfig.ready()`).
"""

from __future__ import annotations

MODERATORS = "moderators"
EDITORS = "editors"
VALIDATORS = "validators"
EVENT_MANAGERS = "event managers"

STAFF_GROUPS = [MODERATORS, EDITORS, VALIDATORS, EVENT_MANAGERS]

_CACHE = "_staff_group_names"


def group_names(user) -> frozenset[str]:
    """The names of every group `user` is in: one query per user object."""
    names = getattr(user, _CACHE, None)
    if names is None:
        names = frozenset()
        if getattr(user, "is_authenticated", False) and user.pk is not None:
            names = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _CACHE, names)
    return names


def in_group(user, *names: str) -> bool:
    """Whether `user` is in at least one of the groups `names`."""
    return not group_names(user).isdisjoint(names)


def forget_groups(instance=None, action: str = "", reverse: bool = False, **_signal) -> None:
    """After `user.groups.add/remove/clear/set`, the next question reads them again."""
    if action.startswith("post_") and not reverse and instance is not None:
        instance.__dict__.pop(_CACHE, None)
