"""The admin as a moderator sees it at 1,280 px: every column of the queue in view, the
workflow buttons styled as buttons, the counts of what waits on the front page."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from ecosystem import staff
from tests.factories import ActorFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in_as_moderator(page) -> None:
    moderator = UserFactory(staff=True, groups=[staff.MODERATORS])
    TOTP.activate(moderator, generate_totp_secret())
    client = Client()
    client.force_login(moderator)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_queue_shows_every_column_at_1280_px(page, prefix):
    ActorFactory(
        name="Registreret Socialøkonomisk Virksomhed med et langt navn ApS",
        pending=True,
        submitted_at=timezone.now() - timezone.timedelta(days=12),
        kind="rsv",
    )
    log_in_as_moderator(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{page.base_url}{prefix}/admin/ecosystem/actor/")
    layout = page.evaluate(
        """() => {
            const box = document.querySelector('#changelist .results');
            return {
                viewport: document.documentElement.clientWidth,
                boxRight: box.getBoundingClientRect().right,
                boxScroll: box.scrollWidth - box.clientWidth,
                columns: [...document.querySelectorAll('#result_list thead th')].map(
                    th => [th.className, th.getBoundingClientRect().right]),
            };
        }"""
    )
    assert layout["boxScroll"] <= 0, "the queue scrolls sideways"
    for name, right in layout["columns"]:
        assert right <= layout["boxRight"] + 1, f"{name} is cut off"
        assert right <= layout["viewport"], f"{name} is outside the window"
    days = page.locator("#result_list td.field-days_waiting").first
    assert days.inner_text().strip() == "12"
    assert days.is_visible()


def test_the_approve_and_reject_buttons_are_styled(page):
    actor = ActorFactory(pending=True, submitted_at=timezone.now())
    log_in_as_moderator(page)
    page.goto(f"{page.base_url}/en/admin/ecosystem/actor/{actor.pk}/change/")
    approve = page.get_by_role("button", name="Approve and publish")
    reject = page.get_by_role("button", name="Reject with a reason")

    def look(button):
        return button.evaluate(
            "b => { const s = getComputedStyle(b); return [s.backgroundColor, s.color, "
            "s.borderRadius]; }"
        )

    approve_bg, approve_fg, radius = look(approve)
    reject_bg, reject_fg, _radius = look(reject)
    assert approve_bg == "rgb(0, 112, 60)" and approve_fg == "rgb(255, 255, 255)"
    assert reject_bg == "rgb(181, 28, 28)" and reject_fg == "rgb(255, 255, 255)"
    assert radius != "0px"


def test_the_front_page_links_to_what_waits(page):
    ActorFactory.create_batch(2, pending=True, submitted_at=timezone.now())
    log_in_as_moderator(page)
    page.goto(f"{page.base_url}/admin/")
    link = page.get_by_role("link", name="2 Aktører, der venter på moderering")
    link.click()
    page.wait_for_url("**/admin/ecosystem/actor/?status__exact=pending")
    expect(page.locator("#result_list tbody tr")).to_have_count(2)
