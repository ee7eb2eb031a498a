"""The trust pages, the news and the account's data pages in a real browser: axe in both
languages, and the contact form used with the keyboard alone."""

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from pages.models import ContactMessage, NewsArticle
from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    return NewsArticle.objects.create(
        slug="fem-sager",
        title_da="Fem sager valideret",
        title_en="Five cases validated",
        summary_da="Kort.",
        summary_en="Short.",
        body_da="## Baggrund\n\n- Et punkt\n\n[Om os](/om/)",
        body_en="## Background\n\n- A point\n\n[About](/en/about/)",
        published_at=timezone.now(),
    )


@pytest.mark.parametrize(
    "path",
    [
        "/om/",
        "/en/about/",
        "/kontakt/",
        "/en/contact/",
        "/privatlivspolitik/",
        "/en/privacy/",
        "/tilgaengelighedserklaering/",
        "/en/accessibility/",
        "/nyheder/",
        "/en/news/",
        "/nyheder/fem-sager/",
        "/en/news/fem-sager/",
    ],
)
def test_trust_pages_and_news_are_accessible(page, article, path):
    page.goto(page.base_url + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_account_and_deletion_pages_are_accessible(page, prefix):
    UserFactory(email="karen@example.dk")
    page.goto(page.base_url + prefix + "/accounts/login/")
    page.locator("input[name=login]").fill("karen@example.dk")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en" if prefix else "da")
    page.goto(page.base_url + prefix + "/accounts/profile/")
    assert_accessible(page)
    page.goto(page.base_url + prefix + "/accounts/profile/delete/")
    assert_accessible(page)


def test_the_contact_form_with_the_keyboard_alone(page):
    page.goto(page.base_url + "/kontakt/")
    topic = page.get_by_label("Hvad drejer det sig om?")
    topic.focus()
    topic.select_option("validation")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Dit navn")).to_be_focused()
    page.keyboard.type("Karen Jensen")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Din e-mailadresse")).to_be_focused()
    page.keyboard.type("karen@example.dk")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Organisation")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Besked")).to_be_focused()
    page.keyboard.type("Hvordan søger vi om validering?")
    page.keyboard.press("Tab")  # the honeypot is never reached
    expect(page.get_by_role("button", name="Send henvendelse")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".alert-success")).to_contain_text("Tak for din henvendelse")
    stored = ContactMessage.objects.get()
    assert (stored.topic, stored.email) == ("validation", "karen@example.dk")
    assert "karen@example.dk" in [m.to[0] for m in mail.outbox]


def test_an_empty_contact_form_says_what_is_missing(page):
    page.goto(page.base_url + "/en/contact/")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
