"""Markdown written by staff or editors, shown as HTML that can hold nothing but text
markup: rendered by markdown-it-py (CommonMark, tables), then sanitised by nh3.

Raw HTML in the Markdown is not rendered (it shows as text), and whatever the renderer
makes passes nh3's allow-list: no <script>, no styles, no event-handler attributes, links
only to http(s), mailto and tel. Never a hand-written filter. A page has one h1 (its
title), so the body's headings are moved down to start at h2, however it wrote them.
"""

from __future__ import annotations

import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_HEADING = re.compile(r"<(/?)h([1-6])>")

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}


def render(text: str) -> SafeString:
    html = _RENDERER.render(text or "")
    levels = [int(level) for _slash, level in _HEADING.findall(html)]
    shift = max(0, 2 - min(levels)) if levels else 0
    if shift:
        html = _HEADING.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + shift)}>", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
