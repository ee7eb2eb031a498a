"""Run axe-core (WCAG 2.1 A and AA rules) on the current page and fail on any violation."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

_axe = Axe()


def assert_accessible(page) -> None:
    results = _axe.run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert not violations, f"axe found violations on {page.url}:\n" + results.generate_report()


# WCAG 2.2 AA adds, among others, target-size (2.5.8: targets of at least 24 x 24 px).
WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    # Django admin's forms.css @imports widgets.css; axe's stylesheet preload injects the
    # imported sheet as an inline <style>, which the portal's CSP rightly blocks. Without
    # the preload every rule still runs, on the styles the browser computed.
    "preload": False,
}


def assert_accessible_wcag22(page) -> None:
    results = _axe.run(page, options=WCAG_22_AA)
    violations = results.response["violations"]
    assert not violations, f"axe found violations on {page.url}:\n" + results.generate_report()
