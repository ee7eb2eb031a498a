"""What every iCalendar file of the portal shares: the calendar's head and its time zone.

- PRODID names the product and the calendar's language (`//DA` or `//EN`, RFC 5545 §3.7.3);
- the licence is stated on the calendar (`X-LICENSE`, with `X-WR-CALDESC` for the
  calendar programs that show a description);
- Europe/Copenhagen's VTIMEZONE is written with RRULEs (the EU rule in force since
  1996), not with icalendar's generated list of switch dates as multi-valued RDATEs:
  ical.js (Thunderbird and many web calendars) reads only the first value of such an
  RDATE and shows a summer event an hour late. Another time zone falls back to
  icalendar's generated component.
"""

from __future__ import annotations

import icalendar
from django.conf import settings
from django.utils import translation

from common.opendata import LICENCE_NAME, LICENCE_URL

CONTENT_TYPE = "text/calendar; charset=utf-8"

COPENHAGEN = "Europe/Copenhagen"
_COPENHAGEN_VTIMEZONE = "\r\n".join(
    [
        "BEGIN:VTIMEZONE",
        f"TZID:{COPENHAGEN}",
        "BEGIN:DAYLIGHT",
        "TZNAME:CEST",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZNAME:CET",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]
)


def prodid(product: str) -> str:
    language = "EN" if (translation.get_language() or "").startswith("en") else "DA"
    return f"-//{settings.PORTAL_NAME}//{product}//{language}"


def new_calendar(product: str, *, name: str = "") -> icalendar.Calendar:
    """An empty calendar in the active language, with its licence."""
    cal = icalendar.Calendar()
    cal.add("prodid", prodid(product))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("x-license", LICENCE_URL)
    cal.add("x-wr-caldesc", f"{settings.PORTAL_NAME} · {LICENCE_NAME} {LICENCE_URL}")
    return cal


def add_timezone(cal: icalendar.Calendar) -> None:
    """The VTIMEZONE the events refer to, first among the components."""
    if settings.TIME_ZONE == COPENHAGEN:
        cal.subcomponents.insert(0, icalendar.Timezone.from_ical(_COPENHAGEN_VTIMEZONE))
    else:
        cal.add_missing_timezones()
