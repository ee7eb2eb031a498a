"""The head's links and cards for search engines and for sharing.

`alternates`: the page in each language (hreflang, with the Danish address as x-default)
and its canonical address, without query parameters (a list's filters and pages are the
same page).

`open_graph`: Open Graph and Twitter card tags for every page from what the page already
says, so no template repeats them. The title is the page's `title` block (or an `og_title`
block where the title alone says little, as "Home" does), the description
its `meta_description` block; a page with an image of its own names its absolute address
in an `og_image` block (else the portal's 1200x630 image), an article says so in an
`og_type` block (else "website"). The blocks are rendered here only.

`breadcrumb_list`: the page's breadcrumb bar as schema.org JSON-LD.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from django import template
from django.conf import settings
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.translation import get_language

from common.jsonld import json_ld

register = template.Library()

DEFAULT_IMAGE = "img/og-default.png"  # 1200x630, made once with Pillow
LOCALES = {"da": "da_DK", "en": "en_GB"}


def _page_address(context) -> str:
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return ""
    return request.build_absolute_uri(request.path)


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def alternates(context) -> dict:
    here = _page_address(context)
    if not here:
        return {"links": [], "canonical": ""}
    links = [(code, translate_url(here, code)) for code, _name in settings.LANGUAGES]
    danish = dict(links).get("da", here)
    return {"links": [*links, ("x-default", danish)], "canonical": here}


def _block_text(context, name: str) -> str:
    """The plain text of the page's block `name` (the most derived template's), one line."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block(name) if blocks is not None else None
    if block is None:
        return ""
    with context.push(block=block):
        rendered = block.nodelist.render(context)
    return " ".join(html.unescape(strip_tags(rendered)).split())


@register.inclusion_tag("includes/open_graph.html", takes_context=True)
def open_graph(context) -> dict:
    here = _page_address(context)
    if not here:
        return {"url": ""}
    request = context["request"]
    site_name = context.get("portal_name") or settings.PORTAL_NAME
    title = _block_text(context, "og_title") or _block_text(context, "title") or site_name
    language = "en" if (get_language() or "").startswith("en") else "da"
    image = _block_text(context, "og_image")
    return {
        "url": here,
        "site_name": site_name,
        "title": title,
        "description": _block_text(context, "meta_description"),
        "type": _block_text(context, "og_type") or "website",
        "image": image or request.build_absolute_uri(static(DEFAULT_IMAGE)),
        "image_is_default": not image,
        "locale": LOCALES[language],
        "alternate_locales": [value for key, value in LOCALES.items() if key != language],
    }


class _Breadcrumbs(HTMLParser):
    """The trail of a DKFDS breadcrumb bar: (name, address) of each link, then the
    current page's name (the item marked aria-current), address None."""

    def __init__(self):
        super().__init__()
        self.trail: list[list] = []
        self._in: list | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "a" and "breadcrumbs__link" in (found.get("class") or ""):
            self._in = ["", found.get("href")]
        elif tag == "li" and found.get("aria-current") == "page":
            self._in = ["", None]
        else:
            return
        self.trail.append(self._in)

    def handle_endtag(self, tag):
        if tag in ("a", "li"):
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self._in[0] += data


@register.simple_tag(takes_context=True)
def breadcrumb_list(context) -> str:
    """schema.org BreadcrumbList of the page's `breadcrumbs` block, where it has one: the
    bar people see is the one search engines are told, with no second list to keep."""
    here = _page_address(context)
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block("breadcrumbs") if blocks is not None else None
    if not here or block is None:
        return ""
    with context.push(block=block):
        parser = _Breadcrumbs()
        parser.feed(block.nodelist.render(context))
    request = context["request"]
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": " ".join(name.split()),
            "item": request.build_absolute_uri(address) if address else here,
        }
        for position, (name, address) in enumerate(parser.trail, start=1)
        if name.strip()
    ]
    if len(items) < 2:
        return ""
    return json_ld(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    )
