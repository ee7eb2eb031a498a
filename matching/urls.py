"""Mounted at the root of the language prefix (config/urls.py), so each page sits beside
what it is for: an actor's suggestions under its page (/actors/<slug>/partners/), a
case's under the case (/cases/<slug>/partners/). The ecosystem and the validation apps
link here by URL name from their templates only, never by an import."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from matching import views

app_name = "matching"

urlpatterns = [
    # The same words as the apps' own addresses (config/urls.py, partners/urls.py), so the
    # Danish page is /aktoerer/<slug>/partnere/ and the English /en/actors/<slug>/partners/.
    path(
        format_lazy("{}<slug:slug>/{}", _("actors/"), _("partners/")),
        views.actor_partners,
        name="actor_partners",
    ),
    path(
        format_lazy("{}<slug:slug>/{}", _("cases/"), _("partners/")),
        views.case_partners,
        name="case_partners",
    ),
    path(_("find-a-partner/"), views.find_partner, name="find_partner"),
]
