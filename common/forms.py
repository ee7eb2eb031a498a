"""Form habits every form people type into shares: typed text cleaned of bidirectional
overrides and control characters (common.text), and errors that echo at most a short
prefix of what was sent. Forms mix in `CleanTextMixin`; nothing here knows an app."""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.utils.translation import gettext_lazy as _

from common.text import short_echo, strip_bidi_controls, validate_multiline, validate_single_line


class CleanTextMixin:
    """For every form people type into (the portal's, allauth's sign-up base, the filters,
    the admin's actor form):

    - text fields lose bidirectional overrides before validation; single-line fields
      (any text field that is not a textarea) refuse control characters, textareas all but
      line breaks and tabs;
    - an error repeats at most a short prefix of what was sent (a 1 MB invalid choice was
      echoed twice in full).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Passwords are taken as typed: log-in would otherwise not match sign-up.
            if isinstance(field, forms.CharField) and not isinstance(
                field.widget, forms.PasswordInput
            ):
                multiline = isinstance(field.widget, forms.Textarea)
                field.to_python = _without_bidi(field.to_python)
                field.validators.append(validate_multiline if multiline else validate_single_line)

    def add_error(self, field, error) -> None:
        if isinstance(error, ValidationError):
            _shorten_params(error)
        super().add_error(field, error)


def _without_bidi(to_python):
    def clean(value):
        if isinstance(value, str):
            value = strip_bidi_controls(value)
        return to_python(value)

    return clean


def _shorten_params(error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for errors in error.error_dict.values():
            for item in errors:
                _shorten_params(item)
        return
    for item in getattr(error, "error_list", [error]):
        if getattr(item, "params", None):
            item.params = {key: short_echo(value) for key, value in item.params.items()}


class ManyChoicesSelect(forms.SelectMultiple):
    """A choice of several out of many (such as ~250 countries): a plain multiple select
    without JavaScript, made by static/js/many-choices.js into a type-ahead with chips
    (Tom Select) that the keyboard works, so nobody is told to hold Ctrl."""

    def __init__(self, attrs=None, choices=()):
        attrs = {"data-many-choices": "", "data-remove-label": _("Remove"), **(attrs or {})}
        super().__init__(attrs, choices)


# --- Robots on the public forms ---------------------------------------------------------------

HUMAN_CHECK_FIELDS = ("website", "started")


class HumanCheckMixin:
    """For the forms anyone may send (contact, guest registration): a honeypot that people
    never see and robots fill in, and the time the form was shown, signed, so a form sent
    sooner than a person could type it (settings.HUMAN_CHECK_MIN_SECONDS) is caught. A view
    answers a caught form as if it had gone through, and stores and sends nothing."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            template_name="includes/forms/honeypot.html",
        )
        self.fields["started"] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=_sign_now
        )

    def is_spam(self) -> bool:
        if self.data.get("website"):
            return True
        minimum = settings.HUMAN_CHECK_MIN_SECONDS
        if not minimum:
            return False
        try:
            TimestampSigner(salt=_SALT).unsign(self.data.get("started", ""), max_age=minimum)
        except SignatureExpired:
            return False  # shown long enough ago: a person had time to type
        except BadSignature:
            return True  # missing or forged
        return True  # signed less than `minimum` seconds ago

    def human_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in HUMAN_CHECK_FIELDS}


_SALT = "common.forms.HumanCheckMixin"


def _sign_now() -> str:
    return TimestampSigner(salt=_SALT).sign(str(int(time.time())))
