from django.conf import settings
from django.urls import translate_url


def portal(request):
    """The portal's name and, for the language switcher, this page in each language."""
    path = request.get_full_path()
    return {
        "portal_name": settings.PORTAL_NAME,
        "contact_email": settings.CONTACT_EMAIL,
        "language_urls": {code: translate_url(path, code) for code, _name in settings.LANGUAGES},
    }
