from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Knowledge resources")

    def ready(self) -> None:
        from common.roles import sync_after_migrate
        from resources.permissions import GROUP_PERMISSIONS

        # The staff groups' admin permissions, declared in one table (common.roles).
        sync_after_migrate(self, GROUP_PERMISSIONS)
        # Connects the signals that renew the library's generation (cached facet counts
        # and pages), and the ecosystem's for the actor page's list of resources.
        from resources import facets

        facets.watch_changes()
