"""Staff at work in the admin: a validator's day at 1,280 and 1,024 px (the queue fits, a
first review decided in one step, a resubmission with its changes shown), and every
staff page passing axe's WCAG 2.2 AA rules at 1,280 and 390 px."""

from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from ecosystem import staff
from tests.e2e.axe import assert_accessible_wcag22
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    MembershipFactory,
    RegistrationFactory,
    ResourceFactory,
    UserFactory,
)
from validation import review, services
from validation.models import CaseSubmission, Status

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUEUE = "/admin/validation/caseapplication/"


def log_in(page, user) -> None:
    TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])


def nothing_wider_than_its_box(page) -> list[str]:
    """Every element of the list that sticks out of the page or of the table's box."""
    return page.evaluate(
        """() => {
            const out = [];
            const viewport = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > viewport)
                out.push('the page scrolls sideways');
            const box = document.querySelector('#changelist .results');
            if (box.scrollWidth > box.clientWidth) out.push('the table scrolls sideways');
            const right = box.getBoundingClientRect().right;
            for (const el of document.querySelectorAll('#changelist *')) {
                const r = el.getBoundingClientRect();
                if (r.width && r.right > Math.min(right, viewport) + 1 && el.closest('.results'))
                    out.push(el.tagName + '.' + el.className + ' ends at ' + r.right);
            }
            return out;
        }"""
    )


def a_resubmitted_case(actor, validator, member):
    case = CaseApplicationFactory(
        actor=actor,
        in_review=True,
        title="Mentors for young people",
        summary="Young people meet mentors.",
        submitted_at=timezone.now() - timedelta(days=3),
    )
    CaseSubmission.objects.create(
        case=case, number=1, submitted_at=case.submitted_at, data=review.snapshot_of(case)
    )
    services.transition_case(
        case=case, action="request_changes", by=validator, reason="Say where it runs."
    )
    case.summary = "Young people meet mentors in Aarhus."
    case.save()
    services.submit_application(case=case, by=member, language="da")
    return case


@pytest.mark.parametrize("width", [1280, 1024])
def test_a_validators_day(page, width):
    validator = UserFactory(staff=True, full_name="Vibeke Validator", groups=[staff.VALIDATORS])
    member = UserFactory(language="da")
    actor = ActorFactory(name="Foreningen for Unge")
    MembershipFactory(actor=actor, user=member)
    first = CaseApplicationFactory(
        actor=actor,
        submitted=True,
        title="A very long title of a case that runs in many municipalities and has to wrap "
        "over several lines of the queue without pushing the columns out",
        submitted_at=timezone.now() - timedelta(days=40),
    )
    CaseApplicationFactory.create_batch(
        4, actor=actor, submitted=True, submitted_at=timezone.now() - timedelta(days=2)
    )
    resubmitted = a_resubmitted_case(actor, validator, member)
    log_in(page, validator)
    page.set_viewport_size({"width": width, "height": 900})

    # The queue: every column in view, the overdue case first.
    page.goto(f"{page.base_url}/en{QUEUE}")
    assert nothing_wider_than_its_box(page) == []
    first_row = page.locator("#result_list tbody tr").first
    expect(first_row).to_contain_text("A very long title")
    expect(first_row.locator("td.field-working_days_waiting")).to_contain_text("overdue")
    page.screenshot(path=f"/tmp/staff-queue-{width}.png", full_page=True)

    # A first review, decided in one step from "submitted".
    first_row.get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="The case")).to_be_visible()
    if width >= 1024:
        text = page.locator(".case-review-application").bounding_box()
        scores = page.locator(".case-review-scoring").bounding_box()
        assert scores["x"] > text["x"] + text["width"] - 1, "the scores are beside the text"
    page.get_by_label("Decision:").select_option("validate")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_have_text(
        "The case is validated; the applicant has been told by e-mail in Danish."
    )
    first.refresh_from_db()
    assert first.status == Status.VALIDATED

    # A resubmission: what changed, beside the message that asked, then the decision.
    page.goto(f"{page.base_url}/en/admin/validation/caseapplication/{resubmitted.pk}/change/")
    changes = page.locator(".case-changes")
    expect(changes.locator("ins")).to_have_text(" in Aarhus")
    expect(changes.locator(".case-changes-asked")).to_contain_text("Say where it runs.")
    page.screenshot(path=f"/tmp/staff-review-{width}.png", full_page=True)
    page.get_by_label("Decision:").select_option("validate")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("The case is validated")
    resubmitted.refresh_from_db()
    assert resubmitted.status == Status.VALIDATED


STAFF_PAGES = [
    "/admin/",
    QUEUE,
    "/admin/partners/partnerapplication/",
    "/admin/policy/event/",
    "/admin/policy/registration/",
    "/admin/resources/resource/",
    "/admin/ecosystem/actor/",
    "/admin/funding/fundingopportunity/",
]


@pytest.mark.parametrize("width", [1280, 390])
def test_every_staff_page_passes_wcag_22_aa(page, width):
    admin = UserFactory(staff=True, is_superuser=True)
    actor = ActorFactory(pending=True, submitted_at=timezone.now())
    case = CaseApplicationFactory(actor=actor, submitted=True)
    EventFactory()
    ResourceFactory()
    event = EventFactory()
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="attended")
    RegistrationFactory(event=event, waiting=True)
    log_in(page, admin)
    page.set_viewport_size({"width": width, "height": 900})
    review = f"{QUEUE}{case.pk}/change/"
    check_in = f"/admin/policy/event/{event.pk}/check-in/"
    theme_toggle = page.locator("#user-tools button.theme-toggle")
    for path in [*STAFF_PAGES, review, check_in]:
        page.goto(f"{page.base_url}{path}")
        expect(theme_toggle).to_be_visible()  # checked with Django's theme picker there
        assert_accessible_wcag22(page)
    # Each of the picker's themes (auto, light, dark) passes too, chosen by the picker.
    for path in ["/admin/", QUEUE, review, check_in]:
        page.goto(f"{page.base_url}{path}")
        for _theme in range(2):
            theme_toggle.click()
            # The admin's colours change with a 0.15 s transition: judge the new theme,
            # not a colour on its way there.
            page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
            assert_accessible_wcag22(page)


def test_a_moderator_sees_a_pending_actor_beside_its_duplicate(page):
    from ecosystem.models import Municipality

    odense = Municipality.objects.get(code="461")
    ActorFactory(name="Kantinen på Havnen", municipality=odense, cvr="")
    pending = ActorFactory(
        name="Kantinen på Havnen ApS",
        municipality=odense,
        pending=True,
        submitted_at=timezone.now(),
        cvr="",
    )
    log_in(page, UserFactory(staff=True, groups=[staff.MODERATORS]))
    page.goto(f"{page.base_url}/en/admin/ecosystem/actor/{pending.pk}/change/")
    duplicates = page.get_by_role("region", name="Possible duplicates")
    row = duplicates.get_by_role("row").filter(has_text="Kantinen på Havnen")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("same municipality")
    expect(row.get_by_role("link", name="Kantinen på Havnen")).to_be_visible()
    page.screenshot(path="/tmp/staff-duplicates.png", full_page=True)
