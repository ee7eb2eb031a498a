"""The applicant's journey through the views: nothing typed is ever lost."""

import pytest
from django.core import mail

from validation.models import CaseApplication, Status

pytestmark = pytest.mark.django_db


def form_data(case, **changes):
    data = {
        "version": str(case.version),
        "title": case.title,
        "summary": case.summary,
        "problem": case.problem,
        "solution": case.solution,
        "results": case.results,
        "lessons": case.lessons,
        "countries": case.countries,
        "level": case.level,
        "themes": [t.pk for t in case.themes.all()],
        "stage": case.stage,
        "start_year": str(case.start_year),
        "contact_name": case.contact_name,
        "contact_email": case.contact_email,
        "consent_portal": "on",
        "consent_sim": "on",
    }
    data.update(changes)
    return data


def test_a_new_draft_is_saved_once_even_if_sent_twice(client, member, lead):
    client.force_login(member)
    page = client.get("/en/cases/new/")
    token = page.context["form"].initial["token"]
    data = {"actor": lead.pk, "token": str(token), "title": "Half done"}
    first = client.post("/en/cases/new/", data)
    second = client.post("/en/cases/new/", data)
    assert first.status_code == second.status_code == 302
    assert CaseApplication.objects.filter(title="Half done").count() == 1


def test_an_error_keeps_everything_typed(client, member, make_case):
    case = make_case()
    client.force_login(member)
    response = client.post(
        f"/en/cases/applications/{case.pk}/edit/",
        form_data(case, title="New title", start_year="12", problem="Typed problem"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "New title" in body and "Typed problem" in body
    assert "There is a problem" in body
    case.refresh_from_db()
    assert case.title != "New title"


def test_submitting_with_missing_english_lists_what_is_missing(client, member, make_case):
    case = make_case()
    client.force_login(member)
    response = client.post(
        f"/en/cases/applications/{case.pk}/edit/", form_data(case, problem="", submit="")
    )
    assert response.status_code == 200
    assert "The problem addressed, in English" in response.content.decode()
    assert 'href="#id_problem"' in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.DRAFT and case.problem == ""  # the draft is kept, saved


def test_after_a_refused_submit_the_next_save_is_no_conflict(client, member, make_case):
    case = make_case()
    client.force_login(member)
    url = f"/en/cases/applications/{case.pk}/edit/"
    refused = client.post(url, form_data(case, title="", submit=""))
    assert refused.status_code == 200
    case.refresh_from_db()
    assert refused.context["form"]["version"].value() == case.version
    saved = client.post(url, form_data(case, title="Back again"))
    assert saved.status_code == 302
    case.refresh_from_db()
    assert case.title == "Back again"


def test_a_complete_draft_is_submitted_and_the_validators_told(
    client, member, make_case, validator, django_capture_on_commit_callbacks
):
    case = make_case()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/cases/applications/{case.pk}/edit/", form_data(case, submit="")
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    # The validators are told, and (journeys) the member who sent it gets a receipt.
    assert sorted(m.to for m in mail.outbox) == sorted([[validator.email], [member.email]])


def test_the_second_of_two_editors_is_told_and_keeps_their_text(client, member, lead, make_case):
    from tests.factories import MembershipFactory

    colleague = MembershipFactory(actor=lead).user
    case = make_case()
    client.force_login(member)
    client.post(f"/en/cases/applications/{case.pk}/edit/", form_data(case, title="Mine"))
    client.force_login(colleague)
    response = client.post(
        f"/en/cases/applications/{case.pk}/edit/", form_data(case, title="Theirs")
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else saved" in body and "Theirs" in body
    assert CaseApplication.objects.get(pk=case.pk).title == "Mine"
    # Saving again from the page (which now carries the current version) goes through.
    response = client.post(
        f"/en/cases/applications/{case.pk}/edit/",
        form_data(case, title="Theirs", version=response.context["form"].data["version"]),
    )
    assert response.status_code == 302
    assert CaseApplication.objects.get(pk=case.pk).title == "Theirs"


def test_what_was_posted_after_the_session_expired_comes_back_after_log_in(
    client, member, make_case
):
    case = make_case()
    url = f"/en/cases/applications/{case.pk}/edit/"
    response = client.post(url, form_data(case, title="Typed while logged out"))
    assert response.status_code == 302 and "login" in response["Location"]
    session_data = dict(client.session)
    client.force_login(member)
    session = client.session
    session.update(session_data)
    session.save()
    body = client.get(url).content.decode()
    assert "Typed while logged out" in body
    assert CaseApplication.objects.get(pk=case.pk).title != "Typed while logged out"


def test_editing_after_submitting_is_refused_with_a_message(client, member, make_case):
    case = make_case(submitted=True)
    client.force_login(member)
    response = client.post(
        f"/en/cases/applications/{case.pk}/edit/", form_data(case, title="X"), follow=True
    )
    assert "cannot be edited while it is submitted" in response.content.decode()
    assert CaseApplication.objects.get(pk=case.pk).title != "X"


def test_the_dashboard_shows_messages_and_never_the_scores(client, member, make_case, validator):
    from validation import services
    from validation.models import CaseReview

    case = make_case(in_review=True)
    CaseReview.objects.create(case=case, scope_score=2, scope_comment="Internal: weak scope")
    services.transition_case(
        case=case, action="request_changes", by=validator, reason="Add the evidence."
    )
    client.force_login(member)
    for url in ("/en/cases/mine/", f"/en/cases/applications/{case.pk}/"):
        body = client.get(url).content.decode()
        assert "Add the evidence." in body
        assert "Internal: weak scope" not in body
