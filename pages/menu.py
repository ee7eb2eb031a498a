"""Where the trust pages sit: in the header's main menu, under "About", or in the footer.

Staff choose a page's place (`Page.menu`) and order (`position`) in the admin. Every page
of the portal shows the menus, so the placement is kept in each process instead of asked
of the database on every page: a save in this process forgets it at once, another process
within `SECONDS`. A change of placement also renews every generation, so no cached page
keeps the old menus (pages rendered by another process in those seconds may, until their
data next changes; that is the price of no query per page).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import DatabaseError
from django.urls import reverse

from pages.models import Page

SECONDS = 30


@dataclass(frozen=True)
class Placement:
    key: str
    menu: str
    position: int


_memo: tuple[float, list[Placement]] | None = None


def placements() -> list[Placement]:
    """Every page's place, in menu order: from this process's memory while it is fresh."""
    global _memo
    now = time.monotonic()
    if _memo is None or _memo[0] < now:
        try:
            rows = Page.objects.order_by("position", "key").values_list("key", "menu", "position")
            _memo = (now + SECONDS, [Placement(*row) for row in rows])
        except DatabaseError:
            return defaults()  # the error pages still have their menus
    return _memo[1]


def defaults() -> list[Placement]:
    """The places the pages are created with (pages.content)."""
    from pages.content import PAGES

    found = [Placement(key, fields["menu"], fields["position"]) for key, fields in PAGES.items()]
    return sorted(found, key=lambda p: (p.position, p.key))


def forget(**_signal) -> None:
    global _memo
    _memo = None


def remember(placements: list[Placement], seconds: float = SECONDS) -> None:
    """Set the placements without asking the database (tests start from the defaults)."""
    global _memo
    _memo = (time.monotonic() + seconds, list(placements))


def links(menu: str) -> list[tuple[str, str, str]]:
    """(address, label, key) of the pages placed in `menu`, in the active language."""
    labels = dict(Page.Key.choices)
    return [
        (reverse(p.key), str(labels.get(p.key, p.key)), p.key)
        for p in placements()
        if p.menu == menu and p.key in labels
    ]


def _note_old_place(sender, instance: Page, **kwargs) -> None:
    old = Page.objects.filter(pk=instance.pk).values_list("menu", "position").first()
    instance._place_changed = old != (instance.menu, instance.position)


def _after_save(sender, instance: Page, **kwargs) -> None:
    forget()
    if getattr(instance, "_place_changed", True):
        from common.generations import renew_all

        renew_all()


def watch_changes() -> None:
    from django.db.models.signals import post_delete, post_save, pre_save

    pre_save.connect(_note_old_place, sender=Page, dispatch_uid="pages-menu-old-place")
    post_save.connect(_after_save, sender=Page, dispatch_uid="pages-menu-saved")
    post_delete.connect(_after_save, sender=Page, dispatch_uid="pages-menu-deleted")
