"""The applicant's dashboard on a phone: one card per application, the next step and the
validator's whole message on the screen, no element past its edge, in both languages."""

import pytest
from playwright.sync_api import expect

from ecosystem import staff
from tests.e2e.axe import assert_accessible
from tests.e2e.test_ecosystem_join import log_in_as
from tests.e2e.test_narrow_screens import PHONE, assert_fits
from tests.factories import ActorFactory, CaseApplicationFactory, MembershipFactory, UserFactory
from validation import services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Every visible element of the page's main part whose box reaches past the screen's edge.
PAST_THE_EDGE = """() => [...document.querySelectorAll("main *")]
  .filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (box.right > window.innerWidth + 0.5 || box.left < 0);
  })
  .map((element) => element.tagName + "." + element.className)"""

MESSAGE = (
    "Describe the results with figures from the evaluation, and name the municipalities "
    "that took part: the summary must stand alone on the EU platform's case page."
)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_dashboard_is_cards_that_fit_a_phone(page, lang):
    member = UserFactory(full_name="Karen Marie Kristiansen-Rasmussen")
    validator = UserFactory(staff=True, groups=[staff.VALIDATORS])
    actor = ActorFactory(name="Foreningen for et meget langt organisationsnavn uden ende")
    MembershipFactory(user=member, actor=actor)
    asked = CaseApplicationFactory(
        actor=actor, in_review=True, title="Digital buddies for seniors in rural municipalities"
    )
    services.transition_case(case=asked, action="request_changes", by=validator, reason=MESSAGE)
    CaseApplicationFactory(actor=actor, published=True)
    CaseApplicationFactory(actor=actor)
    page.set_viewport_size(PHONE)
    log_in_as(page, member)
    page.goto(page.base_url + ("/en/cases/mine/" if lang == "en" else "/eu-cases/mine/"))
    cards = page.locator(".case-card")
    expect(cards).to_have_count(3)
    card = cards.filter(has_text="Digital buddies")
    expect(card).to_contain_text(MESSAGE)
    expect(card).to_contain_text(
        "Make the changes the validator asks for and send it again."
        if lang == "en"
        else "Ret det, validatoren beder om, og send ansøgningen igen."
    )
    assert page.evaluate(PAST_THE_EDGE) == []
    assert_fits(page, "the dashboard")
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.evaluate(PAST_THE_EDGE) == []
    assert_accessible(page)
