"""The library in a real browser: a partner logs in, searches, opens a partner-only
resource and downloads its file; an anonymous visitor is sent to log in and comes back
to the file; a non-partner gets the explanation; axe on the library's page types."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import address
from tests.factories import (
    PASSWORD,
    CollectionItemFactory,
    MembershipFactory,
    PartnershipFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def library():
    resource = ResourceFactory(
        title="Finansieringsmodeller for partnere",
        partners=True,
        with_file=["Fortrolige erfaringer med sociale investeringer."],
    )
    ResourceFactory(title="Frivillighed i foreninger")
    collection = CollectionItemFactory(resource=resource).collection
    partner = MembershipFactory(
        user=UserFactory(email="partner@example.dk"), actor=PartnershipFactory().actor
    ).user
    outsider = MembershipFactory(user=UserFactory(email="outsider@example.dk")).user
    return {"resource": resource, "collection": collection, "partner": partner, "other": outsider}


def log_in(page, email: str) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_partner_searches_opens_and_downloads_a_partner_resource(page, library):
    page.goto(page.base_url + "/en/accounts/login/")
    log_in(page, "partner@example.dk")
    page.goto(page.base_url + "/en/resources/")
    page.locator("#id_q").fill("finansiering")
    page.locator("#id_q").press("Enter")
    link = page.get_by_role("link", name="Finansieringsmodeller for partnere")
    expect(link).to_be_visible()
    expect(page.get_by_role("link", name="Frivillighed i foreninger")).to_have_count(0)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Finansieringsmodeller for partnere")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download").first.click()
    assert download.value.suggested_filename == "rapport.pdf"


def test_an_anonymous_visitor_logs_in_and_comes_back_to_the_file(page, library):
    page.goto(page.base_url + f"/en/resources/{library['resource'].slug}/")
    page.get_by_role("link", name="Download").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    with page.expect_download() as download:
        log_in(page, "partner@example.dk")
    assert download.value.suggested_filename == "rapport.pdf"


def test_a_non_partner_is_told_how_to_become_a_partner(page, library):
    page.goto(page.base_url + f"/en/resources/{library['resource'].slug}/")
    page.get_by_role("link", name="Download").first.click()
    log_in(page, "outsider@example.dk")
    expect(
        page.get_by_role("heading", name="How an organisation becomes a partner")
    ).to_be_visible()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_library_pages_pass_axe(page, library, prefix):
    for path in (
        "/viden/",
        "/viden/?q=finansiering",
        f"/viden/{library['resource'].slug}/",
        f"/viden/collections/{library['collection'].slug}/",
    ):
        page.goto(page.base_url + address(prefix, path))
        assert_accessible(page)
