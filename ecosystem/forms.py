from django import forms
from django.utils.translation import gettext_lazy as _

from ecosystem.models import User


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)

    field_order = ["full_name", "email", "password1", "password2"]

    def signup(self, request, user) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])


class AccountForm(forms.ModelForm):
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    class Meta:
        model = User
        fields = ["full_name"]
        labels = {"full_name": _("Full name")}
