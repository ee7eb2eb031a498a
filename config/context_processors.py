from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import gettext_lazy as _

MAIN_MENU = [
    ("ecosystem:index", _("Actors and map")),
    ("resources:index", _("Resources")),
    ("validation:index", _("EU cases")),
    ("policy:index", _("Events")),
    ("about", _("About")),
]


def portal(request):
    """The portal's name and, for the language switcher, this page in each language."""
    path = request.get_full_path()
    return {
        "portal_name": settings.PORTAL_NAME,
        "contact_email": settings.CONTACT_EMAIL,
        "main_menu": [(reverse(name), label) for name, label in MAIN_MENU],
        "language_urls": {code: translate_url(path, code) for code, _name in settings.LANGUAGES},
    }
