"""Every mail template rendered in one language with sample values, for the tests that
read all mails (the house rules, the one mail pattern)."""

import datetime
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.utils import timezone

from common.mail import render

TEMPLATES = Path(settings.BASE_DIR) / "templates"
NAME = "Mette Hansen"


def mail_templates() -> list[str]:
    """Every mail template (not the parts they include, whose names start with _)."""
    return sorted(
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.glob("*/email/*.txt")
        if not path.name.startswith("_")
    )


class Sample:
    """Any object a template asks for: each attribute is another sample, a name prints
    as a person's or organisation's name, and a few attributes have real values."""

    VALUES = {
        "start": timezone.make_aware(datetime.datetime(2026, 12, 21, 9, 0)),
        "end": timezone.make_aware(datetime.datetime(2026, 12, 21, 15, 0)),
        "starts_on": datetime.date(2026, 1, 1),
        "ends_on": datetime.date(2026, 12, 31),
        "next_deadline": timezone.make_aware(datetime.datetime(2026, 5, 21, 12, 0)),
        "rolling": False,
        "email": "mette@example.dk",
        "name": NAME,
        "full_name": NAME,
        "contact_name": NAME,
        "title": "Bolig først i Aarhus",
    }

    def __init__(self, name: str = "sample"):
        self._name = name

    def __getattr__(self, attribute: str):
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        return self.VALUES.get(attribute, Sample(attribute))

    def __getitem__(self, key):
        return self.__getattr__(str(key))

    def __call__(self):
        return self

    def __str__(self) -> str:
        return "Æblehaven"

    def __iter__(self):
        return iter([Sample("item")])

    def __len__(self) -> int:
        return 1


def context() -> dict:
    sample = Sample()
    return dict.fromkeys(
        (
            "actor",
            "by",
            "invitation",
            "join_request",
            "message",
            "partnerapplication",
            "event",
            "registration",
            "caseapplication",
            "call",
            "case",
            "sender_actor",
            "alert",
            "interest",
            "answer",
            "reply",
            "user",
        ),
        sample,
    ) | {
        "actor_name": "Æblehaven",
        "approved": True,
        "reason": "Beskrivelsen mangler resultaterne.",
        "valid_days": 14,
        "calls": [sample],
        "more": False,
        "ends_on": datetime.date(2026, 12, 31),
        "cancel_token": "token",
        "confirm_token": "token",
        "recipient_name": NAME,
        "list_url": "https://example.dk/",
        "alerts_url": "https://example.dk/",
        "unsubscribe_url": "https://example.dk/",
    }


def render_all_mails(language: str) -> dict[str, str]:
    """{template: subject and body} for every mail template, rendered in `language`."""
    rendered = {}
    # Links need real objects; their addresses are not what these tests read.
    with (
        mock.patch("django.urls.reverse", return_value="/link/"),
    ):
        for template in mail_templates():
            subject, body = render(template, context(), language=language)
            rendered[template] = f"{subject}\n\n{body}"
    return rendered
