from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from pages import menu
from pages.models import Page

# The apps' sections; the trust pages staff place in the main menu follow (pages.menu).
MAIN_MENU = [
    ("ecosystem:index", _("Actors and map")),
    ("resources:index", _("Resources")),
    ("validation:index", _("EU cases")),
    ("policy:index", _("Events")),
    ("funding:index", _("Funding")),
    ("matching:find_partner", _("Find a partner")),
]


def language_urls(request) -> dict[str, str]:
    """This page in each language, built from the route Django resolved, never from the
    raw path: a page that resolved to nothing (a 404) links to each language's front page,
    so no link can be made to point elsewhere by the address typed."""
    match = getattr(request, "resolver_match", None)
    query = request.GET.urlencode()
    urls = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            url = None
            if match is not None and match.url_name:
                try:
                    url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:
                    url = None
            if url is None:
                url = reverse("home")
            elif query:
                url += "?" + query
        urls[code] = url
    return urls


def portal(request):
    """The portal's name and, for the language switcher, this page in each language."""
    return {
        "portal_name": settings.PORTAL_NAME,
        "contact_email": settings.CONTACT_EMAIL,
        "main_menu": [(reverse(name), label) for name, label in MAIN_MENU]
        + [(url, label) for url, label, _key in menu.links(Page.Menu.MAIN)],
        "footer_menu": [(url, label) for url, label, _key in menu.links(Page.Menu.FOOTER)],
        "language_urls": language_urls(request),
    }
