from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Site-wide pieces: pages, health check, management commands (bench)."""

    name = "config"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from django.conf import settings
        from django.contrib import admin

        from config import admin_inlines, checks  # noqa: F401  (registers the system checks)

        admin_inlines.install()

        admin.site.site_header = settings.PORTAL_NAME
        admin.site.site_title = settings.PORTAL_NAME
        admin.site.index_title = _("Administration of the portal")
