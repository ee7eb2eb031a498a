"""The bench's section "Requests that send mail" runs through the real forms, at tiny size."""

import io
import json

from django.core.management import call_command

from pages.models import ContactMessage
from policy.models import Registration
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    MembershipFactory,
    UserFactory,
)
from validation.models import CaseApplication, CaseLogEntry


def test_the_posts_that_send_mail_are_timed_and_leave_the_data_as_it_was(
    db, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    member = UserFactory(email="medlem@example.dk")
    actor = ActorFactory(name="Ungdomsbroen")
    MembershipFactory(actor=actor, user=member)
    case = CaseApplicationFactory(actor=actor, submitted=True)
    EventFactory()
    history = list(CaseLogEntry.objects.filter(case=case))
    output, printed = tmp_path / "bench.json", io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "bench",
            only="contact form|guest registration|case decision",
            repeat=2,
            output=str(output),
            stdout=printed,
        )

    rows = json.loads(output.read_text())["runs"][0]["mail_requests"]
    assert [row["page"] for row in rows] == [
        "contact form",
        "guest registration",
        "case decision",
    ]
    assert all(0 < row["median_ms"] <= row["p95_ms"] for row in rows)
    assert "requests that send mail" in printed.getvalue()
    # Every post went through and sent its mail: receipts, confirmation links, decisions.
    to = [address for message in mailoutbox for address in message.to]
    assert {"bench-contact-0@example.dk", "bench-contact-1@example.dk"} <= set(to)
    assert {"bench-guest-2@example.dk", "bench-guest-3@example.dk"} <= set(to)
    assert to.count("medlem@example.dk") == 2
    # What the posts stored is gone, and the case still waits for its decision.
    assert not ContactMessage.objects.filter(email__startswith="bench-").exists()
    assert not Registration.objects.filter(email__startswith="bench-").exists()
    assert CaseApplication.objects.get(pk=case.pk).status == "submitted"
    assert list(CaseLogEntry.objects.filter(case=case)) == history
