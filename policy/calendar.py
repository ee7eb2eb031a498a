"""Events as iCalendar (RFC 5545), built with the icalendar library.

One builder serves the feed, an event's "add to calendar" file and the attachment of a
confirmation e-mail, so they always agree. Times are written in Europe/Copenhagen with
its VTIMEZONE; each event's UID is stable (its id, not its title or slug, which may
change), SEQUENCE follows the event's revision, and a cancelled event says
STATUS:CANCELLED so calendars that hold it strike it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common import ical
from policy.models import Event

CONTENT_TYPE = ical.CONTENT_TYPE
PRODUCT = "Policy events"
UID_DOMAIN = "events.socialinnovation.dk"


def uid(event: Event) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def _component(event: Event, *, tz: ZoneInfo, site_url: str) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", uid(event))
    item.add("dtstamp", event.updated_at or timezone.now())
    item.add("last-modified", event.updated_at or timezone.now())
    item.add("dtstart", event.start.astimezone(tz))
    item.add("dtend", event.end.astimezone(tz))
    item.add("sequence", event.sequence)
    item.add("summary", event.title)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    url = site_url + event.get_absolute_url()
    item.add("url", url)
    description = (event.description or "").strip()
    item.add("description", f"{description}\n\n{url}".strip())
    place = ", ".join(
        part
        for part in (event.venue_name, event.venue_address, str(event.municipality or ""))
        if part
    )
    item.add("location", place or _("Online"))
    if event.latitude is not None and event.longitude is not None:
        item.add("geo", (event.latitude, event.longitude))
    return item


def calendar(events: Iterable[Event], *, name: str = "") -> icalendar.Calendar:
    tz = ZoneInfo(settings.TIME_ZONE)
    site_url = settings.SITE_URL
    cal = ical.new_calendar(PRODUCT, name=name)
    for event in events:
        cal.add_component(_component(event, tz=tz, site_url=site_url))
    ical.add_timezone(cal)
    return cal


def ics(events: Iterable[Event], *, name: str = "") -> bytes:
    return calendar(events, name=name).to_ical()


def attachment(event: Event, *, language: str) -> tuple[str, bytes, str]:
    """The event as a mail attachment in the registrant's language: (filename, content,
    mimetype)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return (f"{event.slug}.ics", ics([event]), "text/calendar")
