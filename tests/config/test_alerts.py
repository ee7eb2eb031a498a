"""Every DKFDS alert carries its icon from DKFDS's sprite (an empty gap stood where it
belonged), named for screen readers."""

import re
from pathlib import Path

import pytest
from django.contrib.messages import constants
from django.template.loader import render_to_string
from django.test import RequestFactory

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
ALERT = re.compile(r'<div class="alert alert-')


def test_every_alert_in_the_templates_includes_its_icon():
    missing = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        alerts = len(ALERT.findall(text))
        icons = text.count('"includes/alert_icon.html"')
        if alerts > icons:
            missing.append(f"{template.relative_to(TEMPLATES)}: {alerts} alerts, {icons} icons")
    assert not missing


@pytest.mark.parametrize(
    ("kind", "symbol", "name"),
    [
        ("info", "info", "Information"),
        ("success", "success", "Gennemført"),
        ("warning", "warning", "Advarsel"),
        ("error", "error", "Fejl"),
        ("debug", "info", "Information"),
    ],
)
def test_the_icon_is_drawn_from_the_dkfds_sprite_and_named(kind, symbol, name, settings):
    settings.LANGUAGE_CODE = "da"
    html = render_to_string("includes/alert_icon.html", {"kind": kind})
    assert 'class="icon-svg alert-icon"' in html
    assert f'all-svg-icons.svg#{symbol}"' in html
    assert f'aria-label="{name}"' in html
    assert "style=" not in html


def test_a_message_shows_its_icon():
    class Message:
        tags = "success"
        level = constants.SUCCESS

        def __str__(self):
            return "Gemt"

    html = render_to_string(
        "includes/messages.html", {"messages": [Message()]}, request=RequestFactory().get("/")
    )
    assert "alert-success" in html and "#success" in html
