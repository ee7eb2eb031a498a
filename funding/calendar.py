"""The deadlines of funding calls as iCalendar (RFC 5545), built with the icalendar
library like the event feed (policy.calendar).

Each deadline is a short event at the moment the call closes, written in Europe/Copenhagen
with its VTIMEZONE; its UID is the deadline's id, so a moved deadline moves in the
subscriber's calendar instead of appearing twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from funding.models import Deadline

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//Socialinnovation.dk//Funding deadlines//DA"
UID_DOMAIN = "funding.socialinnovation.dk"
# A deadline is a moment; calendars show it best as a short block ending then.
BLOCK = timedelta(minutes=30)


def _component(deadline: Deadline, *, tz: ZoneInfo, site_url: str) -> icalendar.Event:
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
    return item


def ics(deadlines: Iterable[Deadline], *, name: str = "") -> bytes:
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for deadline in deadlines:
        cal.add_component(_component(deadline, tz=tz, site_url=settings.SITE_URL))
    cal.add_missing_timezones()
    return cal.to_ical()
