"""Dates and times as each language writes them: Danish "21. maj 2026 kl. 9.00", a span on
one day "21. december 2026 kl. 9.00–15.00"; British English "14 December 2026, 09:00"."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

MORNING = timezone.make_aware(datetime.datetime(2026, 5, 21, 9, 0))
DAY_START = timezone.make_aware(datetime.datetime(2026, 12, 21, 9, 0))
DAY_END = timezone.make_aware(datetime.datetime(2026, 12, 21, 15, 0))
NEXT_DAY = timezone.make_aware(datetime.datetime(2026, 12, 22, 15, 30))


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load dates %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "21. maj 2026 kl. 9.00"), ("en", "21 May 2026, 09:00")],
)
def test_a_date_and_time(language, expected):
    assert render('{{ when|date:"DATETIME_FORMAT" }}', language, when=MORNING) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "21. december 2026 kl. 9.00–15.00"), ("en", "21 December 2026, 09:00–15:00")],
)
def test_a_span_on_one_day_says_the_date_once(language, expected):
    assert render("{{ start|span:end }}", language, start=DAY_START, end=DAY_END) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", "21. december 2026 kl. 9.00 – 22. december 2026 kl. 15.30"),
        ("en", "21 December 2026, 09:00 – 22 December 2026, 15:30"),
    ],
)
def test_a_span_over_two_days(language, expected):
    assert render("{{ start|span:end }}", language, start=DAY_START, end=NEXT_DAY) == expected


def test_the_page_span_has_machine_readable_times():
    html = render("{% time_span start end %}", "da", start=DAY_START, end=DAY_END)
    assert ">21. december 2026 kl. 9.00</time>–<time" in html
    assert 'datetime="2026-12-21T15:00:00+01:00">15.00</time>' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "21. maj 2026"), ("en", "21 May 2026")],
)
def test_a_date(language, expected):
    assert render('{{ when|date:"DATE_FORMAT" }}', language, when=MORNING) == expected


@pytest.mark.parametrize(
    ("language", "number", "expected"),
    [("da", 55.6761, "55,6761"), ("en", 55.6761, "55.6761"), ("da", 1234.5678, "1.234,5678")],
)
def test_numbers(language, number, expected):
    assert render('{{ n|floatformat:"-4g" }}', language, n=number) == expected


@pytest.mark.parametrize(
    ("month", "expected"), [(5, "maj 2026"), (12, "dec. 2026"), (1, "jan. 2026")]
)
def test_chart_months_in_danish(month, expected):
    from django.utils.formats import date_format
    from django.utils.translation import pgettext

    with translation.override("da"):
        label = date_format(
            datetime.date(2026, month, 1),
            pgettext("a month on a chart's axis (date format)", "M Y"),
        )
    assert label == expected


def test_the_page_span_is_in_danish_time_for_a_time_stored_in_utc():
    start = DAY_START.astimezone(datetime.UTC)
    html = render("{% time_span start end %}", "da", start=start, end=DAY_END)
    assert 'datetime="2026-12-21T09:00:00+01:00">21. december 2026 kl. 9.00</time>' in html


def test_a_time_elements_machine_value_is_local_and_to_the_whole_second():
    """HTML allows at most three digits of a second; Django's "c" format gives six."""
    moment = timezone.make_aware(datetime.datetime(2026, 5, 21, 9, 0, 12, 907470))
    assert render("{{ when|machine }}", "da", when=moment) == "2026-05-21T09:00:12+02:00"
    utc = moment.astimezone(datetime.UTC)
    assert render("{{ when|machine }}", "en", when=utc) == "2026-05-21T09:00:12+02:00"
    assert render("{{ when|machine }}", "da", when=moment.date()) == "2026-05-21"
