"""The contact form's queue on the admin's front page (common.waiting): new messages on
the topics routed to the person's staff group."""

from django.utils.translation import gettext_lazy as _

from common.waiting import Waiting
from pages import permissions
from pages.models import ContactMessage

NEW_MESSAGES = Waiting(
    label=_("New contact messages"),
    count=lambda user: (
        permissions.messages_for(user).filter(status=ContactMessage.Status.NEW).count()
    ),
    admin_url_name="admin:pages_contactmessage_changelist",
    query={"status__exact": ContactMessage.Status.NEW},
    visible=permissions.can_answer_messages,
    position=40,
)
