from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    """The shared mechanisms. Its only tables belong to the search: the glossary of the
    field's words and the count of searches that found nothing."""

    name = "common"
    verbose_name = _("Search")

    def ready(self) -> None:
        from common.models import GlossaryEntry
        from common.permissions import GROUP_PERMISSIONS
        from common.roles import sync_after_migrate
        from common.search import watch_glossary

        watch_glossary(GlossaryEntry)
        sync_after_migrate(self, GROUP_PERMISSIONS)
