"""Amounts as people write them: "100.000–500.000 kr." in Danish, "DKK 100,000–500,000"
in English."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def _number(value: int) -> str:
    return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


def _with_currency(text: str, currency: str) -> str:
    if (get_language() or "").startswith("en"):
        return f"{currency}\N{NO-BREAK SPACE}{text}"
    unit = "kr." if currency == "DKK" else "euro"
    return f"{text}\N{NO-BREAK SPACE}{unit}"


@register.simple_tag
def amount_range(call) -> str:
    low, high = call.amount_min, call.amount_max
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        text = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        return _with_currency(text, call.currency)
    if high is not None:
        return _("up to %(amount)s") % {"amount": _with_currency(_number(high), call.currency)}
    return _("from %(amount)s") % {"amount": _with_currency(_number(low), call.currency)}
