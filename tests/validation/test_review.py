"""The validator's review screen: one step from "submitted" to a decision, what changed
on a resubmission, messages that say what happened, and one decision when two
validators decide at once."""

import html
import re
import threading

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import translation

from ecosystem import staff
from tests.factories import UserFactory
from tests.validation.test_admin import admin_post
from validation import services
from validation.models import CaseLogEntry, Status
from validation.review import word_diff

pytestmark = pytest.mark.django_db

CHANGE_URL = "/en/admin/validation/caseapplication/{}/change/"


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_a_first_review_is_decided_in_one_step(
    client, validator, member, make_case, django_capture_on_commit_callbacks
):
    member.language = "da"  # the applicant chose Danish; the validator works in English
    member.save(update_fields=["language"])
    case = make_case(submitted=True)
    client.force_login(validator)
    page = client.get(CHANGE_URL.format(case.pk)).content.decode()
    assert '<option value="validate">Validate</option>' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_post(client, case, decision="validate", _continue="1")
    case.refresh_from_db()
    assert case.status == Status.VALIDATED
    actions = list(case.log_entries.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == [CaseLogEntry.Action.REVIEW_STARTED, CaseLogEntry.Action.VALIDATED]
    # One mail, the decision's: the review's start tells the applicant nothing of its own.
    assert [m.to for m in mail.outbox] == [[member.email]]
    shown = messages_of(client.get(response["Location"]))
    assert shown == ["The case is validated; the applicant has been told by e-mail in Danish."]
    assert list(LogEntry.objects.values_list("change_message", flat=True)) == [shown[0]]


def test_rejecting_needs_a_message_also_from_submitted(client, validator, make_case):
    case = make_case(submitted=True)
    client.force_login(validator)
    response = admin_post(client, case, decision="reject", message=" ")
    assert response.status_code == 200
    assert "Write a message" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_assigning_yourself_sends_no_mail(
    client, validator, make_case, django_capture_on_commit_callbacks
):
    case = make_case(submitted=True)
    client.force_login(validator)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_post(client, case, assign_to=str(validator.pk))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.assigned_to == validator
    assert mail.outbox == []
    shown = messages_of(client.get(CHANGE_URL.format(case.pk)))
    assert "The application is assigned to you; nobody was mailed." in shown


def test_a_resubmission_shows_what_changed_beside_the_message_that_asked(
    client, validator, member, make_case
):
    case = make_case(in_review=True, summary="Young people meet mentors.", countries=["DK"])
    case.submissions.all().delete()
    # The first submission's snapshot, then changes asked, edited and sent again.
    from validation import review
    from validation.models import CaseSubmission

    CaseSubmission.objects.create(
        case=case, number=1, submitted_at=case.submitted_at, data=review.snapshot_of(case)
    )
    services.transition_case(
        case=case, action="request_changes", by=validator, reason="Say where it runs."
    )
    case.summary = "Young people meet mentors in Aarhus."
    case.countries = ["DK", "SE"]
    case.save()
    services.submit_application(case=case, by=member, language="en")
    assert case.submissions.count() == 2
    client.force_login(validator)
    page = client.get(CHANGE_URL.format(case.pk)).content.decode()
    assert "What changed in submission 2" in page
    assert "mentors<ins> in Aarhus</ins>." in page
    assert "Denmark<ins>, Sweden</ins>" in page  # labels, not codes
    assert "Say where it runs." in page
    assert "Short summary in Danish" in page and "Short summary</h3>" in page


def test_the_review_screen_shows_labels_not_codes(client, validator, make_case):
    case = make_case(
        in_review=True,
        countries=["FI", "SE"],
        level="national",
        funding_sources=["foundation"],
        partner_kinds=["municipality"],
    )
    client.force_login(validator)
    page = client.get(CHANGE_URL.format(case.pk)).content.decode()
    assert "Finland, Sweden" in page
    assert "<dd>National</dd>" in page
    assert "<dd>Foundations</dd>" in page
    assert "FI, SE" not in page and "<dd>foundation</dd>" not in page


def test_word_diff_escapes_and_marks_words():
    assert word_diff("a <b> c", "a <b> d") == "a &lt;b&gt; <del>c</del><ins>d</ins>"


@pytest.mark.django_db(transaction=True)
def test_two_validators_deciding_at_once_leave_one_decision(make_case, member):
    """Each validator posts on a connection of their own (a thread each); the first to
    lock the row decides, the other is told who decided and what, and nothing of theirs
    is written: one decision, one log row, one admin history entry."""
    case = make_case(submitted=True)
    validators = []
    for name in ("First", "Second"):
        user = UserFactory(
            email=f"{name.lower()}@example.dk",
            full_name=f"{name} Validator",
            staff=True,
            groups=[staff.VALIDATORS],
        )
        TOTP.activate(user, generate_totp_secret())
        validators.append(user)
    barrier = threading.Barrier(2)
    results: dict[str, list[str]] = {}

    def decide(user, decision, message):
        client = Client()
        client.force_login(user)
        try:
            barrier.wait()
            response = admin_post(client, case, decision=decision, message=message, _continue="1")
            # The page's HTML, not response.context: the test client collects context through
            # a global signal, which the other thread's request would fill too.
            page = client.get(response["Location"]).content.decode()
            results[user.email] = [
                html.unescape(m) for m in re.findall(r'<li class="[a-z]+">(.*?)</li>', page)
            ]
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(validators[0], "validate", "")),
        threading.Thread(target=decide, args=(validators[1], "reject", "Out of scope.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    case.refresh_from_db()
    assert case.status in (Status.VALIDATED, Status.REJECTED)
    decisions = case.log_entries.filter(
        action__in=[CaseLogEntry.Action.VALIDATED, CaseLogEntry.Action.REJECTED]
    )
    assert decisions.count() == 1
    assert case.log_entries.filter(action=CaseLogEntry.Action.REVIEW_STARTED).count() == 1
    assert LogEntry.objects.count() == 1
    winner = decisions.get().user
    loser = next(v for v in validators if v != winner)
    with translation.override("en"):
        status = case.get_status_display().lower()
    assert results[loser.email] == [
        f"{winner.full_name} decided first: “{case}” is {status}. Your decision was not saved."
    ]
    assert len(results[winner.email]) == 1
    assert "the applicant has been told by e-mail" in results[winner.email][0]
    assert LogEntry.objects.get().user == winner


def test_a_decision_on_a_page_loaded_before_another_validators_decision_is_told_who_won(
    make_case, member
):
    """The second validator loaded the page while the case waited, and sends the decision
    after the first one's has been saved: told who decided and what, nothing saved."""
    case = make_case(submitted=True)
    first, second = (
        UserFactory(full_name=f"{name} Validator", staff_mfa=True, groups=[staff.VALIDATORS])
        for name in ("First", "Second")
    )
    clients = []
    for user in (first, second):
        client = Client()
        client.force_login(user)
        clients.append(client)
    admin_post(clients[0], case, decision="validate", message="", _continue="1")
    response = admin_post(clients[1], case, decision="reject", message="Out of scope.")
    assert response.status_code == 302
    page = html.unescape(clients[1].get(response["Location"]).content.decode())
    assert "First Validator decided first" in page and "Your decision was not saved." in page
    case.refresh_from_db()
    assert case.status == Status.VALIDATED
    assert not case.log_entries.filter(action=CaseLogEntry.Action.REJECTED).exists()
