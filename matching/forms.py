"""The suggestions page's two narrowing choices. A value the form does not know is an
error shown beside the field; the choice is then ignored, never a 500."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import CleanTextMixin
from matching import scoring


class SuggestionForm(CleanTextMixin, forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (scoring.SHOW_ALL, _("Organisations and EU cases")),
            (scoring.SHOW_ACTORS, _("Organisations only")),
            (scoring.SHOW_CASES, _("EU cases only")),
        ],
    )
    where = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            (scoring.WHERE_ANY, _("In Denmark and abroad")),
            (scoring.WHERE_DENMARK, _("In Denmark")),
            (scoring.WHERE_ABROAD, _("Abroad")),
        ],
    )

    def choice(self, name: str) -> str:
        """The valid choice, or the default ("") when the value was not recognised."""
        self.is_valid()  # cleaned_data holds only the fields that were valid
        return self.cleaned_data.get(name) or ""
