from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import CleanTextMixin, HumanCheckMixin
from common.text import validate_plain_name
from policy.models import NEEDS_MAX_LENGTH, GovernmentLevel, Registration


class RegistrationForm(HumanCheckMixin, CleanTextMixin, forms.ModelForm):
    """What a registrant tells the organisers. A logged-in user's name and e-mail come from
    their account (the e-mail is not asked again). The name is plain (the mail repeats
    it); the public forms' honeypot and time check catch robots."""

    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        required=False,
        max_length=NEEDS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=NEEDS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example a sign language interpreter, step-free seating or a quiet room."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep my registration to run the event. It is "
            "anonymised 12 months after the event."
        ),
        required=True,
        error_messages={"required": _("You must agree before you can register.")},
    )

    class Meta:
        model = Registration
        # The address after the name; everything that can be changed later; consent.
        fields = ["name", "email", *Registration.CHANGEABLE[1:], "consent"]
        labels = {
            "name": _("Name"),
            "email": _("E-mail address"),
            "organisation": _("Organisation"),
            "role_title": _("Role or title"),
            "is_decision_maker": _(
                "I am a decision maker: an elected politician or a public official"
            ),
            "decision_level": _("Level of government"),
        }
        help_texts = {
            "email": _(
                "We send a link to this address: your registration counts once you click it."
            ),
            "decision_level": _("Only if you are a decision maker."),
        }
        error_messages = {
            "email": {"invalid": _("Enter a valid e-mail address, like name@example.dk.")},
            "name": {"required": _("Enter your name.")},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_level"].choices = [
            ("", _("Not a decision maker")),
            *GovernmentLevel.choices,
        ]
        if "email" not in self.fields:
            return
        self.fields["email"].required = True
        self.fields["name"].validators.append(validate_plain_name)
        if user is not None and user.is_authenticated:
            del self.fields["email"]
            self.fields["name"].initial = user.full_name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_decision_maker") and not cleaned.get("decision_level"):
            self.add_error("decision_level", _("Choose the level of government you work at."))
        if not cleaned.get("is_decision_maker"):
            cleaned["decision_level"] = ""
        return cleaned

    def _post_clean(self):
        # The model's constraints are checked by the service, under the event's lock.
        pass

    def values(self) -> dict:
        return {name: value for name, value in self.human_data().items() if name != "consent"} | {
            "consent": True
        }


class RegistrationChangeForm(RegistrationForm):
    """What a registrant may change afterwards (Registration.CHANGEABLE): the address is
    the key of their links and stays, and consent was given once."""

    consent = None

    class Meta(RegistrationForm.Meta):
        fields = list(Registration.CHANGEABLE)

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}
