"""Generations: one stamp in the cache per body of data, renewed by every change to it.

Anything cached from that data (facet counts, whole public pages) stores the generation it
was computed under and is used only while the stamp is unchanged, so there is no list of
keys to purge and nothing is served stale after a change. The stamp is renewed at once and
again when the transaction commits: a request that read the data while the change was not
yet visible stored its result under the first renewal, which the second makes old.

Bulk inserts and updates send no signals; code that makes them calls `renew()` itself.

A model with drafts is watched with `public=`, the name of its queryset method that
returns what public pages show: a save renews only when the row was public before it or is
public after it, so a draft's edit leaves every cached page as it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

_PREFIX = "generation:"
# Every generation by name, filled as the apps make theirs.
_ALL: dict[str, Generation] = {}


class Generation:
    """The generation of one named body of data, e.g. "ecosystem"."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.key = _PREFIX + name
        _ALL[name] = self

    def __repr__(self) -> str:
        return f"Generation({self.name!r})"

    def current(self) -> str:
        return current_many([self])[self.name]

    def renew(self, **_signal) -> None:
        """Make everything cached under this generation old, now and on commit."""
        if str(_signal.get("action", "post_")).startswith("pre_"):
            return  # m2m_changed fires before the change too; its "post_" call follows
        self._set()
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(self._set)

    def _set(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, None)

    def watch(
        self, model: type[models.Model], *, relations: Iterable[str] = (), public: str = ""
    ) -> None:
        """Renew on every save and delete of `model` and every change of its
        many-to-many `relations`; with `public` (a queryset method's name), only for
        rows that public pages show, before or after the change."""
        uid = f"generation-{self.name}-{model._meta.label_lower}"
        renew = self.renew
        if public:
            watcher = _PublicWatcher(self, model, public)
            pre_save.connect(watcher.before, sender=model, weak=False, dispatch_uid=uid + "-pre")
            renew = watcher.renew
        post_save.connect(renew, sender=model, weak=False, dispatch_uid=uid + "-save")
        post_delete.connect(self.renew, sender=model, weak=False, dispatch_uid=uid + "-delete")
        for relation in relations:
            m2m_changed.connect(
                renew,
                sender=getattr(model, relation).through,
                weak=False,
                dispatch_uid=f"{uid}-{relation}",
            )


class _PublicWatcher:
    """Renews a generation for a change of a row that public pages show (or showed)."""

    def __init__(self, generation: Generation, model: type[models.Model], public: str) -> None:
        self.generation = generation
        self.model = model
        self.public = public
        self.flag = f"_was_public_{generation.name}"

    def _is_public(self, pk) -> bool:
        if pk is None:
            return False
        manager = self.model._default_manager
        return getattr(manager.all(), self.public)().filter(pk=pk).exists()

    def before(self, instance, **_signal) -> None:
        setattr(instance, self.flag, self._is_public(instance.pk))

    def renew(self, instance=None, **signal) -> None:
        if signal.get("reverse") or not isinstance(instance, self.model):
            # A change seen from the other side (a theme's resources): renew as usual.
            self.generation.renew(**signal)
            return
        if str(signal.get("action", "post_")).startswith("pre_"):
            return
        was_public = getattr(instance, self.flag, False)
        if was_public or self._is_public(instance.pk):
            self.generation.renew(**signal)


def current_many(generations: Iterable[Generation]) -> dict[str, str]:
    """The current stamps of `generations` by name, created where missing."""
    return read(generations)[0]


def read(
    generations: Iterable[Generation], keys: Iterable[str] = ()
) -> tuple[dict[str, str], dict[str, Any]]:
    """The stamps of `generations` (created where missing) and the cached values found
    under `keys`, in one round trip to the cache: a cache hit costs one query."""
    generations = list(generations)
    found = cache.get_many([g.key for g in generations] + list(keys))
    missing = {g.key: uuid.uuid4().hex for g in generations if not found.get(g.key)}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    stamps = {g.name: found.pop(g.key) for g in generations}
    return stamps, found


def every_generation() -> list[Generation]:
    """Every generation made so far (each app makes its own at import)."""
    return list(_ALL.values())


def renew_all() -> None:
    """Make every cached page and fragment old: for a change that every page shows (where
    the trust pages sit in the menus)."""
    for generation in every_generation():
        generation.renew()
