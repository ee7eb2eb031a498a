"""Browser journeys of the member side: join the portal, register an organisation, have a
moderator (with a second factor) approve it in the admin, and find it on the map."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from playwright.sync_api import expect

from ecosystem import staff
from ecosystem.models import Actor, Membership, Municipality
from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD, ActorFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in_as(page, user) -> None:
    """Give the browser a logged-in session without going through the form again."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])


def current_totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def public_url(name: str, **kwargs) -> str | None:
    """The English address of a public page (the directory part of the app), if it exists."""
    try:
        with translation.override("en"):
            return reverse(f"ecosystem:{name}", kwargs=kwargs)
    except NoReverseMatch:
        return None


@pytest.mark.parametrize(("prefix", "lang"), [("", "da"), ("/en", "en")])
def test_the_registration_form_is_accessible_with_and_without_errors(page, prefix, lang):
    log_in_as(page, UserFactory())
    page.goto(f"{page.base_url}{prefix}/actors/register/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("#location-map")).to_be_visible()  # the picker replaced the no-JS view
    assert_accessible(page)

    page.locator("#id_name").fill("Testforeningen")
    page.locator("#id_cvr").fill("13585627")
    page.locator("#id_postcode").fill("80")
    page.locator("#id_latitude").fill("59.9")
    page.locator("#id_longitude").fill("10.7")
    page.locator("form.actor-form button[type=submit]").click()

    summary = page.locator("[data-module=error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.locator("#id_cvr")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_cvr_error")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value("Testforeningen")
    expect(page.locator("#id_latitude")).to_have_value("59.9")
    assert_accessible(page)
    assert not Actor.objects.exists()


def test_a_duplicate_offers_to_join_and_is_accessible(page):
    existing = ActorFactory(name="Det Gamle Værksted", cvr="13585628")
    log_in_as(page, UserFactory())
    page.goto(f"{page.base_url}/en/actors/register/")
    page.get_by_label("Name of the organisation").fill("Nyt Værksted")
    page.get_by_label("CVR number").fill("13585628")
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".duplicate-actor")).to_contain_text("Det Gamle Værksted")
    assert_accessible(page)
    page.get_by_role("link", name="Ask to join Det Gamle Værksted").click()
    page.get_by_label("Message to the owners").fill("I work in the shop.")
    page.get_by_role("button", name="Send request").click()
    expect(page.locator(".alert-success")).to_contain_text("Your request to join")
    assert existing.join_requests.get().message == "I work in the shop."


def test_the_location_picker_follows_the_municipality(page):
    log_in_as(page, UserFactory())
    page.goto(f"{page.base_url}/en/actors/register/")
    odense = Municipality.objects.get(code="461")
    page.get_by_label("Municipality").select_option(str(odense.pk))
    expect(page.locator("#id_latitude")).to_have_value(f"{odense.latitude:.5f}")
    expect(page.locator("#id_longitude")).to_have_value(f"{odense.longitude:.5f}")
    expect(page.locator("#location-map .leaflet-marker-icon")).to_have_count(1)


def test_sign_up_register_approve_and_find_it_on_the_map(page, settings):
    # A code typed at the very end of its 30-second window is still accepted.
    settings.MFA_TOTP_TOLERANCE = 1

    # 1. A newcomer signs up and verifies the address from the mail.
    page.goto(page.base_url + "/en/accounts/signup/")
    page.get_by_label("Full name").fill("Karen Jensen")
    page.get_by_label("Email").fill("karen@example.dk")
    page.get_by_label("Password", exact=True).fill("a-long-and-unusual-password")
    page.get_by_label("Password (again)").fill("a-long-and-unusual-password")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify your e-mail address")
    link = re.search(r"https?://[^/\s]+(/\S*accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    page.goto(page.base_url + link.group(1))
    page.get_by_role("button", name="Confirm").click()
    # Confirming the address logs her in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION).
    expect(page.locator(".portal-user")).to_contain_text("Karen Jensen")

    # 2. She registers her organisation.
    page.goto(page.base_url + "/en/actors/mine/")
    page.get_by_role("link", name="Register your organisation").click()
    page.get_by_label("Name of the organisation").fill("Kaffe & Kollegaer")
    page.get_by_label("Type of organisation").select_option("social_enterprise")
    page.get_by_label("Role in the ecosystem").select_option("practitioner")
    page.get_by_label("Scale", exact=True).select_option("local")
    page.get_by_label("Short description in Danish").fill("Café der ansætter folk på kanten.")
    page.get_by_label("Short description in English").fill("A café that hires people on the edge.")
    page.get_by_label("Active inclusion").check()
    aarhus = Municipality.objects.get(code="751")
    page.get_by_label("Municipality").select_option(str(aarhus.pk))
    page.get_by_label("Latitude").fill("56.1550")  # her own address, not the centre
    page.get_by_label("Longitude").fill("10.2100")
    page.get_by_label("CVR number").fill("13585628")
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".alert-success")).to_contain_text("has been sent for review")
    expect(page.locator("table.my-actors")).to_contain_text("Pending review")

    actor = Actor.objects.get(name="Kaffe & Kollegaer")
    assert actor.status == Actor.Status.PENDING
    assert (actor.latitude, actor.longitude) == (56.155, 10.21)
    assert actor.memberships.get().role == Membership.Role.OWNER
    page.locator(".portal-user").get_by_role("button", name="Log out").click()

    # 3. A moderator logs in with a second factor and approves it in the admin.
    moderator = UserFactory(email="mona@example.dk", staff=True, groups=[staff.MODERATORS])
    secret = generate_totp_secret()
    TOTP.activate(moderator, secret)
    page.goto(page.base_url + "/en/accounts/login/")
    page.get_by_label("Email").fill("mona@example.dk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.locator("input[name=code]").fill(current_totp_code(secret))
    page.get_by_role("button", name="Sign In").click()

    page.goto(page.base_url + "/en/admin/ecosystem/actor/?status__exact=pending")
    row = page.locator("#result_list tbody tr", has_text="Kaffe & Kollegaer")
    row.locator("input[name=_selected_action]").check()
    page.locator("select[name=action]").select_option("approve")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 actor was approved and published.")
    actor.refresh_from_db()
    assert actor.status == Actor.Status.PUBLISHED
    assert any(m.to == ["karen@example.dk"] and "now published" in m.subject for m in mail.outbox)

    # 4. Anyone now finds it on the map (or, before the map exists, on its public page).
    page.context.clear_cookies()
    map_url = public_url("map")
    detail_url = public_url("actor_detail", slug=actor.slug)
    if map_url:
        page.goto(page.base_url + map_url)
        expect(page.get_by_role("link", name="Kaffe & Kollegaer").first).to_be_visible()
        geojson = page.request.get(page.base_url + public_url("map_geojson")).json()
        names = [feature["properties"].get("name") for feature in geojson["features"]]
        assert "Kaffe & Kollegaer" in names
    elif detail_url:
        page.goto(page.base_url + detail_url)
        expect(page.get_by_role("heading", level=1)).to_have_text("Kaffe & Kollegaer")
    else:
        log_in_as(page, actor.memberships.get().user)
        page.goto(page.base_url + "/en/actors/mine/")
        expect(page.locator("table.my-actors")).to_contain_text("Published")
