"""The EU case validation in a real browser: a member applies, saves a draft halfway,
comes back from the dashboard and submits; a validator (with a second factor) requests
changes in the admin; the member edits and resubmits; the validator validates; the case
is then in the gallery, on the actor's page and in the export. axe checks the form (with
errors), the dashboard, the gallery and a case page in Danish and in English."""

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
from playwright.sync_api import expect

from ecosystem import staff
from tests.e2e.axe import assert_accessible
from tests.factories import (
    PASSWORD,
    ActorFactory,
    CaseApplicationFactory,
    MembershipFactory,
    UserFactory,
)
from validation.models import CaseApplication, Status

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Job bridges for young people in Aarhus"
CHANGES = "Please add the evidence of the results: the evaluation report."


def current_totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in_as(page, user) -> None:
    """Give the browser a logged-in session without going through the form again."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])


def log_in(page, email: str, totp_secret: str | None = None) -> None:
    page.goto(page.base_url + "/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    if totp_secret:
        page.locator("input[name=code]").fill(current_totp_code(totp_secret))
        page.get_by_role("button", name="Sign In").click()
    expect(page.locator(".portal-user").get_by_role("button", name="Log out")).to_be_visible()


@pytest.fixture
def second_page(browser, live_server):
    """The validator's own browser window, beside the member's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.set_default_timeout(10_000)
    context.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=204, body=""),
    )
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def member_and_actor():
    member = UserFactory(email="mette@example.dk", full_name="Mette Jensen")
    actor = ActorFactory(name="Ungdomsbroen")
    MembershipFactory(actor=actor, user=member)
    return member, actor


def decide_in_admin(page, case: CaseApplication, decision: str, message: str = "") -> None:
    """Open the application from the admin queue and take one decision."""
    page.goto(page.base_url + "/en/admin/validation/caseapplication/")
    page.locator("#result_list").get_by_role("link", name=case.title).click()
    expect(page.locator("#id_decision")).to_be_visible()
    page.locator("#id_decision").select_option(decision)
    if message:
        page.locator("#id_message").fill(message)
    page.locator("input[name=_continue]").click()
    # Says what happened and who was told, not Django's generic "was changed".
    expect(page.locator(".messagelist .success")).to_contain_text("e-mail")
    expect(page.locator(".messagelist .error")).to_have_count(0)


def test_apply_request_changes_resubmit_validate_and_publish(
    page, second_page, settings, member_and_actor
):
    # A code typed at the very end of its 30-second window is still accepted.
    settings.MFA_TOTP_TOLERANCE = 1
    member, actor = member_and_actor

    # 1. The member starts an application from the dashboard and fills half of it.
    log_in(page, member.email)
    page.goto(page.base_url + "/en/cases/mine/")
    expect(page.get_by_text("No applications yet.")).to_be_visible()
    page.get_by_role("link", name="Start a new application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New EU case application")
    expect(page.get_by_label("Lead organisation")).to_have_value(str(actor.pk))
    page.get_by_label("Title (in English)").fill(TITLE)
    page.get_by_label("Short summary (in English)").fill(
        "Young people on benefits get a mentor and a job in a local business."
    )
    page.get_by_label("The problem addressed (in English)").fill(
        "Young people without education are far from the labour market."
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".alert-success").first).to_contain_text("The draft is saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the application")
    checklist = page.locator(".case-checklist")
    expect(checklist).to_contain_text("The innovative solution, in English")
    expect(
        checklist.get_by_role("link", name="The innovative solution, in English")
    ).to_have_attribute("href", "#id_solution")
    case = CaseApplication.objects.get()
    assert (case.status, case.actor, case.title) == (Status.DRAFT, actor, TITLE)

    # 2. She leaves, and comes back to the draft from the dashboard.
    page.goto(page.base_url + "/en/")
    page.goto(page.base_url + "/en/cases/mine/")
    card = page.locator("ul.case-cards li.case-card", has_text=TITLE)
    expect(card).to_contain_text("Draft")
    card.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Edit the application").click()
    expect(page.get_by_label("Title (in English)")).to_have_value(TITLE)
    expect(page.get_by_label("The problem addressed (in English)")).to_have_value(
        "Young people without education are far from the labour market."
    )
    page.get_by_label("The innovative solution (in English)").fill(
        "A mentor from a local business follows each young person for a year."
    )
    page.get_by_label("Key results and benefits (in English)").fill(
        "Two in three found a job or started an education."
    )
    page.get_by_label("Lessons learned (in English)").fill(
        "Mentors need training and time from their employer."
    )
    # The country picker (Tom Select) by keyboard: type, Enter, and the chip stays.
    countries = page.get_by_role("combobox", name="Countries where it runs")
    countries.focus()
    page.keyboard.type("Denm")
    # Enter takes the highlighted option: wait until the list shows what was typed, as a
    # person would look before pressing it (Tom Select filters a moment after the keys).
    expect(page.locator(".ts-dropdown .option.active")).to_have_text("Denmark")
    page.keyboard.press("Enter")
    expect(page.locator(".ts-control .item")).to_have_text(["Denmark×"])
    page.keyboard.press("Escape")
    page.get_by_label("Level of action").select_option("local")
    page.locator("#id_themes_0").check()
    page.get_by_label("Stage", exact=True).select_option("implemented")
    page.get_by_label("Start year").fill("2021")
    page.get_by_label("Contact person", exact=True).fill("Mette Jensen")
    page.get_by_label("Contact person's e-mail").fill("mette@example.dk")
    page.get_by_label("We agree to the case being published on this portal").check()
    page.get_by_label(
        "We agree to the case being published on the EU's Social Innovation Match"
    ).check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".case-checklist")).to_contain_text("Everything required is filled in.")

    # 3. Sending it with a required field emptied: told what is wrong, nothing lost.
    page.get_by_label("Title (in English)").fill("")
    page.get_by_role("button", name="Save and send for validation").click()
    summary = page.locator("[data-module=error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Fill in what is missing")
    expect(page.locator(".case-checklist")).to_contain_text("A title")
    expect(page.get_by_label("Lessons learned (in English)")).to_have_value(
        "Mentors need training and time from their employer."
    )
    expect(page.get_by_label("Contact person's e-mail")).to_have_value("mette@example.dk")
    expect(page.locator("#id_countries")).to_have_values(["DK"])
    expect(page.get_by_text("Hold Ctrl")).to_have_count(0)
    assert_accessible(page)
    case.refresh_from_db()
    assert case.status == Status.DRAFT

    # 4. With the title back, the checklist is empty and she sends it.
    page.get_by_label("Title (in English)").fill(TITLE)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("The draft is saved.")).to_be_visible()
    expect(page.get_by_text("Someone else saved the application")).to_have_count(0)
    expect(page.locator(".case-checklist")).to_contain_text("Everything required is filled in.")
    page.get_by_role("button", name="Save and send for validation").click()
    expect(page.locator(".alert-success").first).to_contain_text(
        "The application has been sent for validation."
    )
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED

    # 5. A validator logs in with a second factor and asks for changes: one step, the
    # review starts with the decision.
    validator = UserFactory(
        email="vera@example.dk", full_name="Vera Validator", staff=True, groups=[staff.VALIDATORS]
    )
    secret = generate_totp_secret()
    TOTP.activate(validator, secret)
    admin = second_page
    log_in(admin, validator.email, totp_secret=secret)
    decide_in_admin(admin, case, "request_changes", CHANGES)
    case.refresh_from_db()
    assert case.status == Status.CHANGES_REQUESTED
    assert any(m.to == [member.email] for m in mail.outbox)

    # 6. The member reads the message on the dashboard, edits and sends it again.
    page.goto(page.base_url + "/en/cases/mine/")
    card = page.locator("ul.case-cards li.case-card", has_text=TITLE)
    expect(card).to_contain_text("Make the changes the validator asks for")
    expect(card.locator(".case-staff-message")).to_contain_text(CHANGES)
    assert_accessible(page)
    card.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Edit the application").click()
    expect(page.get_by_role("status").filter(has_text=CHANGES)).to_be_visible()
    page.get_by_label("Evidence of the results").fill(
        "An evaluation by VIVE in 2023 followed 120 young people for two years."
    )
    page.get_by_role("button", name="Save and send again").click()
    expect(page.locator(".alert-success").first).to_contain_text(
        "The application has been sent for validation."
    )
    case.refresh_from_db()
    assert case.status == Status.RESUBMITTED

    # 7. The validator reads the changes and validates the case, in one step.
    decide_in_admin(admin, case, "validate")
    case.refresh_from_db()
    assert case.status == Status.VALIDATED
    assert case.evidence.startswith("An evaluation by VIVE")

    # 8. Anyone finds it in the gallery, on the actor's page and in the export.
    page.context.clear_cookies()
    page.goto(page.base_url + "/en/cases/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page).to_have_url(f"{page.base_url}/en/cases/{case.slug}/")
    assert_accessible(page)
    page.goto(page.base_url + actor.get_absolute_url())
    expect(page.locator(".actor-page-cases").get_by_role("link", name=TITLE)).to_be_visible()
    export = page.request.get(page.base_url + "/en/cases/export.json")
    assert export.ok
    titles = [item["title"] for item in export.json()["cases"]]
    assert titles == [TITLE]


@pytest.mark.parametrize(("prefix", "lang"), [("", "da"), ("/en", "en")])
def test_the_case_pages_pass_axe_in_both_languages(page, prefix, lang, member_and_actor):
    member, actor = member_and_actor
    draft = CaseApplicationFactory(actor=actor, title="A draft to finish", created_by=member)
    CaseApplicationFactory(
        actor=actor,
        changes_requested=True,
        title="A case with changes requested",
        created_by=member,
    )
    public = CaseApplicationFactory(
        actor=actor, validated=True, title="Job bridges for young people", seeks_partners=True
    )
    log_in_as(page, member)

    # The form with errors: a required field emptied and sent.
    page.goto(f"{page.base_url}{prefix}/cases/applications/{draft.pk}/edit/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("#id_title").fill("")
    page.locator("button[name=submit]").click()
    expect(page.locator("[data-module=error-summary]")).to_be_visible()
    expect(page.locator("#id_summary")).to_have_value(draft.summary)
    assert_accessible(page)

    page.goto(f"{page.base_url}{prefix}/cases/new/")
    expect(page.locator("#id_title")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{page.base_url}{prefix}/cases/mine/")
    expect(page.locator("ul.case-cards li.case-card")).to_have_count(3)
    assert_accessible(page)

    page.goto(f"{page.base_url}{prefix}/cases/")
    expect(page.get_by_role("link", name=public.title)).to_be_visible()
    assert_accessible(page)

    page.goto(f"{page.base_url}{prefix}/cases/{public.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(public.title)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert_accessible(page)
