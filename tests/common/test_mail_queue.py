"""Mail survives a mail server that is down: the visitor's action succeeds, the mail waits
in the task queue (the database), and the worker delivers it once the server answers."""

import logging
import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ecosystem import staff
from pages.models import ContactMessage
from policy.models import Registration
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    MembershipFactory,
    UserFactory,
)
from validation.models import Status

pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """An SMTP server's handler that keeps what it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 OK"

    def recipients(self) -> list[str]:
        return sorted(to for envelope in self.envelopes for to in envelope.rcpt_tos)


@pytest.fixture
def queued_smtp(settings):
    """The production set-up: the database task backend and SMTP at a closed port."""
    port = free_port()
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "scheduled"],
        }
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return port


@pytest.fixture
def validator():
    user = UserFactory(email="validator@example.dk", staff=True, groups=[staff.VALIDATORS])
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def member():
    return UserFactory(email="member@example.dk")


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def registration_form():
    return {
        "name": "Gitte Gæst",
        "email": "gitte@example.dk",
        "organisation": "Vejle Kommune",
        "role_title": "Byrådsmedlem",
        "consent": "on",
    }


def contact_form():
    return {
        "name": "Karen Jensen",
        "email": "karen@example.dk",
        "organisation": "Aarhus Kommune",
        "message": "Hvordan søger vi om validering?",
        "topic": "other",
        "website": "",
    }


def decide(client, case):
    management = {
        f"{prefix}-{name}": value
        for prefix, limit in (("review", "1"), ("log_entries", "1000"))
        for name, value in (
            ("TOTAL_FORMS", "0"),
            ("INITIAL_FORMS", "0"),
            ("MIN_NUM_FORMS", "0"),
            ("MAX_NUM_FORMS", limit),
        )
    }
    return client.post(
        f"/en/admin/validation/caseapplication/{case.pk}/change/",
        {**management, "decision": "request_changes", "message": "Add evidence."},
    )


def test_with_the_mail_server_down_visitors_succeed_and_the_worker_delivers_later(
    client, queued_smtp, validator, member, caplog
):
    event = EventFactory()
    actor = ActorFactory(name="Ungdomsbroen")
    MembershipFactory(actor=actor, user=member)
    case = CaseApplicationFactory(actor=actor, in_review=True)

    # 1. Three actions that send mail, with nothing answering on the mail port.
    assert client.post("/kontakt/", contact_form()).status_code == 302
    assert client.post(f"/en/events/{event.slug}/register/", registration_form()).status_code == 302
    client.force_login(validator)
    assert decide(client, case).status_code == 302
    assert ContactMessage.objects.count() == 1
    assert Registration.objects.count() == 1
    case.refresh_from_db()
    assert case.status == Status.CHANGES_REQUESTED
    queued = DBTaskResult.objects.filter(status="READY").count()
    assert queued >= 4  # the centre, the sender's receipt, the guest, the applicant
    assert mail.outbox == []

    # 2. The worker tries, fails, logs it and plans another attempt; nothing is lost.
    with caplog.at_level(logging.WARNING, logger="common.mail"):
        run_worker()
    assert DBTaskResult.objects.filter(status="FAILED").count() == queued
    assert DBTaskResult.objects.filter(status="READY").count() == queued
    assert sum(
        "failed (attempt 1); retrying in 60 s" in r.getMessage() for r in caplog.records
    ) == (queued)

    # 3. The server answers; the pause has passed: every mail arrives, once.
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=queued_smtp)
    server.start()
    try:
        DBTaskResult.objects.filter(status="READY").update(
            run_after=timezone.now() - timedelta(seconds=1)
        )
        run_worker()
    finally:
        server.stop()
    assert DBTaskResult.objects.filter(status="READY").count() == 0
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == queued
    delivered = inbox.recipients()
    assert len(delivered) == queued
    assert {"karen@example.dk", "gitte@example.dk", member.email} <= set(delivered)
    assert "kontakt@socialinnovation.dk" in delivered


def test_a_mail_is_queued_with_the_change_and_not_for_a_change_that_rolls_back(queued_smtp):
    from django.db import transaction

    from common.mail import send_after_commit

    with pytest.raises(RuntimeError), transaction.atomic():
        send_after_commit(
            template="pages/email/contact_receipt.txt",
            recipients=["a@example.dk"],
            context={"message": None},
        )
        assert DBTaskResult.objects.count() == 1  # in the change's own transaction
        raise RuntimeError
    assert DBTaskResult.objects.count() == 0
