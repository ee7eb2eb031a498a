"""The public page cache: anonymous GETs of public pages come from Django's cache.

A view declares the generations of the data it shows (`@public_page(GENERATION)`); the
cached copy is keyed by the scheme and host, the path, the query string, the language and
whether htmx asked for a fragment (pages build absolute links from the request, so a copy
made for one host or scheme never reaches a visitor of another), and it is used only
while every one of those generations is the one it was rendered under. Any change
renews a generation (common.generations), so the next request renders afresh: never a
stale page after an edit, a publication or an unpublication, and no list of URLs to purge.

What never comes from the cache and is never stored:
- requests that carry a session or a messages cookie (logged-in visitors, or anyone
  with a message waiting), and anything but GET and HEAD;
- responses other than 200, streamed responses, and responses that set a cookie, used
  the CSRF token (a form: a token must never reach a second visitor), queued a message
  or wrote to the session.

A hit costs one round trip to the cache (the stamps and the page together), and it is
served by `PageCacheMiddleware` before the middleware a cached anonymous page does not
need (sessions, CSRF, authentication, messages, the URL resolver, the view), the way
Django's own FetchFromCacheMiddleware sits at the top. The middleware stores the page
with every header the full stack gave it (language, Vary, framing), and the middleware
above it (security headers, CSP, permissions policy) runs for hits as for any response,
so a hit carries exactly the headers of a full response. Pages are
stored gzip-compressed: a client that accepts gzip gets the stored bytes as they are.
Anonymous public pages hold no secret, so compressing them opens no BREACH hole.
Public responses send `Cache-Control: public` with a short max-age and an ETag, so a
CDN or a browser can hold them and revalidate for the price of the same lookup.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe, quote_etag
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from common.generations import Generation, every_generation, read

# How long a browser or a CDN may reuse a public page without asking again.
MAX_AGE = 60
# How long an unrequested page stays in the cache; a change makes it old long before.
STORE_SECONDS = 24 * 3600
COMPRESS_LEVEL = 6
# Every header of the view's response is stored and replayed (Content-Disposition, Link,
# Access-Control-Allow-Origin, Last-Modified, ...) except these, which belong to one
# response: the body's encoding and length, and the cache's own. The middleware adds the
# rest each time; decorators that set attributes on the response (clickjacking, CSP) must
# wrap this one.
_NOT_KEPT = {"content-length", "content-encoding", "set-cookie", "date", "etag", "x-page-cache"}


@functools.cache
def release() -> str:
    """A fingerprint of the code, templates, translations, stylesheets, scripts and
    page-shaping settings this process serves: a deploy that changes any of them never
    gets an old copy (whose links to hashed static files would be gone)."""
    digest = hashlib.sha256()
    for folder in settings.PAGE_CACHE_SOURCES:
        for path in sorted(Path(folder).rglob("*")):
            # Stylesheets and scripts too: a page names them by hash, and `collectstatic
            # --clear` removes the old files, so an old copy would come unstyled.
            if path.suffix in (".py", ".html", ".txt", ".mo", ".css", ".js") and (
                "migrations" not in path.parts
            ):
                # The path inside the checkout, not the checkout's own place: instances
                # of one release in different folders share their cached pages.
                digest.update(path.relative_to(Path(folder).parent).as_posix().encode())
                digest.update(path.read_bytes())
    for name in ("SITE_URL", "CONTACT_EMAIL", "TILE_URL", "TILE_ATTRIBUTION", "STATIC_URL"):
        digest.update(f"{name}={getattr(settings, name, '')}".encode())
    return digest.hexdigest()[:16]


def _eligible(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not getattr(settings, "PAGE_CACHE", True):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _key(request: HttpRequest) -> str:
    parts = "|".join(
        (
            release(),
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            get_language() or "",
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-History-Restore-Request", ""),
        )
    )
    return "page:" + hashlib.sha256(parts.encode()).hexdigest()


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "page_cache", True) is False:
        return False  # the view counts each request (a search that found nothing)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a CSRF token
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    queued = getattr(request, "_messages", None)
    return not (queued is not None and len(queued))


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def public_response_headers(response: HttpResponse) -> HttpResponse:
    """Cache-Control for a page anyone may see, the same for every anonymous visitor."""
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
    return response


def _from_store(request: HttpRequest, stored: dict) -> HttpResponse:
    etag = stored["etag"]
    headers = dict(stored["headers"])
    last_modified = headers.get("Last-Modified")
    response = get_conditional_response(
        request,
        etag=etag,
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
    )
    if response is not None:
        pass  # 304 Not Modified
    elif _accepts_gzip(request):
        response = HttpResponse(stored["body"], status=200)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(stored["body"]), status=200)
    for name, value in stored["headers"]:
        response[name] = value
    response["ETag"] = etag
    response["X-Page-Cache"] = "hit"
    if response.status_code == 304:
        del response["Content-Type"]
    return public_response_headers(response)


def _stamps_and_page(
    request: HttpRequest, generations: tuple[Generation, ...], key: str
) -> tuple[dict[str, str], dict | None]:
    """The stamps of `generations` and the stored page: those PageCacheMiddleware read at
    the start of this request when it did (a miss then costs no second round trip),
    else one round trip now."""
    early = getattr(request, "_page_cache", None)
    if early is not None and early["key"] == key:
        stamps = early["stamps"]
        if all(generation.name in stamps for generation in generations):
            return {g.name: stamps[g.name] for g in generations}, early["stored"]
    stamps, found = read(generations, [key])
    return stamps, found.get(key)


def public_page(*generations: Generation, seconds: int = STORE_SECONDS):
    """Serve the view's anonymous GETs from the page cache, valid under `generations`.

    `seconds` bounds how long a copy is kept: shorten it for a page that also changes
    with the clock (an "upcoming" list), which no generation can know of."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not _eligible(request):
                return view(request, *args, **kwargs)
            key = _key(request)
            stamps, stored = _stamps_and_page(request, generations, key)
            if stored and stored["stamps"] == stamps:
                return _from_store(request, stored)
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                return response
            body = gzip.compress(response.content, compresslevel=COMPRESS_LEVEL, mtime=0)
            stored = {
                "stamps": stamps,
                # The view's own validator if it has one (open data's freshness), so a
                # conditional request means the same with and without the cache.
                "etag": response.get("ETag") or quote_etag(hashlib.sha256(body).hexdigest()[:32]),
                "headers": [(h, v) for h, v in response.items() if h.lower() not in _NOT_KEPT],
                "body": body,
            }
            early = getattr(request, "_page_cache", None) is not None
            if not early:
                cache.set(key, stored, seconds)
            if _accepts_gzip(request):
                # Compressed once: the stored bytes, not a second gzip by the middleware.
                response = _from_store(request, stored)
            else:
                response["ETag"] = stored["etag"]
                public_response_headers(response)
            response["X-Page-Cache"] = "miss"
            if early:
                # PageCacheMiddleware stores it, with the headers the whole stack adds.
                response._page_cache_store = (key, stored, seconds)
            return response

        return wrapper

    return decorator


class PageCacheMiddleware:
    """Serve page-cache hits before the middleware below it, and store what `public_page`
    rendered with the headers the whole stack gave it.

    It sits below the middleware whose headers every response carries (security headers,
    CSP, permissions policy, the request id) and above sessions, the language, CSRF,
    authentication and messages. The rules are `public_page`'s: only GET and HEAD without
    a session or messages cookie; the language picked as LocaleMiddleware picks it; the
    key of `_key()`; served only while every generation the page was made under is
    current (the stamps of every generation and the page come in one round trip); never
    stored when the stack set a cookie on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.locale = LocaleMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._may_serve(request):
            return self.get_response(request)
        self.locale.process_request(request)  # the language, as the full stack picks it
        key = _key(request)
        generations = every_generation()
        try:
            found = cache.get_many([g.key for g in generations] + [key])
        except Exception:  # noqa: BLE001
            # The cache cannot be read (the database cache during an outage): the full
            # stack answers, as it would without this middleware (/healthz's own 503).
            return self.get_response(request)
        stamps = {g.name: found[g.key] for g in generations if g.key in found}
        stored = found.get(key)
        if stored and all(stamps.get(name) == stamp for name, stamp in stored["stamps"].items()):
            return _from_store(request, stored)
        request._page_cache = {"key": key, "stamps": stamps, "stored": stored}
        response = self.get_response(request)
        pending = getattr(response, "_page_cache_store", None)
        if pending is not None and not response.cookies:
            key, stored, seconds = pending
            stored["headers"] = [(h, v) for h, v in response.items() if h.lower() not in _NOT_KEPT]
            cache.set(key, stored, seconds)
        return response

    @staticmethod
    def _may_serve(request: HttpRequest) -> bool:
        if not _eligible(request):
            return False
        try:
            request.get_host()
        except DisallowedHost:
            return False  # the full stack answers it (400)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        # A body over the limit is refused by the stack (413), on a GET too.
        limit = getattr(settings, "MAX_REQUEST_BODY_SIZE", None)
        return limit is None or length <= limit


def cached_fragment(
    request: HttpRequest, name: str, generations: tuple[Generation, ...], render
) -> SafeString:
    """The HTML of a part of a page that is the same for every visitor (a list with its
    facets), for a request the page cache does not serve (a logged-in visitor): from the
    cache while `generations` hold, else `render()` and store it. An anonymous request
    renders it directly, as its whole page is about to be stored anyway. A fragment that
    holds a form token is never stored."""
    if not getattr(settings, "PAGE_CACHE", True) or _eligible(request):
        return mark_safe(render())  # noqa: S308 - rendered by the template engine
    key = "fragment:" + name + ":" + _key(request)
    stamps, found = read(generations, [key])
    stored = found.get(key)
    if stored and stored[0] == stamps:
        return mark_safe(stored[1])  # noqa: S308 - rendered by the template engine
    html = render()
    if "csrfmiddlewaretoken" not in html:
        cache.set(key, (stamps, str(html)), STORE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine


class PrivateCacheHeadersMiddleware:
    """Nothing a logged-in visitor is shown may be kept by a shared cache or the browser:
    responses to them that say nothing else get `Cache-Control: private, no-store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if "public" in response.get("Cache-Control", "") and "Set-Cookie" not in response:
                return response  # open data: the same for everyone
            response["Cache-Control"] = "private, no-store"
        return response


class CompressDataMiddleware(GZipMiddleware):
    """gzip for open data (JSON, GeoJSON, CSV), streamed or not, when the client accepts
    it. HTML is left alone: a page with a CSRF token and reflected input must not be
    compressed (BREACH); the page cache compresses the public pages it stores itself."""

    COMPRESSED_TYPES = ("application/json", "application/geo+json", "text/csv")

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in self.COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
