"""The application form. Texts have the model's maximum lengths; hostile text is kept as
text and shown escaped; a fee is whole Danish kroner, typed with or without thousands
separators."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import CleanTextMixin
from partners.models import (
    CONTRIBUTION_MAX_LENGTH,
    FEE_MAX_DKK,
    MOTIVATION_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    PartnerApplication,
    Tier,
)

CONTRIBUTION_FIELDS = ("fee_dkk", "in_kind", "co_hosts_events", "other_contribution")
_SEPARATORS = re.compile(r"[\s.\u00a0\u202f]")


class FeeField(forms.IntegerField):
    """Whole kroner: "25.000", "25 000" and "25000" are the same fee."""

    def to_python(self, value):
        if isinstance(value, str):
            value = _SEPARATORS.sub("", value.removesuffix("kr").removesuffix("DKK"))
        return super().to_python(value)


class ApplicationForm(CleanTextMixin, forms.ModelForm):
    # Each of these may be left empty, but not all of them: no "(optional)" on their labels.
    required_in_clean = frozenset(CONTRIBUTION_FIELDS)

    tier = forms.ChoiceField(
        label=_("Tier"),
        choices=Tier.choices,
        widget=forms.RadioSelect,
        help_text=_("You can change the tier when you renew."),
    )
    fee_dkk = FeeField(
        label=_("Yearly fee in DKK"),
        required=False,
        min_value=0,
        max_value=FEE_MAX_DKK,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Whole kroner, for example 25.000. Leave it empty if you pay no fee."),
    )
    in_kind = forms.CharField(
        label=_("In-kind contribution"),
        required=False,
        max_length=CONTRIBUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hours, premises, knowledge or data you offer the centre."),
    )
    co_hosts_events = forms.BooleanField(
        label=_("We will co-host events with the centre"), required=False
    )
    other_contribution = forms.CharField(
        label=_("Other contribution"),
        required=False,
        max_length=CONTRIBUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    motivation = forms.CharField(
        label=_("Why do you want to become a partner?"),
        max_length=MOTIVATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    class Meta:
        model = PartnerApplication
        fields = ["tier", "fee_dkk", "in_kind", "co_hosts_events", "other_contribution"]
        fields += ["motivation"]

    def clean_fee_dkk(self):
        return self.cleaned_data.get("fee_dkk") or 0

    def clean(self):
        cleaned = super().clean()
        given = [
            cleaned.get("fee_dkk"),
            (cleaned.get("in_kind") or "").strip(),
            cleaned.get("co_hosts_events"),
            (cleaned.get("other_contribution") or "").strip(),
        ]
        # An invalid fee is reported on its own field; do not add a second error then.
        if not any(given) and "fee_dkk" not in self.errors:
            self.add_error(
                None,
                _("Give at least one contribution: a fee, in-kind, co-hosting events or other."),
            )
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class NewApplicationForm(ApplicationForm):
    actor = forms.ModelChoiceField(label=_("Organisation"), queryset=None, empty_label=None)

    field_order = ["actor"]

    def __init__(self, *args, actors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors
        if len(actors) == 1:
            self.fields["actor"].help_text = _("You apply on behalf of this organisation.")


class ReasonForm(CleanTextMixin, forms.Form):
    """The message staff send with a rejection or a return for changes."""

    reason = forms.CharField(
        label=_("Message to the organisation"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent by e-mail and shown on the application's page."),
    )
