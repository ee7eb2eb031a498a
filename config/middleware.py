from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def needs_second_factor(user) -> bool:
    """Staff reach the admin only with TOTP set up.

    Demo staff (made by seed_demo) are let in without one on a local DEBUG run only, so a
    newcomer can look at the admin straight after `make run`.
    """
    if not (user.is_authenticated and user.is_staff):
        return False
    if settings.DEBUG and user.is_demo:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.app_name != "admin":
            return None
        if needs_second_factor(request.user):
            messages.warning(
                request,
                _("Set up a second factor (an authenticator app) before you use the admin."),
            )
            return redirect("mfa_activate_totp")
        return None


class RejectNulBytesMiddleware:
    """A NUL byte in the path is never a real address; PostgreSQL refuses it in queries,
    so such requests end here as a 404 instead of reaching a view (or the admin)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            from django.http import Http404

            raise Http404
        return self.get_response(request)
