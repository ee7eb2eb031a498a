"""Working days in Denmark, for SIM's expectation of a decision in about 15 working days.

Holidays come from the maintained `holidays` package: the Danish public holidays, plus
the days the state's collective agreements give public servants off (Constitution Day,
Christmas Eve and New Year's Eve), since the centre's validators are public servants.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

import holidays

# SIM expects a decision within about this many working days of submission.
DECISION_WORKING_DAYS = 15
_DAYS_OFF_BY_AGREEMENT = {(6, 5), (12, 24), (12, 31)}


@functools.cache
def _days_off(year: int) -> frozenset[date]:
    public = holidays.country_holidays("DK", years=year)
    extra = {date(year, month, day) for month, day in _DAYS_OFF_BY_AGREEMENT}
    return frozenset(public) | extra


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 if end <= start): a case
    submitted on a Friday has waited 1 working day on the Monday after."""
    days, day = 0, start + timedelta(days=1)
    while day <= end:
        days += is_working_day(day)
        day += timedelta(days=1)
    return days


def working_days_before(end: date, count: int) -> date:
    """The latest date from which `count` working days have passed by `end`: a case
    submitted on or before it has waited at least `count` working days."""
    day = end
    passed = 0
    while passed < count:
        passed += is_working_day(day)
        day -= timedelta(days=1)
    return day
