from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from config import personal_data, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("media/<path:path>", views.public_media, name="public_media"),
]

urlpatterns += i18n_patterns(
    path("", views.home_page, name="home"),
    path(_("search/"), views.search, name="search"),
    path(_("about/"), views.about, name="about"),
    path(_("contact/"), views.contact, name="contact"),
    path(_("privacy/"), views.privacy, name="privacy"),
    path(_("accessibility/"), views.accessibility, name="accessibility"),
    path(_("news/"), include("pages.urls")),
    path("admin/login/", views.admin_login),
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(views.admin_view_on_site),
        name="admin_view_on_site",
    ),
    path("admin/", admin.site.urls),
    path("accounts/profile/", views.account, name="account"),
    path("accounts/profile/data/", personal_data.download, name="account_data"),
    path("accounts/profile/delete/", personal_data.delete, name="account_delete"),
    path("accounts/", include("allauth.urls")),
    path("actors/", include("ecosystem.urls")),
    path("resources/", include("resources.urls")),
    path("cases/", include("validation.urls")),
    path("events/", include("policy.urls")),
    path(_("impact/"), include("impact.urls")),
    prefix_default_language=False,
)

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
