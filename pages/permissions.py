"""Who sees which contact messages in the admin: each staff group the topics routed to it
(ContactMessage.ROUTING), superusers every message."""

from django.db.models import QuerySet

from ecosystem import staff
from pages.models import ContactMessage


def can_answer_messages(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("pages.view_contactmessage")


def messages_for(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = ContactMessage.objects.all() if queryset is None else queryset
    if user.is_superuser:
        return queryset
    groups = set(user.groups.values_list("name", flat=True))
    topics = [topic for topic, group in ContactMessage.ROUTING.items() if group in groups]
    return queryset.filter(topic__in=topics)


# The admin's model permissions of each staff group (synced after migrate: common.roles).
# Every staff group reads and answers the contact messages routed to it.
_MESSAGES = ["view_contactmessage", "change_contactmessage"]
GROUP_PERMISSIONS = {
    staff.EDITORS: [
        "view_page", "change_page",
        "view_newsarticle", "add_newsarticle", "change_newsarticle", "delete_newsarticle",
        *_MESSAGES,
    ],
    staff.MODERATORS: _MESSAGES,
    staff.VALIDATORS: _MESSAGES,
    staff.EVENT_MANAGERS: _MESSAGES,
}  # fmt: skip
