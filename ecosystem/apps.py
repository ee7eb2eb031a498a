from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self) -> None:
        # Connects the signals that renew the ecosystem's generation (cached facet counts
        # and pages) in every process: web, management commands, workers.
        from ecosystem import facets

        facets.watch_changes()
