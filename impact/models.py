from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """No table: the admin lists apps by their models, so this stands for the dashboard
    there (Impact › Impact figures). Its admin replaces every view with the dashboard."""

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("impact figures")
        verbose_name_plural = _("impact figures")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
