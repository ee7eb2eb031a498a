"""The validators' admin: the queue, the whole application beside the review, decisions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from validation.models import CaseLogEntry, Status

pytestmark = pytest.mark.django_db


def test_the_queue_flags_overdue_cases_and_hides_drafts(client, validator, make_case):
    make_case(title="A draft")
    make_case(submitted=True, title="Old one", submitted_at=timezone.now() - timedelta(days=40))
    make_case(submitted=True, title="New one")
    client.force_login(validator)
    body = client.get("/en/admin/validation/caseapplication/").content.decode()
    assert "Old one" in body and "New one" in body and "A draft" not in body
    assert "overdue" in body
    overdue = client.get("/en/admin/validation/caseapplication/?waiting=overdue").content.decode()
    assert "Old one" in overdue and "New one" not in overdue


def test_the_change_page_shows_the_whole_application(client, validator, make_case):
    case = make_case(in_review=True, problem="Young people far from jobs")
    client.force_login(validator)
    body = client.get(f"/en/admin/validation/caseapplication/{case.pk}/change/").content.decode()
    assert "Young people far from jobs" in body
    assert case.contact_email in body
    assert "scope of the problem addressed" in body.lower()


def admin_post(client, case, **data):
    base = {
        "review-TOTAL_FORMS": "0",
        "review-INITIAL_FORMS": "0",
        "review-MIN_NUM_FORMS": "0",
        "review-MAX_NUM_FORMS": "1",
        "log_entries-TOTAL_FORMS": "0",
        "log_entries-INITIAL_FORMS": "0",
        "log_entries-MIN_NUM_FORMS": "0",
        "log_entries-MAX_NUM_FORMS": "1000",
    }
    return client.post(f"/en/admin/validation/caseapplication/{case.pk}/change/", {**base, **data})


def test_a_validator_requests_changes_with_a_message(
    client, validator, member, make_case, django_capture_on_commit_callbacks
):
    case = make_case(in_review=True)
    client.force_login(validator)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_post(client, case, decision="request_changes", message="Add evidence.")
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.status == Status.CHANGES_REQUESTED
    entry = case.log_entries.get(action=CaseLogEntry.Action.CHANGES_REQUESTED)
    assert (entry.user, entry.note) == (validator, "Add evidence.")
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_requesting_changes_without_a_message_is_refused(client, validator, make_case):
    case = make_case(in_review=True)
    client.force_login(validator)
    response = admin_post(client, case, decision="request_changes", message="")
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW


def test_a_step_not_allowed_from_the_state_is_not_offered(client, validator, make_case):
    case = make_case(submitted=True)
    client.force_login(validator)
    response = admin_post(client, case, decision="publish_on_sim")
    assert response.status_code == 200  # only a validated case can be published on SIM
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
