"""Logs an operator can search: one JSON object per line (LOG_FORMAT=json) with the id of
the request each line belongs to. The id comes from the proxy (`X-Request-ID`) when it
sends a sensible one, else it is made here, and it goes back in the response, so a
visitor's report, the proxy's log and the portal's log meet on one value."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
# LogRecord's own attributes: anything else on a record came in `extra=` and is kept.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # Django's request log is written after the middleware returned: its record
        # carries the request itself.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", "") or request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id.get(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        value = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        request_id.set(value)  # replaced by the next request in this thread
        request.request_id = value
        response = self.get_response(request)
        response["X-Request-ID"] = value
        return response


def init_sentry(dsn: str, *, environment: str, traces_sample_rate: float) -> bool:
    """Error reports to Sentry when sentry-sdk is installed (`pip install sentry-sdk`);
    without it, one warning and the portal runs on."""
    try:
        import sentry_sdk
    except ImportError:
        logging.getLogger(__name__).warning("SENTRY_DSN is set but sentry-sdk is not installed")
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
    )
    return True
