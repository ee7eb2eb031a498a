"""What waits for staff: the counts on the admin's front page.

Each app knows its own queues (actors waiting for moderation, applications waiting for
validation, registrations waiting for approval, new contact messages), so each app
registers a `Waiting` from its AppConfig.ready(). The admin's index template shows every
entry the person may see, with its count and a link to the filtered change list. This
module imports no app; the count is one query per entry, whatever the data size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode


@dataclass(frozen=True)
class Waiting:
    """One queue. `count(user)` is a single COUNT query of what `user` sees there;
    `admin_url_name` (with `query`, the change list's filter) is where staff work through
    it; `visible(user)` says who sees it, the same rule as the admin page it links to."""

    label: Any
    count: Callable[[Any], int]
    admin_url_name: str
    # The change list's filter; a function where it changes by the day.
    query: dict[str, str] | Callable[[], dict[str, str]] = field(default_factory=dict)
    visible: Callable[[Any], bool] = lambda user: user.is_superuser
    position: int = 100
    # links(user) -> [(label, url), ...]: the items themselves, where staff go straight to
    # one (today's events, to check people in at the door); one query, a bounded list.
    links: Callable[[Any], list[tuple[Any, str]]] | None = None

    def url(self) -> str:
        try:
            url = reverse(self.admin_url_name)
        except NoReverseMatch:
            return ""
        query = self.query() if callable(self.query) else self.query
        return f"{url}?{urlencode(query)}" if query else url


_ENTRIES: dict[str, Waiting] = {}


def register(key: str, waiting: Waiting) -> None:
    """Add an app's queue; the same key again replaces it (ready() may run twice)."""
    _ENTRIES[key] = waiting


def entries() -> list[Waiting]:
    return sorted(_ENTRIES.values(), key=lambda entry: entry.position)


@dataclass(frozen=True)
class Count:
    label: Any
    count: int
    url: str
    links: list[tuple[Any, str]] = field(default_factory=list)


def counts_for(user) -> list[Count]:
    """The queues `user` may work on, each with its count: one query per queue shown
    (two where the queue lists its items)."""
    return [
        Count(
            label=entry.label,
            count=entry.count(user),
            url=entry.url(),
            links=entry.links(user) if entry.links else [],
        )
        for entry in entries()
        if user.is_active and user.is_staff and entry.visible(user)
    ]
