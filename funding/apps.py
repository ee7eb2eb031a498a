from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding opportunities")

    def ready(self) -> None:
        from common.roles import sync_after_migrate
        from funding.permissions import GROUP_PERMISSIONS

        # The staff groups' admin permissions, declared in one table (common.roles).
        sync_after_migrate(self, GROUP_PERMISSIONS)
        # Connects the signals that renew the funding generation (cached facet counts and
        # pages) in every process, and registers the alerts as personal data.
        from common import personal_data as registry
        from funding import facets, personal_data

        facets.watch_changes()
        registry.register(personal_data.PART)
        registry.register_section(personal_data.ALERTS_SECTION)
