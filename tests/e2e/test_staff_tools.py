"""Staff at work beyond the validator's day: an event manager checking people in at the
door on a phone, the authenticator set-up that leads back where staff were going, and
the buttons of a change form that stay clear of its title."""

import re
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import timezone
from playwright.sync_api import expect

from ecosystem import staff
from policy.models import Registration
from tests.e2e.axe import assert_accessible_wcag22
from tests.e2e.test_staff_day import log_in
from tests.factories import ActorFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PEOPLE = [
    "Søren Østergaard-Rasmussen",
    "Anna Berg",
    "Karen Jensen",
    "Ole Hansen",
    "Mette Kjær",
    "Camilla Frederiksen-Vestergaard",
]


def an_event_today():
    start = timezone.localtime().replace(hour=0, minute=30, second=0, microsecond=0)
    event = EventFactory(
        title_da="Rundbordssamtale om hjemløshed i Aarhus",
        title_en="Roundtable on homelessness in Aarhus",
        start=start,
        end=start + timedelta(hours=23),
        capacity=len(PEOPLE),
    )
    for name in PEOPLE:
        RegistrationFactory(event=event, name=name, organisation="Aarhus Kommune")
    RegistrationFactory(event=event, name="Vibeke Venter", waiting=True)
    return event


def test_an_event_manager_checks_in_three_people_at_the_door_on_a_phone(page):
    event = an_event_today()
    log_in(page, UserFactory(staff=True, groups=[staff.EVENT_MANAGERS]))
    page.set_viewport_size({"width": 390, "height": 844})

    # From the admin's front page: today's event, one tap to its list.
    page.goto(f"{page.base_url}/admin/")
    page.get_by_role("link", name=f"Tjek ind: {event.title_da}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Indtjekning")
    names = page.locator(".check-in-list .check-in-name")
    expect(names).to_have_text(sorted(PEOPLE, key=str.lower))
    waiting = page.get_by_role("region", name="Venteliste")
    expect(waiting).to_contain_text("Vibeke Venter")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Three taps; each row says so and the count follows, without a page load.
    page.get_by_role("button", name="Tjek ind: Karen Jensen").click()
    expect(page.locator("#check-in-counts")).to_have_text(
        "1 af 6 er tjekket ind · 1 på ventelisten"
    )
    page.get_by_role("button", name="Tjek ind: Anna Berg").click()
    expect(page.locator("#check-in-counts")).to_contain_text("2 af 6")

    # Found by a part of the name, on a list narrowed to her.
    page.get_by_label("Find ud fra navn").fill("kjær")
    page.get_by_role("button", name="Søg", exact=True).click()
    expect(names).to_have_text(["Mette Kjær"])
    page.get_by_role("button", name="Tjek ind: Mette Kjær").click()
    expect(page.locator("#check-in-counts")).to_contain_text("3 af 6")
    row = page.locator(".check-in-row", has_text="Mette Kjær")
    expect(row).to_contain_text("Tjekket ind")
    page.screenshot(path="/tmp/staff-check-in-390.png", full_page=True)

    # A slip undone: Anna is not here after all (the list is also one tap from the event).
    page.goto(f"{page.base_url}/admin/policy/event/{event.pk}/change/")
    page.get_by_role("link", name="Tjek deltagerne ind").first.click()
    page.get_by_role("button", name="Fortryd indtjekningen: Anna Berg").click()
    expect(page.locator("#check-in-counts")).to_contain_text("2 af 6")
    attended = Registration.objects.filter(event=event, status="attended")
    assert sorted(attended.values_list("name", flat=True)) == ["Karen Jensen", "Mette Kjær"]

    # Without JavaScript the same buttons work, with a page load and a message.
    no_script = page.context.browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    no_script.add_cookies(page.context.cookies())
    plain = no_script.new_page()
    plain.goto(f"{page.base_url}/admin/policy/event/{event.pk}/check-in/")
    plain.get_by_role("button", name="Tjek ind: Ole Hansen").click()
    expect(plain.locator(".messagelist")).to_have_text("Ole Hansen er tjekket ind.")
    expect(plain.locator("#check-in-counts")).to_contain_text("3 af 6")
    no_script.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_check_in_list_passes_wcag_22_aa(page, width):
    event = an_event_today()
    RegistrationFactory(event=event, name="Bo Bagerst", status="attended")
    log_in(page, UserFactory(staff=True, groups=[staff.EVENT_MANAGERS]))
    page.set_viewport_size({"width": width, "height": 900})
    for language in ("", "/en"):
        page.goto(f"{page.base_url}{language}/admin/policy/event/{event.pk}/check-in/")
        expect(page.locator("button.theme-toggle")).to_be_visible()
        assert_accessible_wcag22(page)
        page.screenshot(path=f"/tmp/staff-check-in-{width}{language.replace('/', '-')}.png")


def boxes_apart(a, b) -> bool:
    return (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_the_actor_pages_buttons_stay_clear_of_its_title(page, width):
    actor = ActorFactory(
        name="Foreningen for Socialøkonomiske Virksomheder i Region Syddanmark", pending=True
    )
    log_in(page, UserFactory(staff=True, is_superuser=True))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{page.base_url}/en/admin/ecosystem/actor/{actor.pk}/change/")
    titles = [page.locator("#content h1").bounding_box(), page.locator("#content h2").first]
    titles[1] = titles[1].bounding_box()
    buttons = page.locator("#content-main > .object-tools li")
    expect(buttons.first).to_be_visible()
    assert buttons.count() >= 3  # approve, reject, history
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        for title in titles:
            assert boxes_apart(title, box), (title, box)
    page.screenshot(path=f"/tmp/staff-actor-{width}.png")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_authenticator_set_up_leads_back_where_staff_were_going(page, width):
    user = UserFactory(staff=True, groups=[staff.EVENT_MANAGERS], email="nina@example.dk")
    user.set_password("Secret-pass-123")
    user.save()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{page.base_url}/en/accounts/login/")
    page.get_by_label("Email").fill("nina@example.dk")
    page.get_by_label("Password", exact=True).fill("Secret-pass-123")
    page.get_by_role("button", name="Sign In").click()

    # The admin sends her to the set-up (allauth asks for the password once more first).
    page.goto(f"{page.base_url}/en/admin/policy/event/?status__exact=published")
    if "reauthenticate" in page.url:
        page.get_by_label("Password", exact=True).fill("Secret-pass-123")
        page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Activate Authenticator App")).to_be_visible()

    # The whole secret, in view, wrapping rather than cut off.
    secret = page.locator(".totp-secret-value code")
    text = secret.inner_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", text), text
    assert page.evaluate(
        """() => {
            const code = document.querySelector('.totp-secret-value code');
            const r = code.getBoundingClientRect();
            return code.scrollWidth <= code.clientWidth
                && r.right <= document.documentElement.clientWidth;
        }"""
    )
    page.screenshot(path=f"/tmp/staff-totp-{width}.png", full_page=True)
    counter = int(timezone.now().timestamp()) // 30
    page.get_by_label("Authenticator code").fill(format_hotp_value(hotp_value(text, counter)))
    page.get_by_role("button", name="Activate").click()

    # The recovery codes, then on to the list she asked for.
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible()
    page.screenshot(path=f"/tmp/staff-recovery-{width}.png", full_page=True)
    page.get_by_role("link", name="I have saved the codes: continue").click()
    assert page.url.endswith("/en/admin/policy/event/?status__exact=published")
    expect(page.get_by_role("heading", level=1)).to_contain_text("event")
