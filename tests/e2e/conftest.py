"""A real Chromium (the system's, never a downloaded one) driving the running portal.

On a developer's machine without Chromium the browser tests skip and say how to install
it; in CI (E2E_REQUIRED=1) a missing browser fails the run instead.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.e2e


def _browser_missing_reason() -> str | None:
    if not os.path.exists(CHROMIUM):
        return (
            f"Chromium not found at {CHROMIUM}. Install it (Debian: `sudo apt-get install "
            "chromium`) or set CHROMIUM_PATH to run the browser tests."
        )
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, settings):
    """A fresh browser tab; failed requests to other hosts (tiles) do not fail tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.set_default_timeout(10_000)
    # No network here: map tiles from outside are answered empty instead of hanging.
    context.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=204, body=""),
    )
    page = context.new_page()
    page.base_url = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    # A script, stylesheet, image or data file of the portal's own that fails is a fault
    # the visitor sees (a missing marker, a broken map), even when the page itself loads.
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.status >= 400
            and response.url.startswith(live_server.url)
            and response.request.resource_type != "document"
            else None
        ),
    )
    yield page
    context.close()
    assert not errors, f"JavaScript errors, CSP violations or failed requests: {errors}"


# The first part of an address in each language (config/urls.py): Danish pages have
# Danish addresses, English ones live under /en/ with English addresses.
_ENGLISH_SECTIONS = {
    "/aktoerer/": "/actors/",
    "/viden/": "/resources/",
    "/eu-cases/": "/cases/",
    "/arrangementer/": "/events/",
}


def address(prefix: str, danish_path: str) -> str:
    """`danish_path` on the Danish side (prefix "") or its English twin (prefix "/en")."""
    if not prefix:
        return danish_path
    for danish, english in _ENGLISH_SECTIONS.items():
        if danish_path.startswith(danish):
            return prefix + english + danish_path[len(danish) :]
    return prefix + danish_path
