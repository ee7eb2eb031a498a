"""Rows that a module's tests only read, made once for the module instead of once per test.

    @once_per_module
    def world():
        return {"owner": UserFactory(), ...}

The rows are made inside a transaction that stays open for the module and is rolled back
after its last test. Each test's own transaction (pytest-django's `db`) is a savepoint
inside it, so what a test changes is still undone before the next test, and nothing the
module made reaches another module. Use it only where every test of the module runs in a
plain `db` transaction (no `transactional_db`, no `live_server`).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction


def once_per_module(build: Callable[[], object]):
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                yield build()
            finally:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    fixture.__doc__ = build.__doc__
    return pytest.fixture(scope="module", name=build.__name__)(fixture)
