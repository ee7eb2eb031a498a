from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "policy"
    verbose_name = _("Policy events")

    def ready(self) -> None:
        # Connects the signals that renew the policy generation (cached facet counts and
        # pages) in every process: web, management commands, workers.
        from policy import facets

        facets.watch_changes()
