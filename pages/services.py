"""Operations on the site-wide content that send mail: receiving a contact message and
answering it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from common.mail import Recipient, recipient, send_after_commit
from common.workflow import DomainError
from pages.models import ContactMessage


class ContactError(DomainError):
    """The contact form's message could not be taken."""


def staff_recipients(message: ContactMessage) -> list[Recipient]:
    """The active members of the topic's staff group, else the centre's own address (a
    topic without a group, or a group nobody is in yet: no message goes unread)."""
    group = message.staff_group
    people = []
    if group:
        people = [
            recipient(user)
            for user in get_user_model().objects.filter(groups__name=group, is_active=True)
        ]
    return people or [Recipient(settings.CONTACT_EMAIL)]


def receive_message(
    *,
    topic: str,
    name: str,
    email: str,
    message: str,
    organisation: str = "",
    language: str,
    user=None,
    submission: uuid.UUID | None = None,
) -> ContactMessage:
    """Store the message, send it to the staff who answer its topic and a receipt to the
    sender. A form sent again (the same `submission` token: a double click, a retry)
    returns the message already stored and sends nothing more."""
    if submission is not None:
        existing = ContactMessage.objects.filter(submission=submission).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            stored = ContactMessage.objects.create(
                submission=submission,
                topic=topic,
                name=name,
                email=email,
                organisation=organisation,
                message=message,
                language=language,
                user=user if user is not None and user.is_authenticated else None,
            )
            context = {"message": stored}
            send_after_commit(
                template="pages/email/contact_staff.txt",
                recipients=staff_recipients(stored),
                context=context,
                language=language,
            )
            send_after_commit(
                template="pages/email/contact_receipt.txt",
                recipients=[Recipient(email, language)],
                context=context,
            )
    except IntegrityError:
        # The same form, submitted at the same moment, was stored by the other request.
        if submission is None:
            raise
        return ContactMessage.objects.get(submission=submission)
    return stored


def answer_message(*, message: ContactMessage, reply: str, by) -> ContactMessage:
    """Mail `reply` to the sender, in the language they wrote in, and mark the message
    answered."""
    if not reply.strip():
        raise ContactError("empty reply")
    with transaction.atomic():
        # Locked: two staff answering at once must not both mail the sender.
        locked = ContactMessage.objects.select_for_update().get(pk=message.pk)
        locked.reply = reply
        locked.status = ContactMessage.Status.ANSWERED
        locked.answered_at = timezone.now()
        locked.answered_by = by
        locked.save(update_fields=["reply", "status", "answered_at", "answered_by"])
        send_after_commit(
            template="pages/email/contact_reply.txt",
            recipients=[Recipient(locked.email, locked.language)],
            context={"message": locked, "reply": reply},
        )
    return locked
