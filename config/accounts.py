"""How allauth fits the portal: mail links from SITE_URL, passwords of bounded length, and
e-mail addresses that only their verified holder can use.

allauth's own settings do most of it (see the "Accounts" block of settings.py):
enumeration prevention answers sign-up and reset alike and mails the holder instead;
ACCOUNT_CHANGE_EMAIL gives an account one address, a new one waiting for verification
instead of unverified "secondary" addresses; ACCOUNT_UNIQUE_EMAIL lets only one account
hold an address verified. The two forms below close what the settings leave open: an
address someone else merely typed in (unverified, not their sign-up address) neither
blocks a sign-up nor receives a password reset.
"""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common import mail

PASSWORD_MAX_LENGTH = 128


def site_url(path: str = "") -> str:
    """The absolute address of a path on the portal, as every mail must show it."""
    parts = urlsplit(path)
    local = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.SITE_URL + local


def holds_address(user, email: str) -> bool:
    """The account has proved it owns `email`, or signed up with it (and may still verify
    it). An address only added to an account, never verified, is not held."""
    return (
        user.email.lower() == email.lower()
        or EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    )


def address_is_held(email: str) -> bool:
    User = get_user_model()
    return (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email, verified=True).exists()
    )


class MaximumLengthValidator:
    """Passwords have an upper bound too: hashing megabytes on every log-in is a cost
    anyone could impose."""

    def __init__(self, max_length: int = PASSWORD_MAX_LENGTH) -> None:
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is too long. It may have at most %(max)d character.",
                    "This password is too long. It may have at most %(max)d characters.",
                    self.max_length,
                )
                % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _("Your password may have at most %(max)d characters.") % {"max": self.max_length}


class AccountAdapter(DefaultAccountAdapter):
    """Every link and site name in allauth's mails comes from SITE_URL, like the portal's
    own mails, not from the Host header of the request that caused the mail."""

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return site_url(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key: str) -> str:
        return site_url(super().get_reset_password_from_key_url(key))

    def get_login_redirect_url(self, request) -> str:
        """A member of an organisation lands on "My organisations", where their work is;
        anyone else on their account page. A `next` address still wins (allauth)."""
        if request.user.memberships.exists():
            return reverse("ecosystem:my_actors")
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = SimpleNamespace(name=settings.PORTAL_NAME, domain=urlsplit(settings.SITE_URL).netloc)
        context = {**context, "current_site": site}
        for name in ("signup_url", "password_reset_url", "activate_url"):
            if context.get(name):
                context[name] = site_url(context[name])
        # Queued like every other mail (common.mail): a mail server that is down never
        # turns a sign-up or a password reset into an error.
        mail.queue([self.render_mail(template_prefix, email, context)], with_change=False)


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        password = self.fields["password"]
        password.max_length = PASSWORD_MAX_LENGTH
        password.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))
        password.widget.attrs["maxlength"] = str(PASSWORD_MAX_LENGTH)


class SignupForm(allauth_forms.SignupForm):
    def validate_unique_email(self, value: str) -> str:
        """Someone else's unverified, added address does not take it: the sign-up goes on
        and whoever verifies the address first holds it (allauth allows one verified
        holder). A held address is left to allauth: the holder gets a mail instead."""
        if address_is_held(value):
            return super().validate_unique_email(value)
        self.account_already_exists = False
        return value


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def clean_email(self) -> str:
        """A reset link goes only to an address the account holds; a typed-in address of
        another account gets the 'no account' mail like any unknown address."""
        email = super().clean_email()
        self.users = [user for user in self.users if holds_address(user, email)]
        return email
