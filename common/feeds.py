"""What every RSS and Atom feed of the portal carries, whoever reads it.

- An author: the centre, so every Atom entry has one (RFC 4287 §4.1.1) even when the
  entry names none of its own;
- the licence: `<copyright>` in RSS, `<rights>` in Atom;
- ids and links built from SITE_URL, never from the request's Host header, so a feed has
  one id wherever it is fetched from (and a forged Host cannot rewrite its links).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from common.opendata import LICENCE_NAME, LICENCE_URL

CENTRE_NAME = _("National competence centre for social innovation")


def absolute(path: str) -> str:
    """The address of a path on the portal, from SITE_URL alone."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


class PortalFeed(Feed):
    """Subclasses give `link()` (through `absolute`), `items()` and the item texts."""

    def author_name(self) -> str:
        return str(CENTRE_NAME)

    def author_link(self) -> str:
        return absolute("/")

    def feed_copyright(self) -> str:
        return f"{LICENCE_NAME} {LICENCE_URL} — {settings.PORTAL_NAME}"

    def get_object(self, request, *args, **kwargs) -> str:
        # The feed's own path (with its language prefix) is the object the feed is of:
        # the feed instance is shared by every request, so nothing is stored on it.
        return request.path

    def feed_url(self, path: str) -> str:
        return absolute(path)

    def feed_guid(self, path: str) -> str:
        return absolute(path)

    def item_link(self, item) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item) -> str:
        return self.item_link(item)

    def item_author_name(self, item) -> str:
        return str(CENTRE_NAME)
