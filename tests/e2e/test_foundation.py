import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ecosystem.models import User
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/", "da", "Social innovation i Danmark"),
        ("/en/", "en", "Social innovation in Denmark"),
    ],
)
def test_home_page_in_both_languages_is_accessible(page, path, lang, heading):
    page.goto(page.base_url + path)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_language_switcher_keeps_the_visitor_on_the_same_page(page):
    page.goto(page.base_url + "/om/")
    page.locator("footer").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("footer").get_by_role("link", name="Dansk").click()
    expect(page).to_have_url(re.compile(r"/om/$"))


def test_sign_up_verify_log_in_and_log_out(page):
    page.goto(page.base_url + "/en/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("Full name").fill("Karen Jensen")
    page.get_by_label("Email").fill("karen@example.dk")
    page.get_by_label("Password", exact=True).fill("a-long-and-unusual-password")
    page.get_by_label("Password (again)").fill("a-long-and-unusual-password")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify your e-mail address")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["karen@example.dk"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(page.base_url + link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
    page.get_by_role("button", name="Confirm").click()
    # Confirming the address logs the person in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION).
    expect(page.locator(".portal-user")).to_contain_text("Karen Jensen")
    page.locator(".portal-user").get_by_role("button", name="Log out").click()
    expect(page.locator(".portal-user")).to_contain_text("Log in")

    page.goto(page.base_url + "/en/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email").fill("karen@example.dk")
    page.get_by_label("Password").fill("a-long-and-unusual-password")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    expect(page.locator(".portal-user")).to_contain_text("Karen Jensen")
    assert User.objects.get(email="karen@example.dk").full_name == "Karen Jensen"

    page.locator(".portal-user").get_by_role("button", name="Log out").click()
    expect(page.locator(".portal-user")).to_contain_text("Log in")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(("path", "current"), [("/om/", "Dansk"), ("/en/about/", "English")])
def test_the_language_switch_marks_the_current_language_with_even_spacing(
    page, width, path, current
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + path)
    places = ["footer"] + ([".solution-info"] if width >= 992 else [])
    gaps = []
    for place in places:
        switch = page.locator(place).get_by_role("list", name=re.compile("Vælg sprog|Choose"))
        links = switch.get_by_role("link")
        expect(links).to_have_count(2)
        expect(switch.get_by_role("link", name=current)).to_have_attribute("aria-current", "true")
        other = "English" if current == "Dansk" else "Dansk"
        expect(switch.get_by_role("link", name=other)).not_to_have_attribute("aria-current", "true")
        first, second = (link.bounding_box() for link in links.all())
        assert first["y"] == second["y"]  # side by side
        gaps.append(round(second["x"] - (first["x"] + first["width"])))
    assert len(set(gaps)) == 1 and gaps[0] >= 16, gaps  # the same gap in header and footer
