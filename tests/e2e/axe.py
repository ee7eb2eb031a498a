"""Run axe-core (WCAG 2.1 A and AA rules) on the current page and fail on any violation."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

_axe = Axe()


def assert_accessible(page) -> None:
    results = _axe.run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert not violations, f"axe found violations on {page.url}:\n" + results.generate_report()
