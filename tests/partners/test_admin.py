"""Staff decide in the admin: the buttons run the workflow (checked, logged, mailed), a
rejection asks for its reason first, and the list shows the renewals due."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from ecosystem.models import Partnership
from ecosystem.permissions import is_partner
from partners.models import Status

pytestmark = pytest.mark.django_db

LIST = "/en/admin/partners/partnerapplication/"


def test_approve_from_the_list(
    client, owner, partner_staff, make_application, django_capture_on_commit_callbacks
):
    application = make_application(status=Status.SUBMITTED)
    client.force_login(partner_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            LIST, {"action": "approve", "_selected_action": [application.pk]}, follow=True
        )
    assert "1 application was approved" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert is_partner(owner)
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert application.log_entries.get().user == partner_staff


def test_reject_asks_for_the_reason_then_sends_it(
    client, owner, partner_staff, make_application, django_capture_on_commit_callbacks
):
    application = make_application(status=Status.SUBMITTED)
    client.force_login(partner_staff)
    data = {"action": "reject", "_selected_action": [application.pk]}
    page = client.post(LIST, data)
    assert page.status_code == 200 and "Message to the organisation" in page.content.decode()
    # The page's form posts the same action again, for the same application.
    assert f'name="_selected_action" value="{application.pk}"' in page.content.decode()
    assert 'name="action" value="reject"' in page.content.decode()
    assert application.actor.name in page.content.decode()
    empty = client.post(LIST, {**data, "apply": "1", "reason": "  "})
    assert empty.status_code == 200
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(LIST, {**data, "apply": "1", "reason": "<b>Ikke i år</b>"})
    application.refresh_from_db()
    assert (application.status, application.decision_reason) == (
        Status.REJECTED,
        "<b>Ikke i år</b>",
    )
    (rejection,) = mail.outbox
    assert "<b>Ikke i år</b>" in rejection.body  # plain text; the HTML part escapes it
    assert "&lt;b&gt;" in rejection.alternatives[0][0]


def test_a_decision_on_a_decided_application_is_refused_with_a_message(
    client, partner_staff, make_application
):
    application = make_application(approved=True)
    client.force_login(partner_staff)
    response = client.post(
        LIST, {"action": "approve", "_selected_action": [application.pk]}, follow=True
    )
    assert "only a submitted application can be approved" in response.content.decode()
    assert Partnership.objects.count() == 1


def test_the_renewal_filter_lists_terms_ending_within_60_days(
    client, partner_staff, make_application
):
    from tests.factories import ActorFactory

    soon = make_application(approved=True)
    later = make_application(actor=ActorFactory(name="Senere"), approved=True)
    today = timezone.localdate()
    Partnership.objects.filter(pk=soon.partnership_id).update(
        ends_on=today + datetime.timedelta(days=45)
    )
    Partnership.objects.filter(pk=later.partnership_id).update(
        ends_on=today + datetime.timedelta(days=200)
    )
    client.force_login(partner_staff)
    page = client.get(LIST + "?renewal=due").content.decode()
    assert "Ungdomsbroen" in page and "Senere" not in page
    assert "due in 45 days" in page


def test_drafts_stay_with_the_organisation(client, partner_staff, make_application):
    draft = make_application(status=Status.DRAFT)
    client.force_login(partner_staff)
    assert "Ungdomsbroen" not in client.get(LIST).content.decode()
    assert client.get(f"{LIST}{draft.pk}/change/").status_code == 302  # "does not exist"
