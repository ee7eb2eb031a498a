"""Setting up the second factor takes staff back to where they were going.

The admin sends staff without a second factor to the authenticator set-up with `next`,
the page they asked for (config.middleware.StaffSecondFactorMiddleware). allauth's own
views forget it: set-up ends on the recovery codes with no way on. These two keep `next`
through the set-up (and the re-authentication before it, which returns to the full
address) and offer it on the recovery codes as the way on; without one, staff go on to
the admin and everyone else to their account.
"""

from __future__ import annotations

from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def safe_next(request) -> str:
    """`next` from the address or the form, if it stays on this site; else ""."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def way_on(request) -> str:
    """Where the recovery codes page leads: `next`, else the admin for staff, else the
    account page."""
    return safe_next(request) or reverse("admin:index" if request.user.is_staff else "account")


class ActivateTOTP(ActivateTOTPView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["action_url"] = with_next(reverse("mfa_activate_totp"), safe_next(self.request))
        return context

    def get_success_url(self) -> str:
        return with_next(super().get_success_url(), safe_next(self.request))


class ViewRecoveryCodes(ViewRecoveryCodesView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["way_on"] = way_on(self.request)
        return context


activate_totp = ActivateTOTP.as_view()
view_recovery_codes = ViewRecoveryCodes.as_view()
