"""The deadlines of funding calls as iCalendar (RFC 5545), built with the icalendar
library like the event feed (policy.calendar).

Each deadline is a short event at the moment the call closes, written in Europe/Copenhagen
with its VTIMEZONE; its UID is the deadline's id, so a moved deadline moves in the
subscriber's calendar instead of appearing twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from common import ical
from funding.models import Deadline, FundingOpportunity

CONTENT_TYPE = ical.CONTENT_TYPE
PRODUCT = "Funding deadlines"
# SEQUENCE counts seconds from this moment to the call's last change: it grows with
# every edit (a moved deadline is saved with its call) and fits in 31 bits until 2092.
SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
UID_DOMAIN = "funding.socialinnovation.dk"
# A deadline is a moment; calendars show it best as a short block ending then.
BLOCK = timedelta(minutes=30)


def _sequence(call: FundingOpportunity) -> int:
    if call.updated_at is None:
        return 0
    return max(0, int((call.updated_at - SEQUENCE_EPOCH).total_seconds()))


def _status(deadline: Deadline, call: FundingOpportunity, now: datetime) -> str:
    """A call closed before its deadline came has cancelled that deadline."""
    if call.status == FundingOpportunity.Status.CLOSED and deadline.at > now:
        return "CANCELLED"
    return "CONFIRMED"


def _component(
    deadline: Deadline, *, tz: ZoneInfo, site_url: str, now: datetime
) -> icalendar.Event:
    call = deadline.opportunity
    item = icalendar.Event()
    item.add("uid", f"deadline-{deadline.pk}@{UID_DOMAIN}")
    item.add("dtstamp", call.updated_at or timezone.now())
    item.add("last-modified", call.updated_at or timezone.now())
    at = deadline.at.astimezone(tz)
    item.add("dtstart", at - BLOCK)
    item.add("dtend", at)
    title = f"{call.title} ({deadline.label})" if deadline.label else call.title
    item.add("summary", _("Deadline: %(title)s") % {"title": title})
    url = site_url + call.get_absolute_url()
    item.add("url", url)
    item.add("description", f"{call.funder_display}\n\n{url}".strip())
    item.add("transp", "TRANSPARENT")
    item.add("sequence", _sequence(call))
    item.add("status", _status(deadline, call, now))
    return item


def ics(deadlines: Iterable[Deadline], *, name: str = "") -> bytes:
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = ical.new_calendar(PRODUCT, name=name)
    now = timezone.now()
    for deadline in deadlines:
        cal.add_component(_component(deadline, tz=tz, site_url=settings.SITE_URL, now=now))
    ical.add_timezone(cal)
    return cal.to_ical()
