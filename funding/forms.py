from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import CleanTextMixin
from funding import permissions


class AlertForm(CleanTextMixin, forms.Form):
    """Subscribe to new calls for one of the member's organisations."""

    actor = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        empty_label=None,
        error_messages={
            "invalid_choice": _("Choose one of the organisations you are a member of."),
            "required": _("Choose one of the organisations you are a member of."),
        },
        help_text=_("You get new calls that this organisation may apply to and that share "
                    "at least one of its themes."),
    )  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The organisations that have no alert of this member's yet.
        self.fields["actor"].queryset = permissions.alert_actors(user).exclude(
            funding_alerts__user=user
        )
