from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The partner programme: organisations apply to become partners of the centre at a
    tier, staff decide with the workflow table, approved partners get the ecosystem's
    Partnership (partner-only resources), a badge and a place on the public page."""

    name = "partners"
    verbose_name = _("Partner programme")

    def ready(self) -> None:
        from common.roles import sync_after_migrate
        from partners.permissions import GROUP_PERMISSIONS

        # The staff groups' admin permissions, declared in one table (common.roles).
        sync_after_migrate(self, GROUP_PERMISSIONS)
        from common import personal_data as registry
        from common import waiting

        # The public partners page shows approved applications and the partnerships they
        # created (staff may change dates in the ecosystem's admin), and the actors' names
        # and logos (the ecosystem's generation, which the page also depends on).
        from ecosystem.models import Partnership
        from partners import personal_data
        from partners import waiting as queues
        from partners.models import GENERATION, PartnerApplication

        GENERATION.watch(PartnerApplication)
        GENERATION.watch(Partnership)
        registry.register(personal_data.PART)
        registry.register_section(personal_data.MY_APPLICATIONS)
        waiting.register("partners.submitted_applications", queues.SUBMITTED_APPLICATIONS)
        waiting.register("partners.renewals_due", queues.RENEWALS_DUE)
