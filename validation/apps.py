from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValidationConfig(AppConfig):
    name = "validation"
    verbose_name = _("EU case validation")

    def ready(self) -> None:
        # Connects the signals that renew the validation generation (cached facet counts
        # and pages) in every process.
        from validation import facets

        facets.watch_changes()
