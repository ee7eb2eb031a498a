from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "policy"
    verbose_name = _("Policy events")

    def ready(self) -> None:
        from common.roles import sync_after_migrate
        from policy.permissions import GROUP_PERMISSIONS

        # The staff groups' admin permissions, declared in one table (common.roles).
        sync_after_migrate(self, GROUP_PERMISSIONS)
        # Connects the signals that renew the policy generation (cached facet counts and
        # pages) in every process: web, management commands, workers.
        from common import personal_data, waiting
        from policy import facets
        from policy import personal_data as personal
        from policy import waiting as queues

        facets.watch_changes()
        waiting.register("policy.pending_registrations", queues.PENDING_REGISTRATIONS)
        waiting.register("policy.todays_events", queues.TODAYS_EVENTS)
        # The person's registrations: in their data export, anonymised with their account.
        personal_data.register(personal.PART)
        personal_data.register_section(personal.MY_EVENTS)
