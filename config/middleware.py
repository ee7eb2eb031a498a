import logging
import re

import psycopg
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponseNotAllowed, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.urls import reverse
from whitenoise.middleware import WhiteNoiseMiddleware

from config.second_factor import with_next

logger = logging.getLogger("portal.errors")


def needs_second_factor(user) -> bool:
    """Staff reach the admin only with TOTP set up.

    Demo staff (made by seed_demo) are let in without one on a local DEBUG run only, so a
    newcomer can look at the admin straight after `make run`.
    """
    if not (user.is_authenticated and user.is_staff):
        return False
    if settings.DEBUG and user.is_demo:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.utils.translation import gettext as _

        match = request.resolver_match
        if match is None or match.app_name != "admin":
            return None
        if needs_second_factor(request.user):
            messages.warning(
                request,
                _("Set up a second factor (an authenticator app) before you use the admin."),
            )
            # Back to the page asked for once the set-up is done (config.second_factor).
            return redirect(with_next(reverse("mfa_activate_totp"), request.get_full_path()))
        return None


class RejectNulBytesMiddleware:
    """A NUL byte in the path is never a real address; PostgreSQL refuses it in queries,
    so such requests end here as a 404 instead of reaching a view (or the admin)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404
        return self.get_response(request)


class LeadingSlashesMiddleware:
    """`//evil.example/` is a path to Django but another host to a browser: a link built
    from it (a language link, a `next=`) would leave the portal. Such paths are answered
    with a redirect to the same path with one slash, before any page builds a link."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("//"):
            return HttpResponsePermanentRedirect("/" + request.get_full_path().lstrip("/"))
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Turn off the browser features the portal does not use. The location picker places
    its pin from the municipality or a drag, never from the device's position, so no page
    needs geolocation. Only features Chromium knows: an unknown one ("bluetooth") is a
    console error on every page (tests/e2e/test_security_headers.py)."""

    POLICY = ", ".join(
        f"{feature}=()"
        for feature in (
            "camera",
            "microphone",
            "geolocation",
            "payment",
            "usb",
            "serial",
            "hid",
            "midi",
            "magnetometer",
            "gyroscope",
            "accelerometer",
            "display-capture",
            "browsing-topics",
        )
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.POLICY)
        return response


class ErrorPagesMiddleware:
    """A view that refuses a method answers with Django's bare, empty 405; the visitor gets
    the portal's own page in their language instead (the Allow header is kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed) and not response.content:
            from config.views import method_not_allowed

            page = method_not_allowed(request)
            page["Allow"] = response["Allow"]
            return page
        return response


# Errors that mean "the database cannot be reached now", not "the code is wrong". psycopg's
# own classes too: Django does not wrap every call (closing a server-side cursor, which a
# form's dropdown iterates, raises a raw AdminShutdown when the server ends the connection).
DATABASE_UNAVAILABLE = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)


def database_unavailable_response(request, error: BaseException):
    """503 in the visitor's language with Retry-After, and one log line (no traceback):
    an outage is not a fault of the page, and a traceback per request hides the news."""
    from config.views import service_unavailable

    logger.warning(
        "Database unavailable (%s): %s %s",
        error.__class__.__name__,
        request.method,
        request.path,
    )
    response = service_unavailable(request)
    response._has_been_logged = True  # Django's request log would add a second line
    return response


class DatabaseUnavailableMiddleware:
    """While PostgreSQL is unreachable every page answers 503 instead of 500. Views and
    template rendering end here; errors raised in other middleware reach handler500,
    which answers the same way. Connections are opened per request (with health checks),
    so pages recover by themselves when the database is back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable_response(request, exception)
        return None


class RequestSizeLimitMiddleware:
    """DATA_UPLOAD_MAX_MEMORY_SIZE bounds a form's fields, not its files, and gunicorn has
    no limit of its own: a body over MAX_REQUEST_BODY_SIZE is refused before anything
    reads it, with the portal's 'too large' page (413)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_SIZE:
            raise RequestDataTooBig("The request body is larger than MAX_REQUEST_BODY_SIZE.")
        return self.get_response(request)


class LongUploadNamesMiddleware:
    """A file with a very long name (1,000 characters) makes the browser send a part header
    over Django's 1 KB limit, and Django refused the whole form with a 400: everything
    typed was lost. Such names are cut here, before Django reads the form, to at most
    MAX_NAME_BYTES with the extension kept. (Stored names are the portal's own anyway.)

    Only bodies up to DATA_UPLOAD_MAX_MEMORY_SIZE are looked at; a larger one is refused
    by Django with the 'too large' page."""

    MAX_NAME_BYTES = 200
    FILENAME = re.compile(rb'filename="([^"\r\n]*)"', re.IGNORECASE)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type == "multipart/form-data":
            self._cut_long_names(request)
        return self.get_response(request)

    def _cut_long_names(self, request) -> None:
        boundary = request.content_params.get("boundary", "").encode("latin-1", "ignore")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if not boundary or length <= 0 or (limit is not None and length > limit):
            return
        body = request.body
        if b'filename="' not in body.lower():
            return
        parts = body.split(b"--" + boundary + b"\r\n")
        changed = False
        for index, part in enumerate(parts[1:], start=1):
            header, separator, rest = part.partition(b"\r\n\r\n")
            if not separator:
                continue
            new_header = self.FILENAME.sub(self._cut, header)
            if new_header != header:
                parts[index] = new_header + separator + rest
                changed = True
        if changed:
            request._body = (b"--" + boundary + b"\r\n").join(parts)
            request.META["CONTENT_LENGTH"] = str(len(request._body))

    def _cut(self, match: re.Match) -> bytes:
        name = match.group(1)
        if len(name) <= self.MAX_NAME_BYTES:
            return match.group(0)
        stem, dot, extension = name.rpartition(b".")
        if not dot or len(extension) > 16:
            stem, extension = name, b""
        keep = self.MAX_NAME_BYTES - len(extension) - len(dot)
        short = stem[:keep].decode("utf-8", "ignore").encode("utf-8") + dot + extension
        return b'filename="' + short + b'"'


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, without the manifest: `staticfiles.json` lists every static file under
    its hashed name, which is for the server, not for visitors."""

    HIDDEN = "staticfiles.json"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for url in [url for url in self.files if self._hidden(url)]:
            del self.files[url]

    def _hidden(self, url: str) -> bool:
        return url.startswith(self.static_prefix + self.HIDDEN)

    def find_file(self, url: str):
        return None if self._hidden(url) else super().find_file(url)
