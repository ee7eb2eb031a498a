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

from ecosystem import permissions
from ecosystem.forms import AccountForm


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html")


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/contact.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@require_safe
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


@require_safe
def public_media(request: HttpRequest, path: str) -> FileResponse:
    """Serve uploads from storage, in production too (no separate web server needed).

    Only a file name the database holds as an actor's logo is served, and only to someone
    who may see that actor: never a path tested by its prefix, so `..` and its encoded
    forms find nothing, and restricted files in the same storage are never reached here.
    With S3-compatible storage the files have their own URLs and this view is not used.
    """
    actor = permissions.get_actor_for_logo(request.user, path)
    try:
        handle = default_storage.open(actor.logo.name)
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(actor.logo.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    # A draft's logo is for its members and the moderators: never held by a shared cache.
    response["Cache-Control"] = "public, max-age=86400" if actor.is_published else "private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
