"""A person's own data: download all of it, or delete the account.

What each app holds comes from common.personal_data, where every app registers its part
in its AppConfig.ready(). The one thing settled here, before the erasure, is what becomes
of the organisations the person owns alone (GDPR art. 17: the last owner may leave too):
each goes to another member or is archived (ecosystem.services.leave_as_last_owner)."""

from __future__ import annotations

import json

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
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
from ecosystem import personal_data as ecosystem_data
from ecosystem import services as ecosystem_services

ARCHIVE = "archive"


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

    def __init__(self, *args, user, ownerships=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        # One question per organisation the person owns alone, asked before the password.
        self.successors: dict[str, dict[str, object]] = {}
        password = self.fields.pop("password")
        for membership in ownerships:
            name = f"organisation_{membership.actor_id}"
            members = {str(m.user_id): m.user for m in ecosystem_data.successors(membership)}
            self.successors[name] = members
            self.fields[name] = forms.ChoiceField(
                label=_("What becomes of %(name)s?") % {"name": membership.actor.name},
                widget=forms.RadioSelect,
                choices=[
                    *(
                        (
                            pk,
                            _("Hand it over to %(person)s, who becomes its owner")
                            % {"person": person.full_name or person.email},
                        )
                        for pk, person in members.items()
                    ),
                    (ARCHIVE, _("Archive it: it is taken off the portal, its history is kept")),
                ],
                error_messages={"required": _("Choose what becomes of the organisation.")},
            )
            self.fields[name].actor = membership.actor
        self.fields["password"] = password

    def settlements(self) -> list[tuple[object, object]]:
        """(actor, successor or None to archive) for each organisation owned alone."""
        return [
            (
                self.fields[name].actor,
                None if self.cleaned_data[name] == ARCHIVE else members[self.cleaned_data[name]],
            )
            for name, members in self.successors.items()
        ]

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
    ownerships = ecosystem_data.sole_ownerships(user)
    # The organisations owned alone are settled on this page; other apps' reasons stand.
    reasons = [] if ownerships else personal_data.blockers(user)
    form = ConfirmDeletionForm(request.POST or None, user=user, ownerships=ownerships)
    if request.method == "POST" and not reasons:
        if rate_limited(request, "delete_account"):
            return too_many_requests(request)
        if form.is_valid():
            try:
                # One transaction: an organisation is handed over only if the account goes.
                with transaction.atomic():
                    for actor, successor in form.settlements():
                        ecosystem_services.leave_as_last_owner(
                            actor=actor, by=user, successor=successor
                        )
                    personal_data.erase(user)
            except personal_data.ErasureBlocked as error:
                reasons = error.reasons
            except ecosystem_services.MembershipError as error:
                form.add_error(None, error.message)
            else:
                logout(request)
                messages.success(request, _("Your account and your personal data are deleted."))
                return redirect("home")
    context = {
        "form": form,
        "reasons": reasons,
        "ownerships": ownerships,
        "has_password": user.has_usable_password(),
        "addresses": EmailAddress.objects.filter(user=user).count(),
    }
    status = 409 if reasons and request.method == "POST" else 200
    return render(request, "account/delete.html", context, status=status)
