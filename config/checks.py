"""System checks for settings that only a deployment can get wrong."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def site_url_is_set(app_configs=None, **kwargs) -> list[Error]:
    """Mail links are built from SITE_URL alone; without it a deployment would mail
    addresses on whatever host a request happened to name."""
    if settings.DEBUG or settings.SITE_URL:
        return []
    return [
        Error(
            "SITE_URL is not set.",
            hint="Set SITE_URL to the portal's public address, e.g. "
            "SITE_URL=https://socialinnovation.dk: every link in a mail is built from it.",
            id="portal.E001",
        )
    ]
