"""The public side of the ecosystem: directory, map, actor pages and open data.

Everything here is read-only and anonymous-friendly. Each page runs a fixed number of
queries whatever the number of actors (tested in tests/ecosystem/test_query_counts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from csp.decorators import csp_replace
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from common import lists
from common import opendata as common_opendata
from common.catalogue import dataset_json_ld
from common.jsonld import json_ld
from common.languages import in_language
from common.lists import wants_results_only, without_empty_parameters
from common.pagecache import cached_fragment, public_page
from ecosystem import opendata, permissions
from ecosystem.facets import GENERATION
from ecosystem.filters import ActorFilter
from ecosystem.forms import MapEmbedForm
from ecosystem.mapkey import MARKER_GROUPS
from ecosystem.models import Actor, Connection

PAGE_SIZE = 20
# The one list layout (templates/includes/list.html) and this list's own parts of it.
LIST = lists.list_context("ecosystem/directory.html", "actor")

# How a connection reads from the other end: "A member of B" shows on B's page as
# "has as member: A".
INCOMING_LABELS = {
    Connection.Kind.PARTNER_OF: _("partner of"),
    Connection.Kind.MEMBER_OF: _("has as member"),
    Connection.Kind.FUNDED_BY: _("funds"),
    Connection.Kind.COLLABORATES_WITH: _("collaborates with"),
}

# The fields a result in the list shows; the rest (long texts, the search vector) stay
# in the database.
LIST_FIELDS = (
    "name",
    "slug",
    "kind",
    "short_description_da",
    "short_description_en",
    "country",
    "city",
    "open_to_partnerships",
    "municipality__name_da",
    "municipality__name_en",
)


def _listing(request: HttpRequest, filterset: ActorFilter) -> dict:
    """What the directory and the map page share: facets with counts, one page of results."""
    actors = filterset.qs.select_related("municipality").only(*LIST_FIELDS)
    return filterset.listing(request, actors, page_size=PAGE_SIZE)


def _render_listing(request: HttpRequest, page: str, extra: dict) -> HttpResponse:
    """The directory or the map page, or for htmx only the results (facets swapped out of
    band). Everything below the header is the same for every visitor, so logged-in
    visitors get it from the fragment cache."""
    htmx = wants_results_only(request)
    part = lists.RESULTS if htmx else f"ecosystem/_{page}_main.html"

    def build() -> str:
        context = {**_listing(request, ActorFilter(request.GET)), **extra, **LIST, "oob": htmx}
        return render_to_string(part, context, request)

    html = cached_fragment(request, part, (GENERATION,), build)
    if htmx:
        response = HttpResponse(html)
    else:
        response = render(request, f"ecosystem/{page}.html", {**extra, "main": html})
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
@without_empty_parameters
@public_page(GENERATION)
def actor_list(request: HttpRequest) -> HttpResponse:
    extra = {"results_url": reverse("ecosystem:index"), "view_name": "directory"}
    return _render_listing(request, "directory", extra)


def _map_settings() -> dict:
    return {
        "tile_url": settings.TILE_URL,
        "tile_attribution": settings.TILE_ATTRIBUTION or _("© OpenStreetMap contributors"),
    }


@require_safe
@without_empty_parameters
@public_page(GENERATION)
def actor_map(request: HttpRequest) -> HttpResponse:
    extra = {
        **_map_settings(),
        "results_url": reverse("ecosystem:map"),
        "view_name": "map",
        "marker_groups": MARKER_GROUPS,
        "oob_include": "ecosystem/_map_place_feedback.html",
    }
    return _render_listing(request, "map", extra)


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@public_page(GENERATION)
def actor_map_embed(request: HttpRequest) -> HttpResponse:
    """A bare map that partners put in an iframe on their own sites (framing allowed)."""
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **_map_settings(),
        "query_string": query.urlencode(),
        "marker_groups": MARKER_GROUPS,
    }
    return render(request, "ecosystem/map_embed.html", context)


def _docs_url(request: HttpRequest) -> str:
    return settings.SITE_URL + reverse("ecosystem:open_data")


@require_safe
@public_page(GENERATION)
def actor_map_geojson(request: HttpRequest) -> HttpResponse:
    """The filtered actors as GeoJSON; a repeated request for unchanged data gets a 304."""
    filters = ActorFilter(request.GET)
    if refused := common_opendata.refused_filters(filters):
        return refused
    actors = filters.matching().with_position()
    variant = f"geojson{opendata.GEOJSON_VERSION}|{get_language()}|{request.GET.urlencode()}"
    response = None
    if common_opendata.is_conditional(request):
        # Only a client that holds a copy pays for the separate, cheaper freshness query.
        fresh = common_opendata.freshness(actors, variant=variant)
        response = common_opendata.with_validators(request, fresh)
    if response is None:
        text, fresh = opendata.geojson_text(actors, variant=variant)
        response = HttpResponse(text, content_type="application/geo+json; charset=utf-8")
        response = common_opendata.with_validators(request, fresh, response)
    return common_opendata.licence_headers(response, docs_url=_docs_url(request))


def _map_embed(request: HttpRequest) -> dict:
    """The open-data page's "Embed the map": its options and the ready iframe code, for a
    municipality's or a partner's web editor. The code is built here, once, and shown as
    text (escaped by the template)."""
    form = MapEmbedForm(request.GET, language="en" if get_language() == "en" else "da")
    language, query = form.options()
    with translation.override(language):
        address = settings.SITE_URL + reverse("ecosystem:map_embed")
        title = str(_("Map of social innovation actors in Denmark"))
    if query:
        address += "?" + urlencode(query)
    code = format_html(
        '<iframe src="{}" title="{}" width="100%" height="500" style="border:0" '
        'loading="lazy"></iframe>',
        address,
        title,
    )
    return {"embed_form": form, "embed_url": address, "embed_code": str(code)}


@require_safe
@public_page(GENERATION)
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        **_map_embed(request),
        "csv_columns": opendata.CSV_COLUMNS,
        "json_fields": opendata.JSON_FIELDS,
        "geojson_properties": opendata.GEOJSON_PROPERTIES,
        "licence_name": opendata.LICENCE_NAME,
        "licence_url": opendata.LICENCE_URL,
        "kinds": Actor.Kind.choices,
        "roles": Actor.Role.choices,
        "scales": Actor.Scale.choices,
        "json_ld": dataset_json_ld(opendata.DATASET),
    }
    return render(request, "ecosystem/open_data.html", context)


# --- The actor page ----------------------------------------------------------------------


@dataclass(frozen=True)
class ConnectionRow:
    label: str
    actor: Actor


def _connections(actor: Actor) -> list[ConnectionRow]:
    """Both directions, only to published actors, each pair once."""
    rows: dict[tuple[str, int], ConnectionRow] = {}
    for connection in actor.connections_from.all():
        label = str(connection.get_kind_display())
        rows.setdefault((label, connection.to_actor_id), ConnectionRow(label, connection.to_actor))
    for connection in actor.connections_to.all():
        label = str(INCOMING_LABELS[connection.kind])
        rows.setdefault(
            (label, connection.from_actor_id), ConnectionRow(label, connection.from_actor)
        )
    return sorted(rows.values(), key=lambda row: (row.label, row.actor.name.lower()))


def _organisation_data(request: HttpRequest, actor: Actor) -> dict:
    """schema.org Organization, built in Python from the public fields only."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": actor.name,
        "url": request.build_absolute_uri(actor.get_absolute_url()),
        "description": actor.short_description,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": str(actor.country.code),
        },
    }
    address = data["address"]
    for key, value in (
        ("streetAddress", actor.address),
        ("postalCode", actor.postcode),
        ("addressLocality", actor.city or (actor.municipality and actor.municipality.name)),
        ("addressRegion", actor.region and actor.region.name),
    ):
        if value:
            address[key] = value
    optional = {
        "email": actor.email,
        "telephone": actor.phone,
        "taxID": actor.cvr,
        "foundingDate": str(actor.founded_year) if actor.founded_year else "",
        "sameAs": actor.website,
        "logo": request.build_absolute_uri(actor.logo.url) if actor.logo else "",
        "knowsAbout": [theme.name for theme in actor.themes.all()],
    }
    data.update({key: value for key, value in optional.items() if value})
    if actor.latitude is not None and actor.longitude is not None:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": actor.latitude,
                "longitude": actor.longitude,
            },
        }
    return data


# The policy app's events this actor organises or co-hosts, through the reverse relations
# that app declares: the ecosystem imports no other app (DESIGN.md, "Imports flow one way").
EVENT_RELATIONS = ("organised_events", "co_hosted_events")


def _event_prefetches() -> list[Prefetch]:
    found = []
    for name in EVENT_RELATIONS:
        try:
            model = Actor._meta.get_field(name).related_model
        except FieldDoesNotExist:
            continue
        events = (
            model.objects.public()
            .only("title_da", "title_en", "slug", "start", "status")
            .order_by("-start")
        )
        found.append(Prefetch(name, queryset=events, to_attr=f"public_{name}"))
    return found


@require_safe
@public_page(GENERATION)
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = permissions.get_actor_for_view(request.user, slug)
    prefetch_related_objects(
        [actor],
        "municipality",
        "region",
        "themes",
        "target_groups",
        "sdgs",
        Prefetch(
            "connections_from",
            queryset=Connection.objects.filter(to_actor__status=Actor.Status.PUBLISHED)
            .select_related("to_actor")
            .only("kind", "from_actor_id", "to_actor__name", "to_actor__slug"),
        ),
        Prefetch(
            "connections_to",
            queryset=Connection.objects.filter(from_actor__status=Actor.Status.PUBLISHED)
            .select_related("from_actor")
            .only("kind", "to_actor_id", "from_actor__name", "from_actor__slug"),
        ),
        *_event_prefetches(),
    )
    context = {
        "actor": actor,
        "short_description": in_language(actor, "short_description"),
        "description": in_language(actor, "description"),
        "partnership_text": in_language(actor, "partnership_text"),
        "connections": _connections(actor),
        "json_ld": json_ld(_organisation_data(request, actor)),
        "logo_url": request.build_absolute_uri(actor.logo.url) if actor.logo else "",
        "can_edit": permissions.can_edit(request.user, actor),
        # Anonymous visitors (the cached page) never see it: no query for them.
        "can_ask_to_join": permissions.can_request_to_join(request.user, actor),
        **_map_settings(),
    }
    return render(request, "ecosystem/actor_detail.html", context)
