"""Every form in the portal renders with DKFDS's form patterns.

The renderer gives each widget its DKFDS class and renders fields and forms through the
templates in `templates/includes/forms/`, so Django's, allauth's and the admin-free
portal forms all look the same and carry the same error summary.
"""

import uuid

from django import forms
from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from common.forms import CleanTextMixin, HumanCheckMixin
from common.text import validate_plain_name
from pages.models import MESSAGE_MAX_LENGTH, ContactMessage

WIDGET_CLASSES = {
    "select": "form-select",
    "selectmultiple": "form-select",
    "checkbox": "form-checkbox",
    "checkboxselectmultiple": "form-checkbox",
    "radioselect": "form-radio",
    "clearablefile": "form-file-input",
    "file": "form-file-input",
}


class DKFDSBoundField(BoundField):
    @property
    def is_optional(self) -> bool:
        """Whether the label may say "(optional)": only when leaving the field empty can
        never be an error. A field that the form's `clean()` requires in some case (one of
        two descriptions, a municipality in Denmark) is named in the form's
        `required_in_clean`, and its hint says when it is needed."""
        return not self.field.required and self.name not in getattr(
            self.form, "required_in_clean", ()
        )

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = WIDGET_CLASSES.get(self.widget_type, "form-input")
        attrs["class"] = " ".join(filter(None, [attrs.get("class"), css]))
        return attrs


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"
    bound_field_class = DKFDSBoundField


# --- The contact form (config.views.contact) ------------------------------------------------


class ContactForm(HumanCheckMixin, CleanTextMixin, forms.Form):
    """A message to the centre, with the public forms' honeypot and time check."""

    topic = forms.ChoiceField(label=_("What is it about?"), choices=ContactMessage.Topic.choices)
    name = forms.CharField(label=_("Your name"), max_length=150, validators=[validate_plain_name])
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("At most %(max)d characters.") % {"max": MESSAGE_MAX_LENGTH},
    )
    # The form's own token: a double click or a resent form stores one message.
    submission = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=36, initial=lambda: str(uuid.uuid4())
    )

    def clean_submission(self) -> uuid.UUID | None:
        try:
            return uuid.UUID(self.cleaned_data["submission"])
        except ValueError:
            return None  # an old page without the token: stored as before
