"""schema.org JSON-LD for public detail pages."""

from __future__ import annotations

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> block, escaped like json_script: it is data,
    never executed, and "</script>" in a user's text cannot end it early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    escaped = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))


def default_image(request) -> str:
    """The portal's own 1200x630 image, for items that have none (Google wants an image
    on an article and a thumbnail on a video)."""
    return request.build_absolute_uri(static("img/og-default.png"))


def site_organisation(request) -> dict:
    """The centre as schema.org Organization, with the logo Google asks for."""
    home = request.build_absolute_uri("/")
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": settings.PORTAL_NAME,
        "url": home,
        "logo": request.build_absolute_uri(static("img/logo.png")),
    }
