from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    """The figures the centre reports: the staff dashboard in the admin and the public
    impact page. It owns no data of its own; it reads the other apps'."""

    name = "impact"
    verbose_name = _("Impact")
