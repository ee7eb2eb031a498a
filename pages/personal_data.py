"""The contact messages' share of a person's data (common.personal_data)."""

from django.db.models import Q

from common.personal_data import Part, of_account
from pages.models import ContactMessage


def _messages(user):
    return of_account(
        ContactMessage.objects.all(), user, linked=Q(user=user), address_field="email"
    )


def export(user) -> list[dict]:
    return [
        {
            "received": message.created_at.isoformat(),
            "topic": message.topic,
            "name": message.name,
            "email": message.email,
            "organisation": message.organisation,
            "message": message.message,
            "status": message.status,
            "reply": message.reply,
        }
        for message in _messages(user)
    ]


def erase(user) -> None:
    """The person's messages go with the account: an answered question needs no keeping,
    and the privacy page promises no more than two years anyway."""
    _messages(user).delete()


PART = Part(name="contact_messages", export=export, erase=erase)
