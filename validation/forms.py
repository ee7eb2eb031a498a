"""The applicant's form and the partner-interest forms.

Every field may be left empty in a draft: what is required before submitting is the
checklist in services.REQUIRED, so a draft can be saved at any moment. Texts have the
model's maximum lengths; hostile text is kept as text and shown escaped.
"""

from __future__ import annotations

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from common.forms import CleanTextMixin, ManyChoicesSelect
from common.uploads import ImageUploadField
from ecosystem.models import Actor
from validation.models import (
    FIRST_START_YEAR,
    SHORT_TEXT_MAX_LENGTH,
    CaseApplication,
    FundingSource,
)
from validation.services import REQUIRED

# The form's sections, in order: (anchor, heading, fields). The template draws one
# fieldset per section, and the checklist links to the fields.
# The EU's 27 members and the other EEA countries: where EU cases run and partners are
# sought most often, so they come first in the country pickers.
EU_EEA = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
    " IS LI NO".split()
)


def countries_eu_first() -> list:
    """Every country, in the visitor's language, EU and EEA countries in a group first."""
    countries = list(all_countries)
    return [
        (_("EU and EEA countries"), [(c, n) for c, n in countries if c in EU_EEA]),
        (_("Other countries"), [(c, n) for c, n in countries if c not in EU_EEA]),
    ]


SECTIONS = [
    ("case", _("The case"), ["title", "summary", "summary_da", "problem", "solution"]),
    ("results", _("Results and lessons"), ["results", "evidence", "lessons"]),
    (
        "funding",
        _("Funding and partners"),
        ["funding_sources", "funding_details", "partner_pages", "other_partners"],
    ),
    (
        "reach",
        _("Reach and themes"),
        ["countries", "level", "themes", "target_groups", "sdgs", "stage", "start_year"],
    ),
    ("web", _("Website and image"), ["website", "image", "image_description"]),
    ("contact", _("Contact person (shown to staff only)"), ["contact_name", "contact_email"]),
    (
        "partners",
        _("Looking for partners"),
        ["seeks_partners", "partner_countries", "partner_kinds", "partner_text"],
    ),
    ("consent", _("Consent"), ["consent_portal", "consent_sim"]),
]

# An actor page's address, Danish (/aktoerer/) or English (/en/actors/).
_SLUG_IN_LINK = re.compile(r"/(?:actors|aktoerer)/([-\w]+)/?$")


class PartnerPagesField(forms.CharField):
    """Partners in the directory, one page address (or its last part) a line: a list of
    thousands of actors would be no use as a select."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value):
        text = super().clean(value) or ""
        slugs = []
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            found = _SLUG_IN_LINK.search(line.split("?")[0])
            slugs.append(found.group(1) if found else line.strip("/"))
        actors = list(Actor.objects.published().filter(slug__in=slugs))
        unknown = sorted(set(slugs) - {actor.slug for actor in actors})
        if unknown:
            raise ValidationError(
                _("Not in the directory: %(names)s. Give the address of each partner's page."),
                params={"names": ", ".join(name[:60] for name in unknown[:5])},
                code="unknown_partner",
            )
        return actors


class ApplicationForm(CleanTextMixin, forms.ModelForm):
    # A draft may leave these empty, but sending it may not: their labels must not say
    # "(optional)".
    required_in_clean = frozenset(REQUIRED)

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    funding_sources = forms.MultipleChoiceField(
        label=_("Funding sources"),
        choices=FundingSource.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    partner_pages = PartnerPagesField(
        label=_("Partners in the directory"),
        required=False,
        max_length=SHORT_TEXT_MAX_LENGTH,
        help_text=_("The address of each partner's page on the portal, one a line."),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries where it runs"),
        choices=countries_eu_first,
        required=False,
        widget=ManyChoicesSelect(attrs={"size": 6}),
        help_text=_("Type to find a country. EU and EEA countries come first."),
    )
    partner_countries = forms.MultipleChoiceField(
        label=_("Countries partners are sought in"),
        choices=countries_eu_first,
        required=False,
        widget=ManyChoicesSelect(attrs={"size": 6}),
        help_text=_("Type to find a country. EU and EEA countries come first."),
    )
    partner_kinds = forms.MultipleChoiceField(
        label=_("Kinds of partner sought"),
        choices=Actor.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    image = ImageUploadField(label=_("Image"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = CaseApplication
        fields = [
            "title",
            "summary",
            "summary_da",
            "problem",
            "solution",
            "results",
            "evidence",
            "lessons",
            "funding_sources",
            "funding_details",
            "other_partners",
            "countries",
            "level",
            "themes",
            "target_groups",
            "sdgs",
            "stage",
            "start_year",
            "website",
            "image",
            "image_description",
            "contact_name",
            "contact_email",
            "seeks_partners",
            "partner_countries",
            "partner_kinds",
            "partner_text",
            "consent_portal",
            "consent_sim",
        ]
        labels = {
            "title": _("Title (in English)"),
            "summary": _("Short summary (in English)"),
            "summary_da": _("Short summary in Danish"),
            "problem": _("The problem addressed (in English)"),
            "solution": _("The innovative solution (in English)"),
            "results": _("Key results and benefits (in English)"),
            "evidence": _("Evidence of the results"),
            "lessons": _("Lessons learned (in English)"),
            "funding_details": _("Amounts and details of the funding"),
            "other_partners": _("Other partners"),
            "level": _("Level of action"),
            "themes": _("Themes (ESF+ policy areas)"),
            "target_groups": _("Target groups"),
            "sdgs": _("UN Sustainable Development Goals"),
            "stage": _("Stage"),
            "start_year": _("Start year"),
            "image_description": _("What the image shows"),
            "contact_name": _("Contact person"),
            "contact_email": _("Contact person's e-mail"),
            "seeks_partners": _("We are looking for partners"),
            "partner_text": _("What we look for partners for"),
            "consent_portal": _("We agree to the case being published on this portal"),
            "consent_sim": _(
                "We agree to the case being published on the EU's Social Innovation Match"
            ),
        }
        help_texts = {
            "summary": _("At most 600 characters. SIM cases are written in English."),
            "other_partners": _("Partners not in the directory: name and country, one a line."),
            "funding_details": _("For example: ESF+ 1.2 million DKK, 2022-2024."),
            "evidence": _("Evaluations, figures or studies that show the results."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_da": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "funding_details": forms.Textarea(attrs={"rows": 3}),
            "other_partners": forms.Textarea(attrs={"rows": 3}),
            "partner_text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_year"].validators.append(_not_in_future)
        self.fields["start_year"].widget.attrs.update(
            {"min": FIRST_START_YEAR, "inputmode": "numeric"}
        )
        if self.instance.pk and not self.is_bound:
            self.initial["partner_pages"] = "\n".join(
                actor.slug for actor in self.instance.partners.all()
            )
            self.initial["version"] = self.instance.version

    def sections(self):
        """(anchor, heading, bound fields) per section, for the template."""
        return [
            (anchor, title, [self[name] for name in names]) for anchor, title, names in SECTIONS
        ]

    def values(self) -> dict:
        """What the services save: the model's fields, partners under their own name."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        values["partners"] = self.cleaned_data["partner_pages"]
        if values["image"] is None:
            values.pop("image")  # nothing uploaded: keep what there is
        return values


def _not_in_future(value) -> None:
    if value and value > timezone.localdate().year + 1:
        raise ValidationError(_("Give the year the project started."), code="future_year")


class NewApplicationForm(ApplicationForm):
    """The first save: for which of the person's organisations, and a token that makes a
    double submit create one draft."""

    actor = forms.ModelChoiceField(label=_("Lead organisation"), queryset=Actor.objects.none())
    # A CharField, not a UUIDField: CleanTextMixin's text validators run on the value.
    token = forms.CharField(widget=forms.HiddenInput, max_length=36)

    def __init__(self, *args, actors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors if actors is not None else Actor.objects.none()
        self.fields["actor"].empty_label = None

    def clean_token(self) -> uuid.UUID:
        try:
            return uuid.UUID(self.cleaned_data["token"])
        except ValueError as error:
            raise ValidationError(_("Reload the page and try again."), code="token") from error


class InterestForm(CleanTextMixin, forms.Form):
    actor = forms.ModelChoiceField(label=_("On behalf of"), queryset=Actor.objects.none())
    message = forms.CharField(
        label=_("Your message"),
        max_length=SHORT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say who you are and what you would like to do together."),
    )

    def __init__(self, *args, actors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors if actors is not None else Actor.objects.none()
        self.fields["actor"].empty_label = None


class InterestAnswerForm(CleanTextMixin, forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=SHORT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sent with your name and e-mail address, so that they can write to you."),
    )


class WithdrawForm(forms.Form):
    """Only a confirmation: the button is the form."""
