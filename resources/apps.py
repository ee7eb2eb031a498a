from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Knowledge resources")

    def ready(self) -> None:
        # Connects the signals that renew the library's generation (cached facet counts
        # and pages), and the ecosystem's for the actor page's list of resources.
        from resources import facets

        facets.watch_changes()
