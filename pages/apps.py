from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Site-wide content: the trust pages, news, and the messages of the contact form."""

    name = "pages"
    verbose_name = _("Pages and news")

    def ready(self) -> None:
        from common.roles import sync_after_migrate
        from pages.permissions import GROUP_PERMISSIONS

        # The staff groups' admin permissions, declared in one table (common.roles).
        sync_after_migrate(self, GROUP_PERMISSIONS)
        from common import personal_data as registry
        from common import waiting
        from pages import menu, personal_data, services  # noqa: F401
        from pages import waiting as queues
        from pages.models import GENERATION, NewsArticle, Page

        # A page or an article edited in the admin shows at once: every page cached from
        # them is keyed by this generation.
        GENERATION.watch(Page)
        GENERATION.watch(NewsArticle)
        registry.register(personal_data.PART)
        menu.watch_changes()  # the menus show where each page sits
        waiting.register("pages.new_messages", queues.NEW_MESSAGES)
        post_migrate.connect(create_missing_pages, sender=self, dispatch_uid="pages-create")


def create_missing_pages(sender, apps=global_apps, using="default", **kwargs) -> None:
    """The four pages every Danish public body publishes exist from the first migration
    on (and after a test flushes the database), so their addresses always answer. A page
    that exists is left as the staff wrote it."""
    from pages.content import PAGES

    Page = apps.get_model("pages", "Page")
    for key, fields in PAGES.items():
        if not Page.objects.using(using).filter(key=key).exists():
            values = {**fields, "title": fields["title_da"], "summary": fields["summary_da"]}
            values["body"] = fields["body_da"]
            Page.objects.using(using).create(key=key, **values)
