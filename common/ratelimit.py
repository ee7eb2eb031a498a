"""The portal's own rate limits, counted like allauth's: by the client's address (behind
the trusted proxies of ALLAUTH_TRUSTED_PROXY_COUNT / ALLAUTH_TRUSTED_CLIENT_IP_HEADER)
and by account, in the shared cache. Rates are in settings.PORTAL_RATE_LIMITS."""

from __future__ import annotations

from allauth.core.internal import ratelimit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    """The visitor's address as the rate limits see it (allauth's rule, one for all)."""
    return ratelimit.get_ip(request)


def rate_limited(request: HttpRequest, action: str, *, key: str | None = None) -> bool:
    """Count this request against `action`'s limits; True once any of them is used up.
    `key` is what limits "per key" count by (an e-mail address typed into a form)."""
    usage = ratelimit.consume(
        request, app="portal", action=action, config=settings.PORTAL_RATE_LIMITS, key=key
    )
    return usage is None


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "429.html", status=429)
