"""The partner programme in a real browser: an owner applies, a moderator approves in the
admin with a second factor, the badge shows on the actor's page and the organisation on
the partners page; axe on every new page type in both languages."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from ecosystem import staff
from ecosystem.permissions import is_partner
from partners.models import PartnerApplication, Status, Tier
from tests.e2e.axe import assert_accessible
from tests.e2e.test_validation_journey import log_in, log_in_as, second_page  # noqa: F401
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.partners.conftest import PartnerApplicationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner_and_actor():
    owner = UserFactory(email="mette@example.dk", full_name="Mette Jensen")
    actor = ActorFactory(name="Ungdomsbroen")
    MembershipFactory(actor=actor, user=owner)
    return owner, actor


def test_an_owner_applies_staff_approve_and_the_badge_shows(
    page,
    second_page,  # noqa: F811
    settings,
    owner_and_actor,
):
    settings.MFA_TOTP_TOLERANCE = 1
    owner, actor = owner_and_actor

    # 1. From the partners page to "Become a partner" and the form; a negative fee is
    #    refused and what was typed stays.
    log_in(page, owner.email)
    page.goto(page.base_url + "/partnere/")
    page.get_by_role("link", name="Bliv partner").first.click()
    page.get_by_role("link", name="Søg om at blive partner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Søg om at blive partner")
    page.get_by_label("Støttepartner").check()
    page.get_by_label("Årligt kontingent i kr.").fill("-500")
    page.get_by_label("Hvorfor vil din organisation være partner?").fill(
        "Vi vil bære centret videre."
    )
    page.get_by_role("button", name="Send ansøgningen").click()
    expect(page.locator(".error-summary")).to_contain_text("større end eller lig 0")
    expect(page.get_by_label("Hvorfor vil din organisation være partner?")).to_have_value(
        "Vi vil bære centret videre."
    )
    page.get_by_label("Årligt kontingent i kr.").fill("25.000")
    page.get_by_role("button", name="Send ansøgningen").click()
    expect(page.locator(".alert-success").first).to_contain_text("Ansøgningen er sendt")
    application = PartnerApplication.objects.get()
    assert (application.status, application.tier, application.fee_dkk) == (
        Status.SUBMITTED,
        Tier.SUPPORTING,
        25_000,
    )
    assert not is_partner(owner)

    # 2. A moderator approves it in the admin, with the button on the application's page.
    moderator = UserFactory(
        email="mads@example.dk", full_name="Mads Moderator", staff=True, groups=[staff.MODERATORS]
    )
    secret = generate_totp_secret()
    TOTP.activate(moderator, secret)
    admin = second_page
    log_in(admin, moderator.email, totp_secret=secret)
    admin.goto(admin.base_url + "/en/admin/partners/partnerapplication/?renewal=")
    admin.locator("#result_list").get_by_role("link", name="Ungdomsbroen").click()
    admin.get_by_role("button", name="Approve as partner").click()
    expect(admin.locator(".messagelist")).to_contain_text("1 application was approved")
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert is_partner(owner)

    # 3. The badge on the actor's page and the place on the partners page.
    page.goto(page.base_url + actor.get_absolute_url())
    expect(page.locator(".actor-page-partner")).to_contain_text("støttepartner")
    page.goto(page.base_url + "/partnere/")
    expect(page.locator(".partner-group").first).to_contain_text("Støttepartnere")
    expect(page.locator(".partner-card")).to_contain_text("Ungdomsbroen")
    page.goto(page.base_url + f"/partnere/applications/{application.pk}/")
    expect(page.locator("body")).to_contain_text("Godkendt")


@pytest.fixture
def partners_world(owner_and_actor):
    owner, actor = owner_and_actor
    for number, tier in enumerate(Tier.values):
        PartnerApplicationFactory(
            actor=ActorFactory(name=f"Partnerfonden {number} med et ret langt navn"),
            tier=tier,
            approved=True,
        )
    returned = PartnerApplicationFactory(
        actor=actor, status=Status.RETURNED, decision_reason="Tilføj et bidrag, tak."
    )
    return {"owner": owner, "returned": returned}


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "kind", ["index", "become", "become logged in", "apply errors", "application", "edit"]
)
def test_partner_pages_are_accessible(page, partners_world, prefix, width, kind):
    page.set_viewport_size({"width": width, "height": 900})
    base = prefix + ("/partners/" if prefix else "/partnere/")
    pk = partners_world["returned"].pk
    if kind not in ("index", "become"):
        log_in_as(page, partners_world["owner"])
    if kind == "apply errors":
        # An owner of a second organisation, which has no open application.
        MembershipFactory(actor=ActorFactory(name="Anden forening"), user=partners_world["owner"])
    path = {
        "index": "",
        "become": "become/",
        "become logged in": "become/",
        "apply errors": "apply/",
        "application": f"applications/{pk}/",
        "edit": f"applications/{pk}/edit/",
    }[kind]
    page.goto(page.base_url + base + path)
    if kind == "apply errors":
        page.locator("form.partner-form button[name=submit]").click()
        expect(page.locator(".error-summary")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
