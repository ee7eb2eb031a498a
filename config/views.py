import logging
import mimetypes
import sys

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousFileOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.files.storage import default_storage
from django.db import connection
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy, override
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods, require_safe

from common import jsonld, personal_data
from common.pagecache import public_page
from common.ratelimit import rate_limited, too_many_requests
from common.search import GLOSSARY, count_unanswered
from config import home
from config import search as search_module
from config.forms import ContactForm
from config.middleware import (
    DATABASE_UNAVAILABLE,
    database_unavailable_response,
    needs_second_factor,
)
from ecosystem import facets as ecosystem_facets
from ecosystem import permissions
from ecosystem.forms import AccountForm
from ecosystem.models import Actor
from funding import facets as funding_facets
from pages import models as pages_models
from pages import services as pages_services
from pages.views import page_context
from policy import facets as policy_facets
from resources import facets as resources_facets
from resources import permissions as resource_permissions
from validation import facets as validation_facets

logger = logging.getLogger("portal.errors")


# Every app's data shows on the home page and in the search.
ALL_GENERATIONS = (
    ecosystem_facets.GENERATION,
    resources_facets.GENERATION,
    validation_facets.GENERATION,
    policy_facets.GENERATION,
    funding_facets.GENERATION,
)


@require_safe
@public_page(*ALL_GENERATIONS, seconds=home.HOME_STORE_SECONDS)
def home_page(request: HttpRequest) -> HttpResponse:
    context = {
        "figures": home.figures(),
        "cases": home.latest_cases(),
        "events": home.upcoming_events(),
        "resources": home.new_resources(),
        "json_ld": jsonld.json_ld(jsonld.site_organisation(request)),
    }
    return render(request, "pages/home.html", context)


@require_safe
@public_page(*ALL_GENERATIONS, pages_models.GENERATION, GLOSSARY, seconds=home.HOME_STORE_SECONDS)
def search(request: HttpRequest) -> HttpResponse:
    """The header's search box: every kind at once, grouped, with links to each app's own
    search for the same words. When nothing is found: "Mente du …?", the themes to browse,
    and the words counted for staff (such a page is never cached, so each is counted)."""
    text = request.GET.get("q", "")[: search_module.MAX_TEXT]
    groups = search_module.search_everything(text)
    total = sum(group.total for group in groups) if groups else 0
    context = {"q": text, "groups": groups, "total": total}
    if groups is not None and not total:
        count_unanswered(text)
        context["suggestion"] = search_module.suggest(text)
        context["themes"] = search_module.browse_themes()
    response = render(request, "pages/search.html", context)
    if groups is not None and not total:
        response.page_cache = False
    return response


# --- The trust pages: staff edit them in the admin (pages.models.Page) ---------------------


@require_safe
@public_page(pages_models.GENERATION)
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", page_context("about"))


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    """The contact page and its form. The form carries a CSRF token, so the page is
    never page-cached (common.pagecache refuses it)."""
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if rate_limited(request, "contact", key=request.POST.get("email", "").lower()):
            return too_many_requests(request)
        if form.is_spam():
            # A robot filled in the hidden field: it is told what a person is told, and
            # nothing is stored or sent.
            messages.success(request, CONTACT_THANKS)
            return redirect("contact")
        if form.is_valid():
            pages_services.receive_message(
                **form.human_data(),
                language=get_language(),
                user=request.user,
            )
            messages.success(request, CONTACT_THANKS)
            return redirect("contact")
    return render(request, "pages/contact.html", {**page_context("contact"), "form": form})


CONTACT_THANKS = gettext_lazy(
    "Thank you for your message. We have sent you a receipt by e-mail and will answer "
    "within three working days."
)


@require_safe
@public_page(pages_models.GENERATION)
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", page_context("privacy"))


@require_safe
@public_page(pages_models.GENERATION)
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", page_context("accessibility"))


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 with the reason otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure to reach the database is "not healthy"
        return JsonResponse(
            {"status": "error", "database": "unavailable", "reason": exc.__class__.__name__},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def admin_view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    """The admin's "view on site" (`admin/r/<content type>/<id>/`), which Django lets any
    staff user follow to any object: here it answers only when that model's admin lets this
    user view this object (the actor admin: moderators only); anyone else gets a 404, so
    a draft's address (its slug, made from its name) does not leak."""
    if needs_second_factor(request.user):
        return redirect("mfa_activate_totp")
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    if model is None or not admin.site.is_registered(model):
        raise Http404
    model_admin = admin.site.get_model_admin(model)
    obj = model_admin.get_object(request, object_id)
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    if isinstance(obj, Actor) and not permissions.can_view(request.user, obj):
        raise Http404
    return contenttype_views.shortcut(request, content_type_id, object_id)


def not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise Http404


@require_safe
def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's own log-in would skip the second factor; everyone logs in through allauth."""
    next_url = request.GET.get("next", "")
    target = "account_login"
    response = redirect(target)
    if next_url:
        response["Location"] += "?" + urlencode({"next": next_url})
    return response


# --- Error pages: the portal's own page, in the visitor's language, for every refusal -----

REQUEST_TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def _error_page(request: HttpRequest, template: str, status: int, **context) -> HttpResponse:
    return render(request, template, context, status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400; a body over DATA_UPLOAD_MAX_MEMORY_SIZE (or with too many fields) says so (413)."""
    if isinstance(exception, REQUEST_TOO_LARGE):
        logger.info("Request too large (%s): %s", exception.__class__.__name__, request.path)
        response = _error_page(
            request,
            "400.html",
            413,
            too_large=True,
            limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        )
        response._has_been_logged = True
        return response
    return _error_page(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403. A refusal is the access rules working, not a fault: one info line, no traceback."""
    logger.info("Forbidden: %s %s (user %s)", request.method, request.path, request.user.pk)
    response = _error_page(request, "403.html", 403)
    response._has_been_logged = True
    return response


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "404.html", 404)


def method_not_allowed(request: HttpRequest) -> HttpResponse:
    return _error_page(request, "405.html", 405)


@requires_csrf_token
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The form's security token was missing or old (a page left open, cookies off)."""
    return _error_page(request, "403_csrf.html", 403, no_cookie=not request.COOKIES)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """503 while the database cannot be reached: a page that needs no database."""
    body = loader.get_template("503.html").render({"LANGUAGE_CODE": get_language() or "da"})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page in the portal's look that shows no internals and needs no database.

    Errors raised outside a view (in a middleware, e.g. loading the session) end here too;
    when the database is unreachable they answer 503 like the views do."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return database_unavailable_response(request, error)
    template = loader.get_template("500.html")
    body = template.render({"LANGUAGE_CODE": get_language() or "da"})
    return HttpResponse(body, status=500)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The account page: who you are, and a form to change your name."""
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("account")
    context = {"form": form, "sections": personal_data.account_sections(request.user)}
    return render(request, "account/overview.html", context)


def _public_file(user, path: str):
    """The stored file `path` names and whether it is for everyone: an actor's logo or a
    published public resource's cover image, each asked of its app's permissions."""
    try:
        actor = permissions.get_actor_for_logo(user, path)
        return actor.logo, actor.is_published
    except Http404:
        resource = resource_permissions.get_resource_for_cover(user, path)
        return resource.cover_image, resource.is_published


@require_safe
def public_media(request: HttpRequest, path: str) -> FileResponse:
    """Serve uploads from storage, in production too (no separate web server needed).

    Only a file name the database holds as an actor's logo or a public resource's cover
    image is served, and only to someone who may see that actor or resource: never a path
    tested by its prefix, so `..` and its encoded forms find nothing, and restricted files
    in the same storage (a resource's files) are never reached here.
    With S3-compatible storage the files have their own URLs and this view is not used.
    """
    stored, public = _public_file(request.user, path)
    try:
        handle = default_storage.open(stored.name)
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    # A draft's logo is for its members and the moderators: never held by a shared cache.
    response["Cache-Control"] = "public, max-age=86400" if public else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def old_address(request: HttpRequest, path: str) -> HttpResponse:
    """A Danish page's address from before the Danish addresses (/actors/map/): the same
    page's Danish address (/aktoerer/map/), permanently, with the query string. The page
    is found by reading the old path as the English address it still is (/en/actors/map/);
    a path that is no page answers 404 here, not a redirect to one."""
    try:
        with override("en"):
            match = resolve(f"/en/{path}")
    except Resolver404 as error:
        raise Http404 from error
    if match.func is old_address or not match.url_name:
        raise Http404
    with override("da"):
        url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
