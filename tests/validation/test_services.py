"""The case workflow and the draft operations, called directly."""

import uuid
from datetime import date

import pytest
from django.core import mail

from ecosystem import staff
from tests.concurrency import decide_at_once
from tests.factories import CaseApplicationFactory, MembershipFactory, UserFactory
from tests.workflow_checks import assert_refused, assert_taken, every_step_from_every_state
from validation import services, workdays
from validation.models import CaseApplication, CaseLogEntry, Status

pytestmark = pytest.mark.django_db

ALL_STATES = list(Status.values)


# --- Every allowed and every forbidden transition -------------------------------------------

TRANSITIONS = every_step_from_every_state(services.TRANSITIONS, ALL_STATES)


@pytest.mark.parametrize(("action", "state"), TRANSITIONS)
def test_every_transition_from_every_state(
    action, state, member, validator, make_case, django_capture_on_commit_callbacks
):
    transition = services.TRANSITIONS[action]
    case = make_case(status=state)
    by = member if transition.by == "member" else validator
    reason = "Please add evidence." if transition.needs_reason else ""

    if state in transition.sources:
        with django_capture_on_commit_callbacks(execute=True):
            services.transition_case(case=case, action=action, by=by, reason=reason, language="en")
        assert_taken(case, transition, by, state, reason)
        expected_to = validator.email if transition.notify == "validators" else member.email
        # The review started with a decision mails nothing: the decision's mail tells.
        assert [m.to for m in mail.outbox] == ([[expected_to]] if transition.mail else [])
    else:
        with pytest.raises(services.CaseError) as error:
            services.transition_case(case=case, action=action, by=by, reason=reason, language="en")
        assert case.title in str(error.value.message)
        assert_refused(case, state)


@pytest.mark.parametrize("action", list(services.TRANSITIONS))
def test_every_transition_is_refused_to_the_wrong_role(
    action, member, validator, stranger, make_case
):
    transition = services.TRANSITIONS[action]
    case = make_case(status=transition.sources[0])
    wrong = [stranger, validator] if transition.by == "member" else [member, stranger]
    for user in wrong:
        with pytest.raises(services.CaseError):
            services.transition_case(case=case, action=action, by=user, reason="x")
    case.refresh_from_db()
    assert case.status == transition.sources[0]


def test_an_unknown_step_is_refused(member, make_case):
    with pytest.raises(services.CaseError):
        services.transition_case(case=make_case(), action="approve", by=member)


def test_validation_gives_the_case_a_readable_slug(validator, make_case):
    case = make_case(in_review=True, slug="draft-abc", title="Job bridges")
    services.transition_case(case=case, action="validate", by=validator)
    assert case.slug == "job-bridges"


@pytest.mark.django_db(transaction=True)
def test_two_validators_deciding_at_once_give_one_decision():
    """The row lock: validate and reject race on separate connections; one wins."""
    from ecosystem import staff

    member = UserFactory(email="member@example.dk")
    case = CaseApplicationFactory(in_review=True)
    MembershipFactory(actor=case.actor, user=member)
    first = UserFactory(email="v1@example.dk", staff=True, groups=[staff.VALIDATORS])
    second = UserFactory(email="v2@example.dk", staff=True, groups=[staff.VALIDATORS])

    def decide(action, by):
        case_now = CaseApplication.objects.get(pk=case.pk)
        services.transition_case(case=case_now, action=action, by=by, reason="No.")

    decisions = {"validate": first, "reject": second}
    taken = decide_at_once(decide, decisions, refused=services.CaseError)
    assert len(taken) == 1
    decisions = CaseLogEntry.objects.filter(
        case=case, action__in=[CaseLogEntry.Action.VALIDATED, CaseLogEntry.Action.REJECTED]
    )
    assert decisions.count() == 1


# --- Drafts ---------------------------------------------------------------------------------


def test_two_members_saving_the_same_draft_are_both_told(member, lead, make_case):
    """The first save wins and is logged; the second, based on the same version, is told
    who saved, and nothing of it is written."""
    colleague = MembershipFactory(actor=lead).user
    case = make_case()
    services.save_draft(case=case, by=member, version=1, values={"title": "Mine"})
    with pytest.raises(services.EditConflict) as error:
        services.save_draft(
            case=CaseApplication.objects.get(pk=case.pk),
            by=colleague,
            version=1,
            values={"title": "Theirs"},
        )
    assert error.value.by == member
    assert error.value.current.version == 2
    case.refresh_from_db()
    assert (case.title, case.version) == ("Mine", 2)
    # Told, the second member may save again on the current version.
    services.save_draft(case=case, by=colleague, version=2, values={"title": "Theirs"})
    case.refresh_from_db()
    assert (case.title, case.version) == ("Theirs", 3)


def test_editing_after_submitting_is_refused_until_changes_are_requested(
    member, validator, make_case
):
    case = make_case(submitted=True)
    with pytest.raises(services.CaseError):
        services.save_draft(case=case, by=member, version=case.version, values={"title": "X"})
    case.status = Status.CHANGES_REQUESTED
    case.save()
    services.save_draft(case=case, by=member, version=case.version, values={"title": "X"})
    assert CaseApplication.objects.get(pk=case.pk).title == "X"


def test_submitting_with_english_fields_missing_keeps_the_draft(member, make_case):
    case = make_case(problem="", summary="")
    assert [name for name, _label in services.missing_fields(case)] == ["summary", "problem"]
    with pytest.raises(services.CaseError):
        services.submit_application(case=case, by=member, language="en")
    case.refresh_from_db()
    assert case.status == Status.DRAFT


def test_a_double_submitted_new_application_creates_one(member, lead):
    token = uuid.uuid4()
    first = services.create_application(actor=lead, by=member, token=token, values={"title": "A"})
    second = services.create_application(actor=lead, by=member, token=token, values={"title": "A"})
    assert first.pk == second.pk
    assert CaseApplication.objects.count() == 1


def test_nobody_applies_for_an_organisation_they_are_not_a_member_of(stranger, lead):
    with pytest.raises(services.CaseError):
        services.create_application(actor=lead, by=stranger, token=uuid.uuid4(), values={})


# --- Working days, mail, assignment ----------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Easter 2025: Maundy Thursday 17 April to Easter Monday 21 April are holidays.
        (date(2025, 4, 16), date(2025, 4, 22), 1),
        (date(2025, 4, 15), date(2025, 4, 22), 2),
        # Christmas 2025: 24, 25, 26 December and 31 December and 1 January are off.
        (date(2025, 12, 23), date(2026, 1, 2), 3),
        (date(2025, 12, 19), date(2025, 12, 29), 3),
        # An ordinary fortnight: ten working days.
        (date(2025, 3, 7), date(2025, 3, 21), 10),
        (date(2025, 3, 7), date(2025, 3, 7), 0),
    ],
)
def test_working_days_count_danish_holidays(start, end, expected):
    assert workdays.working_days_between(start, end) == expected
    if expected:
        assert workdays.working_days_between(workdays.working_days_before(end, expected), end) == (
            expected
        )


def test_mail_is_sent_after_commit_in_each_recipients_language(
    member, lead, validator, make_case, django_capture_on_commit_callbacks
):
    member.language = "da"
    member.save()
    colleague = MembershipFactory(actor=lead, user=UserFactory(language="en")).user
    case = make_case(in_review=True)
    with django_capture_on_commit_callbacks() as callbacks:
        services.transition_case(
            case=case, action="request_changes", by=validator, reason="Add evidence.", language="en"
        )
        assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Add evidence." in by_address[member.email].body
    # danish's wording: the validator "beder om rettelser" (asks for corrections).
    assert by_address[member.email].subject.startswith(
        "Validatoren beder om rettelser i din ansøgning"
    )
    assert "Changes requested" in by_address[colleague.email].subject


def test_assigning_a_validator_tells_them(validator, make_case, django_capture_on_commit_callbacks):
    case = make_case(submitted=True)
    colleague = UserFactory(email="colleague@example.dk", staff=True, groups=[staff.VALIDATORS])
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_validator(case=case, validator=validator, by=colleague, language="en")
    assert case.assigned_to == validator
    assert [m.to for m in mail.outbox] == [[validator.email]]
    assert case.log_entries.get().action == CaseLogEntry.Action.ASSIGNED


def test_the_publication_on_sim_records_the_link_and_date(validator, make_case):
    case = make_case(validated=True)
    services.record_sim_publication(
        case=case, by=validator, sim_url="https://sim.example/case/7", published_on=date(2025, 5, 2)
    )
    case.refresh_from_db()
    assert (case.status, case.sim_url, case.sim_published_on) == (
        Status.PUBLISHED,
        "https://sim.example/case/7",
        date(2025, 5, 2),
    )


# --- Finding partners -------------------------------------------------------------------------


def test_the_interest_relay_never_reveals_an_address(
    stranger, make_case, django_capture_on_commit_callbacks
):
    case = make_case(validated=True, seeks_partners=True, contact_email="contact@lead.dk")
    with django_capture_on_commit_callbacks(execute=True):
        interest = services.express_interest(
            case=case,
            by=stranger,
            actor=stranger.actors.first(),
            message="We run the same in Malmö.",
            language="en",
        )
    to_contact, to_sender = mail.outbox
    assert to_contact.to == ["contact@lead.dk"]
    assert stranger.email not in to_contact.body + to_contact.subject + str(to_contact.reply_to)
    assert "contact@lead.dk" not in to_sender.body
    assert "We run the same in Malmö." in to_contact.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_interest(interest=interest, answer="Let us talk.")
    (answer,) = mail.outbox
    assert answer.to == [stranger.email]
    assert "contact@lead.dk" in answer.body  # revealed only by the contact's own answer


def test_interest_messages_are_limited_per_sender_per_day(stranger, make_case):
    case = make_case(validated=True, seeks_partners=True)
    for _ in range(services.INTEREST_MESSAGES_PER_DAY):
        services.express_interest(
            case=case, by=stranger, actor=stranger.actors.first(), message="Hi", language="en"
        )
    with pytest.raises(services.CaseError):
        services.express_interest(
            case=case, by=stranger, actor=stranger.actors.first(), message="Hi", language="en"
        )


def test_the_member_who_sends_an_application_gets_a_receipt(
    member, make_case, validator, django_capture_on_commit_callbacks
):
    from django.core import mail

    from validation import services as case_services

    case = make_case()
    with django_capture_on_commit_callbacks(execute=True):
        case_services.submit_application(case=case, by=member, language="en")
    receipts = [m for m in mail.outbox if m.to == [member.email]]
    assert len(receipts) == 1
    assert receipts[0].subject == f"We have received your EU case application: {case.title}"
    assert f"/en/cases/applications/{case.pk}/" in receipts[0].body
    assert [m.to for m in mail.outbox if m.to != [member.email]] == [[validator.email]]
