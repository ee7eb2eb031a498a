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
from allauth.account.utils import filter_users_by_email
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from common import mail
from common.addresses import (
    InvalidAddress,
    address_key,
    address_key_or_none,
    address_skeleton,
    clean_address,
    is_mixed_script,
)

PASSWORD_MAX_LENGTH = 128


def site_url(path: str = "") -> str:
    """The absolute address of a path on the portal, as every mail must show it."""
    parts = urlsplit(path)
    local = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.SITE_URL + local


def holds_address(user, email: str) -> bool:
    """The account has proved it owns `email`, or signed up with it (and may still verify
    it). An address only added to an account, never verified, is not held."""
    key = address_key_or_none(email)
    return key is not None and (
        user.email_key == key
        or EmailAddress.objects.filter(
            user=user, email=clean_address(email).lower(), verified=True
        ).exists()
    )


def address_is_held(email: str) -> bool:
    User = get_user_model()
    key = address_key_or_none(email)
    return key is not None and (
        User.objects.filter(email_key=key).exists()
        or EmailAddress.objects.filter(email=clean_address(email).lower(), verified=True).exists()
    )


def refuse_look_alike(email: str, *, user=None) -> None:
    """A new address may not mix scripts with look-alike letters, nor look like another
    account's address (the same UTS #39 skeleton, another mailbox): such an account could
    read and erase the other person's data and fool their colleagues."""
    User = get_user_model()
    look_alikes = User.objects.filter(email_skeleton=address_skeleton(email)).exclude(
        email_key=address_key(email)
    )
    if user is not None:
        look_alikes = look_alikes.exclude(pk=user.pk)
    if is_mixed_script(email) or look_alikes.exists():
        raise ValidationError(
            _(
                "This address can be mistaken for another address. Use an address written "
                "in one alphabet, without look-alike letters."
            ),
            code="look_alike_email",
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

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Five wrong passwords lock the password out for everyone: the owner still gets
        # in by a mailed code (ACCOUNT_LOGIN_BY_CODE_ENABLED).
        "too_many_login_attempts": gettext_lazy(
            "Too many wrong passwords for this address. Log in with a code that we e-mail "
            "you instead, or try the password again in a few minutes."
        ),
    }

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return site_url(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key: str) -> str:
        return site_url(super().get_reset_password_from_key_url(key))

    def clean_email(self, email: str) -> str:
        """Every address allauth takes in (sign-up, change, reset, log-in by code) in its
        one stored form (common.addresses): no zero-width characters, NFKC, UTS #46."""
        try:
            return clean_address(super().clean_email(email))
        except InvalidAddress:
            raise ValidationError(_("Enter a valid e-mail address."), code="invalid") from None

    def get_login_redirect_url(self, request) -> str:
        """A member of an organisation lands on "My organisations", where their work is;
        anyone else on their account page. A `next` address still wins (allauth)."""
        if request.user.memberships.exists():
            return reverse("ecosystem:my_actors")
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = SimpleNamespace(name=settings.PORTAL_NAME, domain=urlsplit(settings.SITE_URL).netloc)
        context = {**context, "current_site": site}
        # Every mail greets its reader by name ("Kære <navn>"): allauth gives some mails
        # (the log-in code, the account that already exists) no user, so find the holder.
        if "user" not in context:
            holders = filter_users_by_email(email, is_active=True, prefer_verified=True)
            if holders:
                context["user"] = holders[0]
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

    def clean_login(self) -> str:
        login = super().clean_login()
        try:
            return clean_address(login)
        except InvalidAddress:
            return login  # the log-in fails like any unknown address


class SignupForm(allauth_forms.SignupForm):
    def validate_unique_email(self, value: str) -> str:
        """Someone else's unverified, added address does not take it: the sign-up goes on
        and whoever verifies the address first holds it (allauth allows one verified
        holder). A held address is left to allauth: the holder gets a mail instead. An
        address that looks like another's is refused."""
        if address_is_held(value):
            return super().validate_unique_email(value)
        refuse_look_alike(value)
        self.account_already_exists = False
        return value


class AddEmailForm(allauth_forms.AddEmailForm):
    def clean_email(self) -> str:
        value = super().clean_email()
        refuse_look_alike(value, user=self.user)
        return value


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def clean_email(self) -> str:
        """A reset link goes only to an address the account holds; a typed-in address of
        another account gets the 'no account' mail like any unknown address."""
        email = super().clean_email()
        self.users = [user for user in self.users if holds_address(user, email)]
        return email
