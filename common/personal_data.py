"""What the portal holds about a person, gathered from every app that holds some.

GDPR gives a person the right to a copy of their data (article 15 and 20) and to have it
erased (article 17). Each app knows its own tables, so each app registers a `Part` from
its AppConfig.ready(): what to export, what stops an erasure (an organisation that would
be left without an owner), and how to erase or anonymise its rows. This module imports
no app; `config` runs the parts in the order they were registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower


@dataclass(frozen=True)
class Part:
    """One app's share of a person's data.

    - `export(user)` returns JSON-serialisable data (dates as ISO strings);
    - `blockers(user)` returns the reasons, for the person to read, why the account
      cannot be deleted yet (empty: nothing stops it);
    - `erase(user)` removes or anonymises the app's rows about the person; it runs inside
      the transaction that then deletes the account.
    """

    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] = lambda user: None
    blockers: Callable[[Any], list[str]] = field(default=lambda user: [])


def verified_addresses(user) -> list[str]:
    """The addresses this account has proved it holds (allauth keeps them cleaned and in
    lower case, common.addresses). A typed address is never proof: a look-alike account
    must not read or erase its double's rows."""
    return list(
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )


def of_account(queryset: QuerySet, user, *, linked: Q, address_field: str) -> QuerySet:
    """The rows linked to the account, or typed with an address it verified, compared with
    `=` (never `iexact`: PostgreSQL's UPPER() folds a dotless ı to I)."""
    return queryset.alias(_address=Lower(address_field)).filter(
        linked | Q(_address__in=verified_addresses(user))
    )


_PARTS: dict[str, Part] = {}


def register(part: Part) -> None:
    """Add an app's part; registering the same name again replaces it (ready() may run
    twice in tests)."""
    _PARTS[part.name] = part


def parts() -> list[Part]:
    return list(_PARTS.values())


def export(user) -> dict[str, Any]:
    """Everything every app holds about `user`, by part name."""
    return {part.name: part.export(user) for part in parts()}


def blockers(user) -> list[str]:
    return [reason for part in parts() for reason in part.blockers(user)]


class ErasureBlocked(Exception):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def erase(user) -> None:
    """Erase every part and then the account itself, all or nothing. Raises
    ErasureBlocked, changing nothing, while any part objects."""
    with transaction.atomic():
        reasons = blockers(user)
        if reasons:
            raise ErasureBlocked(reasons)
        for part in reversed(parts()):  # later apps first: they build on the earlier ones
            part.erase(user)
        user.delete()


@dataclass(frozen=True)
class AccountSection:
    """A block on the account page ("My organisations", "My events"): a template that
    gets `context(user)` and is shown when `context` returns something."""

    name: str
    template: str
    context: Callable[[Any], dict[str, Any] | None]
    position: int = 100


_SECTIONS: dict[str, AccountSection] = {}


def register_section(section: AccountSection) -> None:
    _SECTIONS[section.name] = section


def account_sections(user) -> list[tuple[AccountSection, dict[str, Any]]]:
    """The sections that have something to show for `user`, in their order."""
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: s.position):
        context = section.context(user)
        if context is not None:
            shown.append((section, context))
    return shown
