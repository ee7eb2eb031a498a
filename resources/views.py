"""The library's public pages: the list with facets and search, the resource page, the
download (access checked on every request), collections, the feeds and the open data.

Each page runs a fixed number of queries whatever the library's size
(tests/resources/test_query_counts.py).
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.timezone import localdate
from django.views.decorators.http import require_safe

from common import jsonld, lists, markdown
from common import opendata as common_opendata
from common.catalogue import dataset_json_ld
from common.lists import wants_results_only, without_empty_parameters
from common.pagecache import cached_fragment, public_page
from ecosystem.models import Actor
from resources import opendata, permissions, services
from resources.facets import GENERATION
from resources.filters import ResourceFilter
from resources.models import Collection, Resource, ResourceFile

PAGE_SIZE = 20
RELATED_COUNT = 4
LIST_FIELDS = ("title", "slug", "summary", "kind", "language", "access", "published_on")

# schema.org types that fit a resource type better than CreativeWork.
SCHEMA_TYPES = {
    Resource.Kind.REPORT: "Report",
    Resource.Kind.POLICY_BRIEF: "Report",
    Resource.Kind.DATASET: "Dataset",
    Resource.Kind.VIDEO: "VideoObject",
    Resource.Kind.CASE_STUDY: "Article",
}


def _listing(request: HttpRequest, filterset: ResourceFilter) -> dict:
    resources = filterset.qs.only(*LIST_FIELDS)
    return filterset.listing(request, resources, page_size=PAGE_SIZE) | {
        "results_url": reverse("resources:index"),
        **lists.list_context("resources/library.html", "resource"),
    }


@require_safe
@without_empty_parameters
@public_page(GENERATION)
def index(request: HttpRequest) -> HttpResponse:
    """The library; for htmx only the results (facets swapped out of band). The part below
    the header is the same for every visitor, so logged-in visitors get it from the
    fragment cache."""
    htmx = wants_results_only(request)
    part = lists.RESULTS if htmx else "resources/_library_main.html"

    def build() -> str:
        context = {**_listing(request, ResourceFilter(request.GET)), "oob": htmx}
        return render_to_string(part, context, request)

    html = cached_fragment(request, part, (GENERATION,), build)
    if htmx:
        response = HttpResponse(html)
    else:
        response = render(request, "resources/library.html", {"main": html})
    patch_vary_headers(response, ["HX-Request"])
    return response


def _resource_data(request: HttpRequest, resource: Resource) -> dict:
    """schema.org CreativeWork (or the fitting subtype), from the public fields only."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(resource.kind, "CreativeWork"),
        "name": resource.title,
        "headline": resource.title,
        "description": resource.summary,
        "url": request.build_absolute_uri(resource.get_absolute_url()),
        "inLanguage": resource.language if resource.language != "other" else None,
        "datePublished": resource.published_on.isoformat(),
        "dateModified": localdate(resource.updated_at).isoformat(),  # the Danish date
        # Partner-only (or members-only) resources are not free to read.
        "isAccessibleForFree": not resource.is_restricted,
        "keywords": [theme.name for theme in resource.themes.all()],
        "publisher": [
            {
                "@type": "Organization",
                "name": actor.name,
                "url": request.build_absolute_uri(actor.get_absolute_url()),
            }
            for actor in resource.publishers.all()
        ],
    }
    if resource.authors:
        data["author"] = [
            {"@type": "Person", "name": name.strip()}
            for name in resource.authors.split(",")
            if name.strip()
        ]
    if resource.cover_image and not resource.is_restricted:
        data["image"] = request.build_absolute_uri(resource.cover_image.url)
    if data["@type"] == "VideoObject":
        # Google's required properties of a video: a thumbnail and the upload date.
        data["thumbnailUrl"] = data.get("image") or jsonld.default_image(request)
        data["uploadDate"] = resource.published_on.isoformat()
    if resource.is_restricted:
        data["conditionsOfAccess"] = str(resource.get_access_display())
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _related(resource: Resource) -> list[Resource]:
    """Published resources that share the most themes with this one (one query)."""
    themes = [theme.pk for theme in resource.themes.all()]
    if not themes:
        return []
    return list(
        Resource.objects.published()
        .exclude(pk=resource.pk)
        .filter(themes__in=themes)
        .annotate(shared=Count("themes", filter=Q(themes__in=themes)))
        .only(*LIST_FIELDS)
        .order_by("-shared", "-published_on", "pk")[:RELATED_COUNT]
    )


@require_safe
@public_page(GENERATION)
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = permissions.get_resource_for_view(request.user, slug)
    prefetch_related_objects(
        [resource],
        "themes",
        "target_groups",
        "sdgs",
        Prefetch("publishers", queryset=Actor.objects.published().only("name", "slug")),
        Prefetch(
            "files",
            queryset=ResourceFile.objects.only(
                "resource_id", "title", "original_name", "kind", "size", "position"
            ),
        ),
    )
    context = {
        "resource": resource,
        # What the download control offers this visitor: the file, a log-in, or the way
        # to become a partner (the page is cached for anonymous visitors only).
        "can_download": permissions.can_view_file(request.user, resource),
        "body": markdown.render(resource.body),
        "related": _related(resource),
        "json_ld": jsonld.json_ld(_resource_data(request, resource)),
        "cover_url": (
            request.build_absolute_uri(resource.cover_image.url)
            if resource.cover_image and not resource.is_restricted
            else ""
        ),
    }
    return render(request, "resources/detail.html", context)


@require_safe
def download(request: HttpRequest, slug: str, file_id: int) -> HttpResponse:
    """Access is checked on every request (never cached), then the file is streamed."""
    resource_file = permissions.get_file_for_download(request.user, slug, file_id)
    resource = resource_file.resource
    if not permissions.can_view_file(request.user, resource):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        response = render(request, "resources/no_access.html", {"resource": resource}, status=403)
        response["Cache-Control"] = "private, no-store"
        return response
    if getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        # S3: a URL that expires in a minute, issued only after the check above, and only
        # for a file that is there (a restore without the files must not count downloads).
        if not default_storage.exists(resource_file.file.name):
            raise Http404
        url = default_storage.url(
            resource_file.file.name,
            parameters={
                "ResponseContentDisposition": "attachment; filename*=UTF-8''"
                + quote(resource_file.original_name),
                "ResponseContentType": resource_file.content_type,
            },
            expire=60,
        )
        response = HttpResponseRedirect(url)
    else:
        try:
            handle = default_storage.open(resource_file.file.name)
        except (FileNotFoundError, IsADirectoryError) as error:
            raise Http404 from error
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=resource_file.original_name,
            content_type=resource_file.content_type,
        )
    # Counted only now: a file that is missing answered 404 above and is not a download.
    services.record_download(resource_file)
    response["X-Content-Type-Options"] = "nosniff"
    # Only a published, public file may sit in a shared cache; a draft's file is sent to
    # editors alone, whoever asks, and kept by no cache.
    public = resource.is_published and resource.access == Resource.Access.PUBLIC
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


# --- Collections -------------------------------------------------------------------------


@require_safe
@public_page(GENERATION)
def collection_list(request: HttpRequest) -> HttpResponse:
    collections = Collection.objects.filter(is_published=True).annotate(
        size=Count("items", filter=Q(items__resource__status=Resource.Status.PUBLISHED))
    )
    return render(request, "resources/collection_list.html", {"collections": collections})


@require_safe
@public_page(GENERATION)
def collection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    collection = get_object_or_404(Collection, slug=slug, is_published=True)
    resources = list(
        Resource.objects.published()
        .filter(collection_items__collection=collection)
        .only(*LIST_FIELDS)
        .order_by("collection_items__position", "collection_items__pk")
    )
    context = {"collection": collection, "resources": resources}
    return render(request, "resources/collection_detail.html", context)


# --- Open data ---------------------------------------------------------------------------


@require_safe
@public_page(GENERATION)
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        "fields": opendata.FIELDS,
        "licence_name": common_opendata.LICENCE_NAME,
        "licence_url": common_opendata.LICENCE_URL,
        "kinds": Resource.Kind.choices,
        "audiences": Resource.Audience.choices,
        "json_ld": dataset_json_ld(opendata.DATASET),
    }
    return render(request, "resources/open_data.html", context)
