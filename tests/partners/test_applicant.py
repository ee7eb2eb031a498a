"""The owner's pages: apply, save a draft, send, edit after a return, withdraw; bad input
gives form errors in the visitor's language and keeps what was typed."""

import html
import re

import pytest
from django.core import mail

from ecosystem.models import Actor
from partners.models import PartnerApplication, Status, Tier

pytestmark = pytest.mark.django_db

GOOD = {
    "tier": Tier.SUPPORTING,
    "fee_dkk": "25.000",
    "in_kind": "",
    "other_contribution": "",
    "motivation": "Vi vil bære centret videre efter 2027.",
}


def test_an_owner_applies_and_the_staff_are_told(
    client, owner, actor, partner_staff, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/partners/apply/", {**GOOD, "actor": actor.pk, "submit": ""})
    application = PartnerApplication.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/partners/applications/{application.pk}/"
    assert (application.status, application.fee_dkk, application.applicant) == (
        Status.SUBMITTED,
        25_000,
        owner,
    )
    assert [m.to for m in mail.outbox] == [[partner_staff.email]]
    page = client.get(response.url).content.decode()
    assert "Submitted" in page


def test_a_draft_is_saved_then_sent(client, owner, actor):
    client.force_login(owner)
    client.post("/en/partners/apply/", {**GOOD, "actor": actor.pk, "save": ""})
    application = PartnerApplication.objects.get()
    assert application.status == Status.DRAFT
    response = client.post(
        f"/en/partners/applications/{application.pk}/edit/",
        {**GOOD, "fee_dkk": "30 000", "submit": ""},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.fee_dkk) == (Status.SUBMITTED, 30_000)


def test_a_returned_application_shows_the_message_and_can_be_sent_again(
    client, owner, make_application
):
    application = make_application(status=Status.RETURNED, decision_reason="Tilføj et bidrag.")
    client.force_login(owner)
    assert (
        "Tilføj et bidrag."
        in client.get(f"/partnere/applications/{application.pk}/edit/").content.decode()
    )
    client.post(f"/en/partners/applications/{application.pk}/edit/", {**GOOD, "submit": ""})
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.decision_reason == ""


def test_withdraw(client, owner, make_application):
    application = make_application(status=Status.SUBMITTED)
    client.force_login(owner)
    client.post(f"/en/partners/applications/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"fee_dkk": "-5"}, "fee_dkk", "greater than or equal to 0"),
        ({"fee_dkk": "9" * 40}, "fee_dkk", "less than or equal to 10000000"),
        ({"fee_dkk": "1e400"}, "fee_dkk", "Enter a whole number"),
        ({"fee_dkk": "mange penge"}, "fee_dkk", "Enter a whole number"),
        ({"tier": "platinum"}, "tier", "Select a valid choice"),
        ({"motivation": ""}, "motivation", "This field is required"),
        ({"motivation": "x" * 3001}, "motivation", "at most 3000 characters"),
        ({"in_kind": "a\x00b"}, "in_kind", ""),
        (
            {"fee_dkk": "", "in_kind": "", "other_contribution": ""},
            None,
            "at least one contribution",
        ),
    ],
)
def test_bad_input_gives_form_errors_not_500(client, owner, actor, changes, field, message):
    client.force_login(owner)
    data = {**GOOD, "actor": actor.pk, "submit": "", **changes}
    response = client.post("/en/partners/apply/", data)
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors.get(field or "__all__")
    assert errors, form.errors
    assert message in " ".join(errors)
    assert not PartnerApplication.objects.exists()
    # What was typed comes back.
    typed = re.search(
        r'<textarea name="motivation"[^>]*>(.*?)</textarea>', response.content.decode(), re.S
    )
    assert html.unescape(typed.group(1)).strip() == data["motivation"].strip()


def test_errors_are_in_danish_on_the_danish_page(client, owner, actor):
    client.force_login(owner)
    response = client.post("/partnere/apply/", {**GOOD, "actor": actor.pk, "fee_dkk": "-5"})
    assert (
        "Der er et problem" in response.content.decode() or "problem" in response.content.decode()
    )
    assert "større end eller lig 0" in " ".join(response.context["form"].errors["fee_dkk"])


def test_hostile_text_is_shown_as_text(client, owner, make_application):
    application = make_application(
        status=Status.SUBMITTED, motivation="<img src=x onerror=alert(1)>", in_kind="<b>tid</b>"
    )
    client.force_login(owner)
    page = client.get(f"/en/partners/applications/{application.pk}/").content.decode()
    assert "<img src=x" not in page and "<b>tid</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_an_actor_with_an_open_application_is_sent_to_it(client, owner, actor, make_application):
    application = make_application(status=Status.SUBMITTED)
    client.force_login(owner)
    response = client.post("/en/partners/apply/", {**GOOD, "actor": actor.pk, "submit": ""})
    assert response.url == f"/en/partners/applications/{application.pk}/"
    assert PartnerApplication.objects.count() == 1


def test_an_editor_cannot_apply_for_the_organisation(client, editor, actor):
    client.force_login(editor)
    response = client.post("/en/partners/apply/", {**GOOD, "actor": actor.pk, "submit": ""})
    assert response.status_code == 302
    assert not PartnerApplication.objects.exists()


def test_an_owner_cannot_apply_for_another_organisation(client, owner, actor, stranger):
    other = Actor.objects.get(name="Naboen")
    client.force_login(owner)
    response = client.post("/en/partners/apply/", {**GOOD, "actor": other.pk, "submit": ""})
    assert response.status_code == 200
    assert "actor" in response.context["form"].errors
    assert not PartnerApplication.objects.exists()


def test_the_account_page_lists_the_organisations_applications(client, owner, make_application):
    make_application(status=Status.SUBMITTED)
    client.force_login(owner)
    page = client.get("/en/accounts/profile/").content.decode()
    assert "Partner applications" in page and "Ungdomsbroen: Supporting partner" in page


def test_the_personal_data_download_holds_the_applications_made(client, owner, actor):
    client.force_login(owner)
    client.post("/en/partners/apply/", {**GOOD, "actor": actor.pk, "save": ""})
    data = client.get("/en/accounts/profile/data/").json()
    (application,) = data["partners"]["applications"]
    assert (application["organisation"], application["tier"]) == ("Ungdomsbroen", "supporting")
