from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValidationConfig(AppConfig):
    name = "validation"
    verbose_name = _("EU case validation")

    def ready(self) -> None:
        # Connects the signals that renew the validation generation (cached facet counts
        # and pages) in every process.
        from common import waiting
        from validation import facets
        from validation import waiting as queues

        facets.watch_changes()
        waiting.register("validation.waiting_applications", queues.WAITING_APPLICATIONS)
