from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValidationConfig(AppConfig):
    name = "validation"
    verbose_name = _("EU case validation")

    def ready(self) -> None:
        from common.roles import sync_after_migrate
        from validation.permissions import GROUP_PERMISSIONS

        # The staff groups' admin permissions, declared in one table (common.roles).
        sync_after_migrate(self, GROUP_PERMISSIONS)
        # Connects the signals that renew the validation generation (cached facet counts
        # and pages) in every process.
        from common import personal_data, waiting
        from validation import facets
        from validation import personal_data as personal
        from validation import waiting as queues

        facets.watch_changes()
        waiting.register("validation.waiting_applications", queues.WAITING_APPLICATIONS)
        # The person's applications: in their data export, their name out of the history.
        personal_data.register(personal.PART)
        personal_data.register_section(personal.MY_APPLICATIONS)
