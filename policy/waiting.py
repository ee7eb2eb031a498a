"""Policy's queues on the admin's front page (common.waiting): registrations for events
that need approval, waiting for an event manager; today's events, each with a link to
its check-in list for the door."""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.waiting import Waiting
from policy import permissions
from policy.models import Event, Registration

PENDING_REGISTRATIONS = Waiting(
    label=_("Registrations waiting for approval"),
    count=lambda user: Registration.objects.filter(status=Registration.Status.PENDING).count(),
    admin_url_name="admin:policy_registration_changelist",
    query={"status__exact": Registration.Status.PENDING},
    visible=permissions.can_manage_in_admin,
    position=30,
)


TODAYS_EVENTS_SHOWN = 10


def _today_in_copenhagen():
    """Today, from midnight to midnight in the portal's time zone."""
    start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return start, start + timedelta(days=1)


def _events_today():
    """Published events that start today (the door opens on the day they start)."""
    start, end = _today_in_copenhagen()
    return Event.objects.published().filter(start__gte=start, start__lt=end)


def _check_in_links(user) -> list[tuple[str, str]]:
    return [
        (
            gettext("Check in: %(event)s") % {"event": event.title},
            reverse("admin:policy_event_check_in", args=[event.pk]),
        )
        for event in _events_today().order_by("start", "pk")[:TODAYS_EVENTS_SHOWN]
    ]


TODAYS_EVENTS = Waiting(
    label=_("Events today"),
    count=lambda user: _events_today().count(),
    admin_url_name="admin:policy_event_changelist",
    # The list's date drill-down (date_hierarchy) to the events that start today.
    query=lambda: {
        "status__exact": Event.Status.PUBLISHED,
        "start__year": str(timezone.localdate().year),
        "start__month": str(timezone.localdate().month),
        "start__day": str(timezone.localdate().day),
    },
    visible=permissions.can_check_in,
    links=_check_in_links,
    position=31,
)
