"""Text typed by people: what a single line may hold, and how much of it an error repeats.

Control characters (CR, LF, ESC ...) have no place in a name or a city: a line break in an
organisation's name broke the moderators' mail subject. Bidirectional overrides and
isolates (U+202A-U+202E, U+2066-U+2069) make text display in another order than it is
stored ("gpj.exe" shown as "exe.jpg"); they are removed from all text, one line or many.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
)
ECHO_MAX = 40  # characters of a refused value that an error message may repeat


def strip_bidi_controls(value: str) -> str:
    return value.translate(BIDI_CONTROLS)


def has_control_characters(value: str, *, multiline: bool = False) -> bool:
    allowed = "\r\n\t" if multiline else ""
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in value)


def validate_single_line(value: str) -> None:
    """For models and forms: one line, no control characters, no direction overrides."""
    if has_control_characters(value) or value != strip_bidi_controls(value):
        raise ValidationError(
            _("Write this on one line, without control characters."),
            code="control_characters",
        )


def validate_multiline(value: str) -> None:
    if has_control_characters(value, multiline=True):
        raise ValidationError(
            _("Remove the control characters from the text."), code="control_characters"
        )


def one_line(value: str) -> str:
    """Any text made into one line (for mail subjects): whitespace runs become a space."""
    return " ".join(strip_bidi_controls(str(value)).split())


def short_echo(value):
    """A refused value as an error may repeat it: at most ECHO_MAX characters."""
    if isinstance(value, str) and len(value) > ECHO_MAX:
        return value[:ECHO_MAX] + "…"
    return value


# Web and e-mail addresses in a name: "Visit https://evil.example/win now" made the
# portal's own mail an advertisement. A name is the one typed text that mails repeat.
_ADDRESS_IN_NAME = re.compile(r"://|\bwww\.|@|\b[\w-]+\.(?:[^\W\d_]{2,})\b", re.IGNORECASE)


def validate_plain_name(value: str) -> None:
    """For the names that the portal's mails repeat (guests, sign-ups, contact senders)."""
    if _ADDRESS_IN_NAME.search(value):
        raise ValidationError(
            _("Write only your name, without web or e-mail addresses."), code="address_in_name"
        )
