"""Funding in a real browser: a member subscribes to funding alerts, gets the weekly
digest and unsubscribes with the signed link from the mail, logged out; axe on the list,
a call's page, the archive and the alerts page in both languages."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ecosystem.models import Actor, Theme
from funding import services
from funding.models import FundingAlert
from tests.e2e.axe import assert_accessible
from tests.e2e.test_ecosystem_join import log_in_as
from tests.factories import ActorFactory, MembershipFactory, ResourceFactory, UserFactory
from tests.funding.factories import FundingOpportunityFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def calls():
    theme = Theme.objects.get(slug="access-to-employment")
    model = ResourceFactory(title="Sociale udfaldskontrakter forklaret", kind="financing_model")
    soon = FundingOpportunityFactory(
        title_da="Pulje til job for unge", title_en="Fund for jobs for young people",
        deadline_days=4, themes=[theme], scope="regional",
    )  # fmt: skip
    soon.financing_models.add(model)
    FundingOpportunityFactory(title_da="Løbende lån", kind="loan", rolling=True)
    FundingOpportunityFactory(title_da="Lukket pulje", deadline_days=-10)
    return {"soon": soon}


def test_a_member_subscribes_gets_the_digest_and_unsubscribes_by_the_link(page, calls):
    member = UserFactory(email="mette@example.dk")
    actor = ActorFactory(name="Café Fællesskab", kind=Actor.Kind.SOCIAL_ENTERPRISE)
    MembershipFactory(user=member, actor=actor)
    log_in_as(page, member)

    page.goto(page.base_url + "/finansiering/")
    page.get_by_role("link", name="Få nye opslag på e-mail").first.click()
    page.get_by_label("Organisation").select_option(label="Café Fællesskab")
    page.get_by_role("button", name="Få besked om nye opslag").click()
    expect(page.locator("body")).to_contain_text("Du får en ugentlig e-mail")
    alert = FundingAlert.objects.get(user=member)
    assert alert.language == "da"

    # The calls above were published before the alert; a new one comes after it.
    FundingOpportunityFactory(title_da="Ny pulje til sociale virksomheder")
    services.send_digests()
    digest = mail.outbox[-1]
    assert digest.to == ["mette@example.dk"]
    assert "Ny pulje til sociale virksomheder" in digest.body

    page.context.clear_cookies()  # the link works logged out
    link = re.search(r"https?://[^/\s]+(/\S*/unsubscribe/\S+/)", digest.body).group(1)
    page.goto(page.base_url + link[:-4] + "xyz/")  # tampered: nothing changes
    expect(page.locator("body")).to_contain_text("Linket virker ikke")
    assert FundingAlert.objects.filter(pk=alert.pk).exists()
    page.goto(page.base_url + link)
    page.get_by_role("button", name="Stop beskederne").click()
    expect(page.locator("body")).to_contain_text("Du får ikke længere beskeder om nye opslag")
    assert not FundingAlert.objects.exists()


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("kind", ["list", "filtered", "archive", "call", "alerts", "alerts errors",
                                  "unsubscribe invalid"])  # fmt: skip
def test_funding_pages_are_accessible(page, calls, prefix, kind):
    base = "/en/funding" if prefix else "/finansiering"
    if kind.startswith("alerts"):
        member = UserFactory()
        MembershipFactory(user=member)
        log_in_as(page, member)
    path = {
        "list": "/",
        "filtered": "/?kind=nonsense&q=pulje",
        "archive": "/archive/",
        "call": f"/{calls['soon'].slug}/",
        "alerts": "/alerts/",
        "alerts errors": "/alerts/",
        "unsubscribe invalid": "/unsubscribe/not-a-token/",
    }[kind]
    page.goto(page.base_url + base + path)
    if kind == "alerts errors":
        page.evaluate(
            "document.querySelector('#id_actor').innerHTML = '<option value=9999>x</option>'"
        )
        page.locator("form.funding-alert-form button[type=submit]").click()
        expect(page.locator(".form-error").first).to_be_visible()
    assert_accessible(page)
