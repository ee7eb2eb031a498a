"""The portal's own rate limits, counted like allauth's: by the client's address (allauth's
public adapter decides it, behind the trusted proxies of ALLAUTH_TRUSTED_PROXY_COUNT /
ALLAUTH_TRUSTED_CLIENT_IP_HEADER), by account and by key, in the shared cache. Rates are
in settings.PORTAL_RATE_LIMITS, written as allauth writes them: "10/h/ip,5/h/key"."""

from __future__ import annotations

import hashlib
import ipaddress
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
IPV6_PREFIX = 64  # one household or one server holds a /64: it counts as one address


def _seconds(duration: str) -> float:
    return float(duration[:-1] or 1) * SECONDS[duration[-1]]


def _address(request: HttpRequest) -> str:
    address = get_adapter().get_client_ip(request) or ""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.IPv6Network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return address


def _source(request: HttpRequest, per: str, key: str | None) -> str:
    if per == "ip":
        return _address(request)
    if per == "user":
        return str(request.user.pk)
    return hashlib.sha256((key or "").encode()).hexdigest()


def rate_limited(request: HttpRequest, action: str, *, key: str | None = None) -> bool:
    """Count this POST against `action`'s limits; True once any of them is used up.
    `key` is what limits "per key" count by (an e-mail address typed into a form).

    Each limit keeps the times of its recent requests (a sliding window). Two requests at
    the same moment may both be counted as the last allowed one; a limit is a brake on
    abuse, not an exact quota."""
    if request.method == "GET":
        return False
    now = time.time()
    for rate in filter(None, settings.PORTAL_RATE_LIMITS.get(action, "").split(",")):
        amount, duration, per = rate.strip().split("/")
        seconds = _seconds(duration)
        cache_key = f"portal:rl:{action}:{rate.strip()}:{_source(request, per, key)}"
        recent = [moment for moment in cache.get(cache_key, []) if moment > now - seconds]
        if len(recent) >= int(amount):
            return True
        cache.set(cache_key, [now, *recent], seconds)
    return False


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "429.html", status=429)
