"""The daily renewal reminder: once per term, to the owners, in their language."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ecosystem.models import Partnership
from partners.models import PartnerLogEntry, Status

from .conftest import PartnerApplicationFactory

pytestmark = pytest.mark.django_db


def _ending_in(application, days: int):
    today = timezone.localdate()
    Partnership.objects.filter(pk=application.partnership_id).update(
        starts_on=today - datetime.timedelta(days=365 - days),
        ends_on=today + datetime.timedelta(days=days),
    )


def test_the_reminder_is_sent_once(
    owner, editor, make_application, django_capture_on_commit_callbacks
):
    application = make_application(approved=True)
    _ending_in(application, 20)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))
        call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))

    (reminder,) = mail.outbox
    assert reminder.to == [owner.email]  # owners only, not the editor
    assert "forny" in reminder.subject.lower()  # the owner chose Danish
    assert "Ungdomsbroen" in reminder.subject
    assert PartnerLogEntry.objects.filter(action=PartnerLogEntry.Action.REMINDED).count() == 1


def test_no_reminder_far_from_the_end_after_it_or_when_renewed(owner, make_application):
    far = make_application(approved=True)
    _ending_in(far, 90)
    call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))
    assert mail.outbox == []

    # Renewed: a later term already follows this one.
    _ending_in(far, 10)
    Partnership.objects.create(
        actor=far.actor,
        starts_on=far.partnership.__class__.objects.get(pk=far.partnership_id).ends_on
        + datetime.timedelta(days=1),
    )
    call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))
    assert mail.outbox == []


def test_a_moved_end_date_is_reminded_again(
    owner, make_application, django_capture_on_commit_callbacks
):
    application = make_application(approved=True)
    _ending_in(application, 20)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))
    _ending_in(application, 25)  # staff moved the end date
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2


def test_the_reminder_is_in_english_for_an_english_owner(
    owner, make_application, django_capture_on_commit_callbacks
):
    owner.language = "en"
    owner.save(update_fields=["language"])
    application = make_application(approved=True)
    _ending_in(application, 5)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))
    (reminder,) = mail.outbox
    assert reminder.subject.startswith("Time to renew the partnership")
    assert (
        f"/en/partners/apply/?actor={application.actor_id}" in reminder.body
        or "/partners/apply/" in reminder.body
    )


def test_rejected_applications_are_never_reminded(make_application):
    application = PartnerApplicationFactory(status=Status.REJECTED)
    assert application.partnership is None
    call_command("send_partner_renewal_reminders", stdout=open("/dev/null", "w"))
    assert mail.outbox == []
