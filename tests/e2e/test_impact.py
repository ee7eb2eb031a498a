"""The impact figures in a real browser: a staff member (with a second factor) finds the
dashboard on the admin's index, chooses quarters, and downloads every figure as XLSX,
which openpyxl opens; axe checks the dashboard and the public impact page, charts and
tables included, in Danish and in English."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from ecosystem import staff
from impact import figures
from tests.e2e.axe import assert_accessible
from tests.e2e.test_validation_journey import log_in, log_in_as
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CPH = ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def figures_to_show():
    now = datetime.now(CPH)
    for days in (20, 100, 200, 400):
        actor = ActorFactory(published_at=now - timedelta(days=days))
        CaseApplicationFactory(
            actor=actor, status="validated", submitted_at=now - timedelta(days=days + 14),
            decided_at=now - timedelta(days=days), validated_at=now - timedelta(days=days),
        )  # fmt: skip
    event = EventFactory(start=now - timedelta(days=60), end=now - timedelta(days=60, hours=-3))
    RegistrationFactory(event=event, attended=True, decision_maker=True)
    RegistrationFactory(event=event, attended=True)


@pytest.fixture
def moderator():
    user = UserFactory(email="moderator@example.dk", staff=True, groups=[staff.MODERATORS])
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    user.totp_secret = secret
    return user


def test_staff_open_the_dashboard_and_download_the_xlsx(page, settings, moderator, figures_to_show):
    settings.MFA_TOTP_TOLERANCE = 1
    log_in(page, moderator.email, totp_secret=moderator.totp_secret)
    page.goto(page.base_url + "/en/admin/")
    page.get_by_role("link", name="Impact figures").click()
    expect(page.get_by_role("heading", name="Impact figures", level=1)).to_be_visible()
    page.get_by_label("Per", exact=True).select_option("quarter")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"grain=quarter"))
    cases = page.locator("#cases")
    expect(cases.get_by_role("img", name="EU cases")).to_be_visible()
    expect(cases.get_by_role("table", name="EU cases")).to_contain_text("Validated")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel (XLSX)").first.click()
    download = download_info.value
    assert download.suggested_filename.startswith("impact-all-quarter-")
    with open(download.path(), "rb") as handle:
        workbook = openpyxl.load_workbook(handle)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("Figure", "Key", "Row", "Column", "Value")
    validated = [row for row in rows if row[0] == "EU cases" and row[3] == "Validated"]
    assert sum(row[4] for row in validated) == 4


@pytest.mark.parametrize(("prefix", "lang"), [("", "da"), ("/en", "en")])
def test_the_dashboard_and_the_public_page_pass_axe(page, prefix, lang, moderator, figures_to_show):
    page.goto(f"{page.base_url}{prefix}/" + ("resultater/" if lang == "da" else "impact/"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("svg.impact-chart").first).to_be_visible()
    page.locator("details.impact-details summary").first.click()  # a table open too
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in_as(page, moderator)
    page.goto(f"{page.base_url}{prefix}/admin/impact/report/?grain=month&from=bad")
    # A chart for every declared figure: none is left out, whatever app declared it.
    expect(page.locator("svg.impact-chart")).to_have_count(len(figures.FIGURES))
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_public_page_on_a_desktop_has_a_grid_of_figures_and_charts_that_fit(
    page, lang, figures_to_show
):
    """At 1280 px the headline figures stood one to a row and each chart grew 760–1,180 px
    tall: a media query left open in portal.css kept the impact rules for phones only."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base_url + ("/resultater/" if lang == "da" else "/en/impact/"))
    tops = page.locator(".impact-headlines li").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    assert len(tops) == 6 and len(set(tops)) == 2  # three figures to a row
    heights = page.locator(".impact-chart-box").evaluate_all(
        "boxes => boxes.map(box => box.getBoundingClientRect().height)"
    )
    assert heights and max(heights) < 600
    # Each chart keeps its data table beside it.
    expect(page.locator(".impact-section details.impact-details")).to_have_count(len(heights))
