"""A person's own data: download all of it, or delete the account.

What each app holds comes from common.personal_data, where every app registers its part
in its AppConfig.ready(): this module imports none of them."""

from __future__ import annotations

import json

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from common import personal_data
from common.ratelimit import rate_limited, too_many_requests
from config.accounts import PASSWORD_MAX_LENGTH


@never_cache
@login_required
@require_safe
def download(request: HttpRequest) -> HttpResponse:
    """Everything the portal holds about the person, as one JSON file (GDPR art. 15, 20)."""
    data = {
        "exported_at": timezone.now().isoformat(),
        **personal_data.export(request.user),
    }
    body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


class ConfirmDeletionForm(forms.Form):
    """The password again, so that a session left open cannot delete the account."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    """A confirmation page; the POST with the right password deletes the account. While
    an app objects (the last owner of an organisation), the page says why instead."""
    user = request.user
    reasons = personal_data.blockers(user)
    form = ConfirmDeletionForm(request.POST or None, user=user)
    if request.method == "POST" and not reasons:
        if rate_limited(request, "delete_account"):
            return too_many_requests(request)
        if form.is_valid():
            try:
                personal_data.erase(user)
            except personal_data.ErasureBlocked as error:
                reasons = error.reasons
            else:
                logout(request)
                messages.success(request, _("Your account and your personal data are deleted."))
                return redirect("home")
    context = {
        "form": form,
        "reasons": reasons,
        "has_password": user.has_usable_password(),
        "addresses": EmailAddress.objects.filter(user=user).count(),
    }
    status = 409 if reasons and request.method == "POST" else 200
    return render(request, "account/delete.html", context, status=status)
