from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from common import catalogue
from config import personal_data, second_factor, sitemaps, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
    path("media/<path:path>", views.public_media, name="public_media"),
    # The open-data catalogue, at addresses that do not change with the language.
    path("data/catalog.jsonld", catalogue.catalogue_view, name="opendata_catalogue"),
    path("data/datapackage.json", catalogue.datapackage_view, name="opendata_datapackage"),
    path(
        "data/schemas/<slug:name>.schema.json",
        catalogue.json_schema_view,
        name="opendata_json_schema",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.home_page, name="home"),
    path(_("search/"), views.search, name="search"),
    path(_("about/"), views.about, name="about"),
    path(_("contact/"), views.contact, name="contact"),
    path(_("privacy/"), views.privacy, name="privacy"),
    path(_("accessibility/"), views.accessibility, name="accessibility"),
    path(_("news/"), include("pages.urls")),
    path("data/", catalogue.open_data_page, name="open_data"),
    path("admin/login/", views.admin_login),
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(views.admin_view_on_site),
        name="admin_view_on_site",
    ),
    # Django's own route (`admin/r/<path>/...`) took every other spelling of the content
    # type (`+2`, ` 2`) and redirected any staff member to any object: it never answers.
    re_path(r"^admin/r/", views.not_found),
    path("admin/", admin.site.urls),
    path("accounts/profile/", views.account, name="account"),
    path("accounts/profile/data/", personal_data.download, name="account_data"),
    path("accounts/profile/delete/", personal_data.delete, name="account_delete"),
    # Before allauth's own: the set-up of a second factor keeps `next` (second_factor.py).
    path("accounts/2fa/totp/activate/", second_factor.activate_totp, name="mfa_activate_totp"),
    path(
        "accounts/2fa/recovery-codes/",
        second_factor.view_recovery_codes,
        name="mfa_view_recovery_codes",
    ),
    path("accounts/", include("allauth.urls")),
    # Before the apps it extends: /aktoerer/<slug>/partnere/, /eu-cases/<slug>/partnere/.
    path("", include("matching.urls")),
    # Danish addresses on Danish pages (/aktoerer/), English ones under /en/ (/en/actors/).
    path(_("actors/"), include("ecosystem.urls")),
    path(_("resources/"), include("resources.urls")),
    path(_("cases/"), include("validation.urls")),
    path(_("events/"), include("policy.urls")),
    path(_("partners/"), include("partners.urls")),
    path(_("funding/"), include("funding.urls")),
    path(_("impact/"), include("impact.urls")),
    prefix_default_language=False,
)

# The addresses the Danish pages had before they were Danish (/actors/map/): a permanent
# redirect to the same page's Danish address, with the query string, so no link shared
# or bookmarked breaks. Last, so they only answer what nothing else does.
urlpatterns += [
    re_path(r"^(?P<path>(?:actors|resources|cases|events)/.*)$", views.old_address),
]

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
