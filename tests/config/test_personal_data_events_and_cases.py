"""The person's event registrations and case applications: on the account page next to
their organisations, in their data export (theirs only), and on deletion registrations
anonymised (the counts stay) and applications kept for the organisation without the
person's name in their history."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ecosystem.models import Membership
from policy.models import EventLogEntry, Registration
from tests.config.personal_data import ACCOUNT_URL, DATA_URL, DELETE_URL, two_people
from tests.factories import (
    PASSWORD,
    CaseApplicationFactory,
    EventFactory,
    RegistrationFactory,
    UserFactory,
)
from validation.models import CaseApplication, CaseLogEntry, InterestMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    people = two_people(Membership.Role.EDITOR)
    person, other = people["person"], people["other"]
    shared, elsewhere = people["shared"], people["elsewhere"]

    upcoming = EventFactory(title_da="Rundbord i Aarhus", title_en="Roundtable in Aarhus")
    past = EventFactory(
        title_da="Sidste års konference",
        title_en="Last year's conference",
        start=timezone.now() - timedelta(days=30),
        end=timezone.now() - timedelta(days=30) + timedelta(hours=3),
    )
    mine = RegistrationFactory(
        event=upcoming,
        user=person,
        name="Karen Jensen",
        email="karen@example.dk",
        dietary_needs="Vegetar",
        is_decision_maker=True,
        decision_level="municipal",
    )
    RegistrationFactory(
        event=past, user=None, name="Karen J.", email="KAREN@example.dk", status="attended"
    )
    RegistrationFactory(event=upcoming, user=other, name="Ole Olsen", email="ole@example.dk")

    case = CaseApplicationFactory(
        actor=shared,
        created_by=person,
        title="Jobbroer for unge",
        contact_name="Karen Jensen",
        contact_email="karen@example.dk",
        submitted=True,
    )
    CaseLogEntry.objects.create(case=case, user=person, action="submitted", note="Sendt")
    CaseApplicationFactory(actor=elsewhere, created_by=other, title="Oles ansøgning")
    validated = CaseApplicationFactory(actor=elsewhere, validated=True, title="Oles case")
    InterestMessage.objects.create(
        case=validated, sender=person, sender_actor=shared, message="Vi vil gerne høre mere"
    )
    return {"person": person, "other": other, "shared": shared, "mine": mine, "case": case}


def test_the_account_page_shows_my_events_and_applications_next_to_my_organisations(client, world):
    client.force_login(world["person"])
    html = client.get(ACCOUNT_URL).content.decode()
    for heading in ("Mine organisationer", "Mine arrangementer", "Mine ansøgninger om EU-cases"):
        assert heading in html
    assert "Rundbord i Aarhus" in html and "Sidste års konference" in html
    assert "Jobbroer for unge" in html
    assert "Oles ansøgning" not in html
    assert html.index("Mine organisationer") < html.index("Mine ansøgninger om EU-cases")


def test_someone_without_an_organisation_sees_no_applications_section(client):
    client.force_login(UserFactory())
    html = client.get(ACCOUNT_URL).content.decode()
    assert "Mine ansøgninger om EU-cases" not in html
    assert "Du har ikke tilmeldt dig et arrangement endnu." in html


def test_the_export_holds_my_registrations_and_applications_and_no_one_elses(client, world):
    client.force_login(world["person"])
    data = json.loads(client.get(DATA_URL).content)
    registrations = data["event_registrations"]
    assert sorted(r["event"] for r in registrations) == [
        "Rundbord i Aarhus",
        "Sidste års konference",
    ]
    assert {r["email"].lower() for r in registrations} == {"karen@example.dk"}
    needs = {r["event"]: r["dietary_needs"] for r in registrations}
    assert needs == {"Rundbord i Aarhus": "Vegetar", "Sidste års konference": ""}
    cases = data["case_applications"]
    assert [c["title"] for c in cases["applications"]] == ["Jobbroer for unge"]
    assert [s["note"] for s in cases["steps_taken"]] == ["Sendt"]
    assert [m["message"] for m in cases["expressions_of_interest"]] == ["Vi vil gerne høre mere"]
    text = json.dumps(data, ensure_ascii=False)
    assert "Ole" not in text.replace("Oles case", "")


def test_deleting_the_account_anonymises_registrations_and_keeps_the_application(
    client, world, django_capture_on_commit_callbacks
):
    person, mine, case = world["person"], world["mine"], world["case"]
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE_URL, {"password": PASSWORD})
    assert response.status_code == 302
    # Registrations: kept for the counts, nothing personal left.
    rows = Registration.objects.filter(pk__in=[mine.pk]) | Registration.objects.filter(
        event__title_da="Sidste års konference"
    )
    assert rows.count() == 2
    for row in rows:
        assert row.user is None and row.name == "" and row.dietary_needs == ""
        assert "karen" not in row.email.lower()
        assert row.anonymised_at is not None
    # The upcoming one was cancelled first, so its seat is free again.
    mine.refresh_from_db()
    assert mine.status == "cancelled"
    assert mine.is_decision_maker and mine.decision_level == "municipal"
    # Ole's registration is untouched.
    assert Registration.objects.get(email="ole@example.dk").name == "Ole Olsen"
    assert not EventLogEntry.objects.filter(user__email="karen@example.dk").exists()
    # The application stays with the organisation, without her name in its history.
    case.refresh_from_db()
    assert case.actor == world["shared"] and case.status == "submitted"
    assert case.created_by is None
    entry = CaseLogEntry.objects.get(case=case, note="Sendt")
    assert entry.user is None
    assert not CaseApplication.objects.filter(created_by__email="karen@example.dk").exists()
    assert not InterestMessage.objects.filter(message="Vi vil gerne høre mere").exists()
    assert [m.to for m in mail.outbox if "karen" not in m.to[0]] == []  # no one else is told
