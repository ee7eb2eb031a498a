"""The reporting period a figure is computed for: a grain (month, quarter, year) and a
date range, read from the address with sane defaults.

Whatever the address holds, the result is a valid period: a grain that is not one of the
three, a date that does not parse, a range that ends before it starts or spans more than
`MAX_YEARS` all fall back to the defaults (the last 24 months, by month), so a bad link
never gives an error page and never asks the database for a thousand periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

MONTH, QUARTER, YEAR = "month", "quarter", "year"
GRAINS = {
    MONTH: gettext_lazy("Month"),
    QUARTER: gettext_lazy("Quarter"),
    YEAR: gettext_lazy("Year"),
}
DEFAULT_MONTHS = 24
MAX_YEARS = 10
EARLIEST = date(2000, 1, 1)


def truncate(day: date, grain: str) -> date:
    """The first day of the period `day` falls in (PostgreSQL's date_trunc, in Python)."""
    if grain == YEAR:
        return date(day.year, 1, 1)
    if grain == QUARTER:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, day.month, 1)


def following(start: date, grain: str) -> date:
    """The first day of the period after the one that starts on `start`."""
    months = {MONTH: 1, QUARTER: 3, YEAR: 12}[grain]
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    grain: str
    first: date  # the first day of the range (as chosen)
    last: date  # the last day of the range (as chosen, inclusive)

    @classmethod
    def default(cls, grain: str = MONTH, *, today: date | None = None) -> Period:
        today = today or timezone.localdate()
        start = date(today.year, today.month, 1)
        for _month in range(DEFAULT_MONTHS - 1):
            start = date(start.year - (start.month == 1), (start.month - 2) % 12 + 1, 1)
        return cls(grain=grain, first=start, last=today)

    @classmethod
    def from_query(cls, params, *, today: date | None = None) -> Period:
        """The period an address asks for; every part it gets wrong is the default."""
        today = today or timezone.localdate()
        grain = params.get("grain")
        grain = grain if grain in GRAINS else MONTH
        default = cls.default(grain, today=today)
        first = _parse_date(params.get("from")) or default.first
        last = _parse_date(params.get("to")) or default.last
        if not (EARLIEST <= first <= last) or last.year - first.year > MAX_YEARS:
            return default
        return cls(grain=grain, first=first, last=last)

    # --- What the queries need --------------------------------------------------------

    @property
    def start(self) -> date:
        """The first day of the first whole period in the range."""
        return truncate(self.first, self.grain)

    @property
    def end(self) -> date:
        """The day after the last period in the range (exclusive)."""
        return following(truncate(self.last, self.grain), self.grain)

    @property
    def start_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.end, time.min))

    def starts(self) -> list[date]:
        """The first day of every period in the range, oldest first."""
        found, day = [], self.start
        while day < self.end:
            found.append(day)
            day = following(day, self.grain)
        return found

    def label(self, start: date) -> str:
        """A period as people write it: "jan. 2026", "K1 2026" / "Q1 2026", "2026"."""
        if self.grain == YEAR:
            return str(start.year)
        if self.grain == QUARTER:
            return _("Q%(quarter)d %(year)d") % {
                "quarter": (start.month - 1) // 3 + 1,
                "year": start.year,
            }
        # Translated as a format: "Jan 2026" in English, "jan. 2026" in Danish.
        return date_format(start, pgettext("a month on a chart's axis (date format)", "M Y"))

    def query(self) -> dict[str, str]:
        """The address parameters that give this period back."""
        return {"grain": self.grain, "from": self.first.isoformat(), "to": self.last.isoformat()}

    def describe(self) -> str:
        return _("%(first)s to %(last)s, by %(grain)s") % {
            "first": date_format(self.first, "DATE_FORMAT"),
            "last": date_format(self.last, "DATE_FORMAT"),
            "grain": str(GRAINS[self.grain]).lower(),
        }


def _parse_date(value) -> date | None:
    if not value or not isinstance(value, str) or len(value) > 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
