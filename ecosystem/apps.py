from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self) -> None:
        from common.roles import sync_after_migrate
        from ecosystem.permissions import GROUP_PERMISSIONS

        # The staff groups' admin permissions, declared in one table (common.roles).
        sync_after_migrate(self, GROUP_PERMISSIONS)
        # Connects the signals that renew the ecosystem's generation (cached facet counts
        # and pages) in every process: web, management commands, workers.
        from common import personal_data as registry
        from common import waiting
        from ecosystem import facets, personal_data
        from ecosystem import waiting as queues

        facets.watch_changes()
        # A person's groups are read once per request (ecosystem.staff); a change of them
        # is read again.
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from ecosystem import staff

        m2m_changed.connect(
            staff.forget_groups,
            sender=get_user_model().groups.through,
            dispatch_uid="ecosystem-staff-forget-groups",
        )
        # The account and the organisations come first in a person's data export.
        registry.register(personal_data.ACCOUNT_PART)
        registry.register(personal_data.ORGANISATIONS_PART)
        registry.register_section(personal_data.MY_ORGANISATIONS)
        # What waits for a moderator, counted on the admin's front page.
        waiting.register("ecosystem.pending_actors", queues.PENDING_ACTORS)
