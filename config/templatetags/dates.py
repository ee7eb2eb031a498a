"""A time span the way each language writes it, the date said once when it is one day:
"21. december 2026 kl. 9.00–15.00" / "21 December 2026, 09:00–15:00"; over several days
"21. december 2026 kl. 9.00 – 22. december 2026 kl. 15.00". `span` for mails,
`{% time_span %}` for pages (with machine-readable <time> elements), and `machine` for
every <time datetime="…"> of the portal."""

from datetime import date, datetime

from django import template
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.timezone import is_aware, localtime

register = template.Library()


def _local(moment: datetime) -> datetime:
    return localtime(moment) if is_aware(moment) else moment


@register.filter
def machine(moment: datetime | date | None) -> str:
    """The value of a <time datetime="…">: the local date-time to the whole second
    ("2026-05-21T09:00:00+02:00"), or a date alone. Django's "c" format adds microseconds,
    which HTML allows only to three digits (the Nu HTML Checker refuses six)."""
    if not moment:
        return ""
    if isinstance(moment, datetime):
        return _local(moment).replace(microsecond=0).isoformat()
    return moment.isoformat()


def span_parts(start: datetime, end: datetime | None) -> tuple[str, str, str]:
    """(start, separator, end) as text; the end is empty when there is none."""
    start = _local(start)
    first = date_format(start, "DATETIME_FORMAT")
    if not end:
        return first, "", ""
    end = _local(end)
    if start.date() == end.date():
        return first, "–", time_format(end, "TIME_FORMAT")
    return first, " – ", date_format(end, "DATETIME_FORMAT")


@register.filter
def span(start: datetime | None, end: datetime | None = None) -> str:
    """`{{ event.start|span:event.end }}` as plain text."""
    if not start:
        return ""
    return "".join(span_parts(start, end))


@register.simple_tag
def time_span(start: datetime | None, end: datetime | None = None) -> str:
    """The span as HTML: each end in a <time> element with its ISO date-time."""
    if not start:
        return ""
    first, separator, last = span_parts(start, end)
    start = _local(start)
    if not last:
        return format_html('<time datetime="{}">{}</time>', machine(start), first)
    return format_html(
        '<time datetime="{}">{}</time>{}<time datetime="{}">{}</time>',
        machine(start),
        first,
        separator,
        machine(end),
        last,
    )
