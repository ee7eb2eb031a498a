from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self) -> None:
        # Connects the signals that renew the cached facet counts in every process
        # (web, management commands, workers), not only where the URLconf is loaded.
        from ecosystem import facets  # noqa: F401
