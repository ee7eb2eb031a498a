"""The head's links for search engines: the page in each language (hreflang, with the
Danish address as x-default) and its canonical address, without query parameters (a
list's filters and pages are the same page)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def alternates(context) -> dict:
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return {"links": [], "canonical": ""}
    here = request.build_absolute_uri(request.path)
    links = [(code, translate_url(here, code)) for code, _name in settings.LANGUAGES]
    danish = dict(links).get("da", here)
    return {"links": [*links, ("x-default", danish)], "canonical": here}
