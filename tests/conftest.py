"""Shared fixtures: real PostgreSQL (the portal's own start-up), factories, a real browser."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command


def _start_the_embedded_database() -> None:
    """The test set-up, not the settings, starts the embedded PostgreSQL when no
    DATABASE_URL names a server (`make test` on a fresh machine). pytest-django has read
    the settings by now but opened no connection, so the database settings still count."""
    if os.environ.get("DATABASE_URL"):
        return
    from django.conf import settings

    from config.database import database_config, use_embedded_server

    use_embedded_server(Path(__file__).resolve().parents[1])
    settings.DATABASES["default"].update(database_config())


_start_the_embedded_database()

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# tests themselves (checking what the browser did) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The database cache holds rate limits; its table is not a migration."""
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache(request):
    """Rate-limit counters must not leak from one test into the next."""
    if "django_db" in [m.name for m in request.node.iter_markers()] or any(
        f in request.fixturenames for f in ("db", "transactional_db", "live_server", "client")
    ):
        from django.core.cache import cache

        try:
            cache.clear()
        except Exception:  # no database access in this test: nothing cached either
            pass
    yield


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests start with the reference data the migrations wrote."""
    if {"transactional_db", "live_server"} & set(request.fixturenames) or any(
        m.kwargs.get("transaction") for m in request.node.iter_markers("django_db")
    ):
        from tests.reference_data import restore_reference_data

        request.getfixturevalue("transactional_db")
        restore_reference_data()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language, as a fresh thread would. A request
    through the test client runs in the test's own thread and leaves its language active
    (the locale middleware activates one per request), so without this a test's `reverse()`
    or message text depended on which test ran before it on the same worker."""
    from django.conf import settings as django_settings
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """Every test runs with the public page cache on, as production does: a page that
    went stale after a change would fail the test that made the change."""
    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True)
def _menus_from_the_defaults():
    """Each test starts with the trust pages where the first migration puts them (as the
    database holds them), kept in memory: a page's query budget does not depend on which
    test ran before it. A test that moves a page saves it, and the menus follow."""
    from pages import menu

    menu.remember(menu.defaults(), seconds=float("inf"))
    yield
    menu.forget()
