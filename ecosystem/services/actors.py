"""Registering and editing an actor, and finding one registered already."""

from __future__ import annotations

import re
from typing import Any

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from common import mail
from ecosystem import permissions
from ecosystem.models import (
    Actor,
    ActorLogEntry,
    Membership,
    User,
)
from ecosystem.services.errors import ActorServiceError, DuplicateActorError
from ecosystem.services.workflow import transition_actor

Status = Actor.Status
LogAction = ActorLogEntry.Action

# First path segments of ecosystem/urls.py that an actor's slug must never take.
RESERVED_SLUGS = frozenset(
    {"register", "mine", "invitations", "map", "embed", "export", "open-data", "search"}
)

# Fields that are many-to-many relations: set after the row exists, logged as name lists.
M2M_FIELDS = ("themes", "target_groups", "sdgs")


# --- Registering and editing an actor ------------------------------------------------------


def register_actor(*, by: User, values: dict[str, Any], language: str) -> Actor:
    """Create the actor as a draft with `by` as its owner, and send it for review.

    A registration sent twice (a double click, a reload) creates one actor: the database's
    unique constraints decide, and the second attempt raises DuplicateActorError.
    """
    values = dict(values)
    relations = {name: values.pop(name) for name in M2M_FIELDS if name in values}
    logo = values.pop("logo", None)
    for attempt in range(5):
        actor = Actor(**values, status=Status.DRAFT)
        actor.slug = unique_slug(actor.name, offset=attempt)
        if isinstance(logo, File):
            actor.logo = logo
        try:
            with transaction.atomic():
                actor.save()
                for name, items in relations.items():
                    getattr(actor, name).set(items)
                Membership.objects.create(user=by, actor=actor, role=Membership.Role.OWNER)
                ActorLogEntry.objects.create(actor=actor, user=by, action=LogAction.CREATED)
                transition_actor(actor=actor, action="submit", by=by, language=language)
                # A receipt for the person who registered (19.9).
                mail.send_after_commit(
                    template="ecosystem/email/actor_received.txt",
                    recipients=[mail.recipient(by)],
                    language=language,
                    context={"actor": actor, "by": by},
                )
        except IntegrityError as error:
            _delete_uploaded_logo(actor)
            if _constraint_name(error) == "ecosystem_actor_slug_key":
                continue  # another registration took the slug a moment ago: try the next
            duplicate = _duplicate_error(error, values)
            if duplicate is None:
                raise
            raise duplicate from error
        except BaseException:
            _delete_uploaded_logo(actor)
            raise
        return actor
    raise ActorServiceError(_("The organisation could not be saved. Please try again."))


def update_actor(
    *, actor: Actor, by: User, values: dict[str, Any], language: str | None = None
) -> dict[str, list[Any]]:
    """Save a member's (or moderator's) edit and log who changed which field from what to what.

    Edits of a published actor are live at once; the log is how moderators follow them.
    Returns the changes, {field: [old, new]}; nothing is logged when nothing changed.
    """
    values = dict(values)
    with transaction.atomic():
        # Lock the row: two members saving at the same moment must each log the other's
        # saved values as "old", not a stale copy.
        locked = Actor.objects.select_for_update().get(pk=actor.pk)
        if not (permissions.can_edit(by, locked) or permissions.is_moderator(by)):
            raise ActorServiceError(_("You cannot edit this organisation."))
        names = [name for name in values if name != "logo"]
        before = {name: _snapshot(locked, name) for name in names}
        before["logo"] = locked.logo.name or ""
        for name, value in values.items():
            if name in M2M_FIELDS:
                continue
            if name == "logo":
                if value is False or value is None or value == "":
                    locked.logo = ""
                elif isinstance(value, File) and not getattr(value, "_committed", False):
                    locked.logo = value
                continue
            setattr(locked, name, value)
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError as error:
            _delete_uploaded_logo(locked, only_new=before["logo"])
            duplicate = _duplicate_error(error, values, exclude=locked.pk)
            if duplicate is None:
                raise
            raise duplicate from error
        for name in M2M_FIELDS:
            if name in values:
                getattr(locked, name).set(values[name])
        after = {name: _snapshot(locked, name) for name in names}
        after["logo"] = locked.logo.name or ""
        changes = {
            name: [before[name], after[name]] for name in before if before[name] != after[name]
        }
        if before["logo"] and before["logo"] != after["logo"]:
            # The replaced (or cleared) logo would stay in storage, and public, for ever.
            # Deleted only once the new name is committed: a rollback keeps the old one.
            old_logo, storage = before["logo"], locked.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
        if changes:
            ActorLogEntry.objects.create(
                actor=locked, user=by, action=LogAction.EDITED, changes=changes
            )
    for field in Actor._meta.concrete_fields:
        if not getattr(field, "generated", False):
            setattr(actor, field.attname, getattr(locked, field.attname))
    return changes


def unique_slug(name: str, *, offset: int = 0) -> str:
    """A readable slug for the name that no actor has and no URL of the app uses."""
    base = slugify(_transliterate(name))[:200].strip("-") or "actor"
    if base in RESERVED_SLUGS:
        base = f"{base}-org"
    taken = set(
        Actor.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$").values_list(
            "slug", flat=True
        )
    )
    number = 1 + offset
    candidate = base if offset == 0 else f"{base}-{number}"
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def find_duplicate(
    *,
    cvr: str = "",
    name: str = "",
    municipality: Any = None,
    country: str = "",
    exclude: int | None = None,
) -> Actor | None:
    """The actor a registration would duplicate: same CVR, or same name in the municipality
    (for actors abroad, which have no municipality: the same name in the same country)."""
    query = Q(pk__in=[])
    if cvr:
        query |= Q(cvr=cvr)
    if name and municipality is not None:
        # The same folding as the actor_name_municipality_unique constraint: lower() in SQL.
        query |= Q(lower_name=Lower(Value(name.strip())), municipality=municipality)
    elif name and country:
        query |= Q(
            lower_name=Lower(Value(name.strip())), municipality__isnull=True, country=country
        )
    actors = (
        Actor.objects.annotate(lower_name=Lower("name"))
        .filter(query)
        .select_related("municipality")
    )
    if exclude is not None:
        actors = actors.exclude(pk=exclude)
    return actors.order_by("pk").first()


def _snapshot(actor: Actor, name: str) -> Any:
    """A JSON-safe, readable value of one field, for the edit log."""
    if name in M2M_FIELDS:
        return sorted(str(item) for item in getattr(actor, name).all())
    field = Actor._meta.get_field(name)
    if field.is_relation:
        related = getattr(actor, name)
        return str(related) if related is not None else None
    value = getattr(actor, field.attname)
    if value is not None and not isinstance(value, str | int | float | bool):
        value = str(value)
    return value


def _constraint_name(error: IntegrityError) -> str:
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", "") or ""


def _duplicate_error(
    error: IntegrityError, values: dict[str, Any], *, exclude: int | None = None
) -> DuplicateActorError | None:
    """The domain error for a broken uniqueness rule of actors, or None for anything else."""
    constraint = _constraint_name(error)
    if constraint not in ("actor_cvr_unique", "actor_name_municipality_unique"):
        return None
    existing = find_duplicate(
        cvr=values.get("cvr", "") if constraint == "actor_cvr_unique" else "",
        name=values.get("name", "") if constraint != "actor_cvr_unique" else "",
        municipality=values.get("municipality"),
        country=str(values.get("country") or ""),
        exclude=exclude,
    )
    if constraint == "actor_cvr_unique":
        message = _("An organisation with this CVR number is already registered.")
    else:
        message = _("An organisation with this name is already registered in this municipality.")
    return DuplicateActorError(message, existing=existing)


def _delete_uploaded_logo(actor: Actor, *, only_new: str | None = None) -> None:
    """A rolled-back save must not leave its logo file behind in storage."""
    name = actor.logo.name if actor.logo else ""
    if name and name != only_new and getattr(actor.logo, "_committed", False):
        actor.logo.storage.delete(name)


_DANISH_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"}
)


def _transliterate(text: str) -> str:
    return text.translate(_DANISH_LETTERS)
