"""The applicant's dashboard: the validator's latest message in full while it is the task,
and none once a later step has made it history."""

import pytest

from validation import services

pytestmark = pytest.mark.django_db


def test_a_request_for_changes_is_shown_in_full_with_the_next_step(
    client, member, make_case, validator
):
    case = make_case(in_review=True)
    long_message = "Add the evidence from the 2023 evaluation. " * 20
    services.transition_case(
        case=case, action="request_changes", by=validator, reason=long_message.strip()
    )
    client.force_login(member)
    body = client.get("/en/cases/mine/").content.decode()
    assert long_message.strip() in body
    assert "Make the changes the validator asks for and send it again." in body


def test_after_publication_the_old_request_for_changes_is_gone(
    client, member, make_case, validator
):
    case = make_case(in_review=True)
    services.transition_case(
        case=case, action="request_changes", by=validator, reason="Add the evidence."
    )
    case.refresh_from_db()
    services.transition_case(case=case, action="resubmit", by=member)
    case.refresh_from_db()
    client.force_login(member)
    body = client.get("/en/cases/mine/").content.decode()
    assert "Add the evidence." not in body, "a request already answered is no task"
    for action in ("resume_review", "validate", "publish_on_sim"):
        case.refresh_from_db()
        services.transition_case(case=case, action=action, by=validator)
    body = client.get("/en/cases/mine/").content.decode()
    assert "Published on Social Innovation Match." in body
    assert "Add the evidence." not in body
    assert "Message from the validator" not in body
    # The history on the application's own page keeps it.
    assert "Add the evidence." in client.get(f"/en/cases/applications/{case.pk}/").content.decode()


def test_a_rejection_shows_its_reasons(client, member, make_case, validator):
    case = make_case(in_review=True)
    services.transition_case(case=case, action="reject", by=validator, reason="Out of scope.")
    client.force_login(member)
    body = client.get("/en/cases/mine/").content.decode()
    assert "Out of scope." in body
    assert "Message from the validator" in body


def test_many_applications_come_in_pages_with_a_fixed_number_of_queries(
    client, member, make_case, django_assert_num_queries
):
    make_case(title="Application 0")
    client.force_login(member)
    client.get("/en/cases/mine/")
    with django_assert_num_queries(5) as one_case:
        client.get("/en/cases/mine/")
    for number in range(1, 25):
        make_case(title=f"Application {number}")
    with django_assert_num_queries(len(one_case)):
        body = client.get("/en/cases/mine/").content.decode()
    assert body.count('class="case-card"') == 20
    assert 'href="?page=2"' in body
    second = client.get("/en/cases/mine/?page=2").content.decode()
    assert second.count('class="case-card"') == 5
    assert client.get("/en/cases/mine/?page=x").status_code == 200  # bad input: page 1
