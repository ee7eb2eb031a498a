"""schema.org JSON-LD for public detail pages."""

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> block, escaped like json_script: it is data,
    never executed, and "</script>" in a user's text cannot end it early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    escaped = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))
