"""LOG_FORMAT=json: one JSON object per line, with the request's id, which the response
sends back; a mail failure is logged with its address and attempt."""

import io
import json
import logging

import pytest

from config.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


def test_every_line_of_a_request_carries_its_id(client, json_lines):
    response = client.get("/en/does-not-exist/", HTTP_X_REQUEST_ID="proxy-id-12345678")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "proxy-id-12345678"
    lines = [line for line in json_lines() if line["logger"] == "django.request"]
    assert lines
    assert {line["request_id"] for line in lines} == {"proxy-id-12345678"}
    assert lines[0]["level"] == "WARNING"
    assert "Not Found" in lines[0]["message"]


def test_a_forged_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>\nX")
    assert response["X-Request-ID"] != "<script>\nX"
    assert len(response["X-Request-ID"]) == 32


def test_a_failed_mail_is_one_json_line_with_the_address_and_attempt(settings, json_lines):
    from common.mail import deliver

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 9, False
    payload = {
        "subject": "Kvittering",
        "body": "Tak.",
        "from_email": "noreply@example.dk",
        "to": ["karen@example.dk"],
        "cc": [],
        "bcc": [],
        "reply_to": [],
        "headers": {},
        "alternatives": [],
        "attachments": [],
    }
    deliver.enqueue(payload)  # the immediate backend: one attempt, no retry to plan
    [line] = [line for line in json_lines() if line["logger"] == "common.mail"]
    assert line["level"] == "ERROR"
    assert line["mail_to"] == "karen@example.dk"
    assert line["attempt"] == 1
    assert "ConnectionRefusedError" in line["exception"]
