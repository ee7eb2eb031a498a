"""Query budgets of the validators' pages: the queue and the review screen cost the same
number of queries with 10 cases as with 500."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from validation import review
from validation.models import CaseApplication, CaseLogEntry, CaseSubmission, Status

pytestmark = pytest.mark.django_db

# The role gates ask once per admin model in the menu (helper "shapes" makes them one gate);
# what matters here is that the count does not grow with the cases.
QUEUE_QUERIES = 30
REVIEW_QUERIES = 34


def many_cases(actor, validator, count: int) -> CaseApplication:
    now = timezone.now()
    cases = CaseApplication.objects.bulk_create(
        CaseApplication(
            actor=actor,
            creation_token=uuid.uuid4(),
            slug=f"case-{n}",
            title=f"Case {n}",
            summary="Young people meet mentors.",
            status=Status.SUBMITTED if n % 3 else Status.RESUBMITTED,
            submitted_at=now - timedelta(days=n % 40),
            assigned_to=validator if n % 2 else None,
            countries=["DK", "SE"],
        )
        for n in range(count)
    )
    resubmitted = next(case for case in cases if case.status == Status.RESUBMITTED)
    for number in (1, 2):
        CaseSubmission.objects.create(
            case=resubmitted,
            number=number,
            submitted_at=now,
            data={**review.snapshot_of(resubmitted), "summary": f"Version {number}"},
        )
    CaseLogEntry.objects.create(
        case=resubmitted, user=validator, action=CaseLogEntry.Action.CHANGES_REQUESTED, note="Hi"
    )
    return resubmitted


@pytest.mark.parametrize("count", [10, 500])
def test_the_queue_and_the_review_screen_keep_their_budget(
    client, validator, lead, count, django_assert_max_num_queries
):
    resubmitted = many_cases(lead, validator, count)
    client.force_login(validator)
    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get("/en/admin/validation/caseapplication/")
    assert response.status_code == 200
    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get("/en/admin/validation/caseapplication/?waiting=overdue")
    assert response.status_code == 200
    with django_assert_max_num_queries(REVIEW_QUERIES):
        response = client.get(f"/en/admin/validation/caseapplication/{resubmitted.pk}/change/")
    assert "Version <del>1</del><ins>2</ins>" in response.content.decode()
