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
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from common import lists
from common import opendata as common_opendata
from common.jsonld import json_ld
from common.lists import wants_results_only, without_empty_parameters
from common.pagecache import cached_fragment, public_page
from ecosystem import opendata, permissions
from ecosystem.facets import GENERATION
from ecosystem.filters import ActorFilter
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
    return request.build_absolute_uri(reverse("ecosystem:open_data"))


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")[:-1]


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
        text, fresh = opendata.geojson_text(actors, variant=variant, site_url=settings.SITE_URL)
        response = HttpResponse(text, content_type="application/geo+json; charset=utf-8")
        response = common_opendata.with_validators(request, fresh, response)
    return common_opendata.licence_headers(response, docs_url=_docs_url(request))


@require_safe
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    filters = ActorFilter(request.GET)
    if refused := common_opendata.refused_filters(filters):
        return refused
    actors = filters.matching()
    rows = opendata.csv_rows(actors, site_url=_site_url(request))
    return common_opendata.download(
        common_opendata.csv_lines([c.name for c in opendata.CSV_COLUMNS], rows),
        content_type=common_opendata.CSV_CONTENT_TYPE,
        filename="actors.csv",
        docs_url=_docs_url(request),
    )


@require_safe
def export_xlsx(request: HttpRequest) -> FileResponse:
    """The CSV's rows as a spreadsheet, for people who open data in Excel."""
    filters = ActorFilter(request.GET)
    if refused := common_opendata.refused_filters(filters):
        return refused
    actors = filters.matching()
    rows = opendata.csv_rows(actors, site_url=_site_url(request))
    handle = common_opendata.xlsx_file(
        [c.name for c in opendata.CSV_COLUMNS], rows, title=str(_("Actors"))
    )
    return common_opendata.xlsx_download(
        handle, filename="actors.xlsx", docs_url=_docs_url(request)
    )


@require_safe
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    filters = ActorFilter(request.GET)
    if refused := common_opendata.refused_filters(filters):
        return refused
    actors = filters.matching()
    chunks = common_opendata.json_chunks(
        opendata.json_head(source_url=_docs_url(request)),
        "actors",
        opendata.json_items(actors, site_url=_site_url(request)),
    )
    return common_opendata.download(
        chunks,
        content_type=common_opendata.JSON_CONTENT_TYPE,
        filename="actors.json",
        docs_url=_docs_url(request),
        database_answered=True,  # json_items has read the theme and group names
    )


@require_safe
@public_page(GENERATION)
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        "csv_columns": opendata.CSV_COLUMNS,
        "json_fields": opendata.JSON_FIELDS,
        "geojson_properties": opendata.GEOJSON_PROPERTIES,
        "licence_name": opendata.LICENCE_NAME,
        "licence_url": opendata.LICENCE_URL,
        "kinds": Actor.Kind.choices,
        "roles": Actor.Role.choices,
        "scales": Actor.Scale.choices,
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


@dataclass(frozen=True)
class Text:
    """A text in the visitor's language, or the other one; `lang` marks which (WCAG 3.1.2)."""

    text: str
    lang: str


def _in_language(actor: Actor, field: str) -> Text:
    lang = "en" if (get_language() or "").startswith("en") else "da"
    for code in (lang, "da" if lang == "en" else "en"):
        text = getattr(actor, f"{field}_{code}") or ""
        if text.strip():
            return Text(text, code)
    return Text("", lang)


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
    page_url = request.build_absolute_uri(actor.get_absolute_url())
    context = {
        "actor": actor,
        "short_description": _in_language(actor, "short_description"),
        "description": _in_language(actor, "description"),
        "partnership_text": _in_language(actor, "partnership_text"),
        "connections": _connections(actor),
        "json_ld": json_ld(_organisation_data(request, actor)),
        "page_url": page_url,
        "logo_url": request.build_absolute_uri(actor.logo.url) if actor.logo else "",
        "can_edit": permissions.can_edit(request.user, actor),
        # Anonymous visitors (the cached page) never see it: no query for them.
        "can_ask_to_join": permissions.can_request_to_join(request.user, actor),
        **_map_settings(),
    }
    return render(request, "ecosystem/actor_detail.html", context)
