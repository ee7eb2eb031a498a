import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from common.pagecache import public_page
from ecosystem.forms import AccountForm


@require_safe
@public_page()
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html")


@require_safe
@public_page()
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


@require_safe
@public_page()
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/contact.html")


@require_safe
@public_page()
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@require_safe
@public_page()
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


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
def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's own log-in would skip the second factor; everyone logs in through allauth."""
    next_url = request.GET.get("next", "")
    target = "account_login"
    response = redirect(target)
    if next_url:
        response["Location"] += "?" + urlencode({"next": next_url})
    return response


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page in the portal's look that shows no internals and needs no database."""
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
    return render(request, "account/overview.html", {"form": form})


# Media that anyone may see (organisations' logos). Restricted files never live here:
# they get their own view that checks access before streaming.
PUBLIC_MEDIA_PREFIXES = ("actors/logos/",)


@require_safe
def public_media(request: HttpRequest, path: str) -> FileResponse:
    """Serve public uploads from storage, in production too (no separate web server needed).

    With S3-compatible storage the files have their own URLs and this view is not used.
    """
    if not path.startswith(PUBLIC_MEDIA_PREFIXES):
        raise Http404
    try:
        handle = default_storage.open(path)
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
