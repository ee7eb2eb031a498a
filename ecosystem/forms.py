import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.dk import cvr

from common.forms import CleanTextMixin
from common.text import validate_plain_name
from common.uploads import ImageUploadField
from ecosystem.models import Actor, Membership, Municipality, Region, Theme, User


class SignupForm(CleanTextMixin, forms.Form):
    """Extra fields on allauth's sign-up form."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=150, validators=[validate_plain_name]
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def signup(self, request, user) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])


class AccountForm(CleanTextMixin, forms.ModelForm):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    # Each language named in itself, as language choosers do.
    language = forms.ChoiceField(
        label=_("Language of e-mails"),
        choices=[
            ("", _("The language I last used the portal in")),
            ("da", "Dansk"),
            ("en", "English"),
        ],
        required=False,
    )

    class Meta:
        model = User
        fields = ["full_name", "language"]
        labels = {"full_name": _("Full name"), "language": _("Language of e-mails")}


# --- Organisations: registering, editing, members, join requests ----------------------------

# Denmark's bounding box (with Bornholm): a Danish actor's pin must lie inside it.
DENMARK_LATITUDE = (54.5, 57.8)
DENMARK_LONGITUDE = (8.0, 15.3)
LOGO_MAX_SIDE = 512


class LogoField(ImageUploadField):
    """A logo: checked by content, at most settings.UPLOAD_LIMITS["logo"], stored as a
    new PNG of at most 512 px (common.uploads)."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            max_side=LOGO_MAX_SIDE,
            limit_kind="logo",
            too_large=_(
                "The file is %(size)s; a logo may be at most 2 MB. Choose a smaller image."
            ),
            **kwargs,
        )


class CoordinateField(forms.FloatField):
    """Latitude or longitude typed with a point or a Danish decimal comma."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, float):
            return f"{value:.6f}".rstrip("0").rstrip(".")
        return value


PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,24}$")


class ActorForm(CleanTextMixin, forms.ModelForm):
    """Register or edit an organisation.

    Besides each field's own check, `clean` places the actor: a Danish actor has a
    municipality (which sets the region) and, without typed coordinates, the
    municipality's centre as its pin. It also finds an existing actor with the same CVR
    number, or the same name in the same municipality, and keeps it in `duplicate`.
    """

    # Required by `clean` (one of the two, and a municipality in Denmark): never labelled
    # "(optional)", and each hint says when it is needed.
    required_in_clean = ("short_description_da", "short_description_en", "municipality")

    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("For example https://www.example.dk"),
    )
    latitude = CoordinateField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("For example 55.6761. Leave empty to use the municipality's centre."),
    )
    longitude = CoordinateField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_("For example 12.5683."),
    )
    logo = LogoField(
        label=_("Logo"),
        required=False,
        help_text=_(
            "PNG, JPEG, WebP or GIF, at most 2 MB. It is shown at most 512 pixels wide. "
            "If the form shows an error, choose the file again."
        ),
    )
    cvr = forms.CharField(
        label=_("CVR number"),
        required=False,
        max_length=20,  # typed with spaces or "DK"; stored as the 8 digits
        help_text=_("8 digits. Danish organisations only."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    founded_year = forms.IntegerField(
        label=_("Year founded"),
        required=False,
        min_value=1000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Actor
        # In the order of the page, so the error summary lists problems top to bottom.
        fields = [
            "name",
            "kind",
            "role",
            "scale",
            "founded_year",
            "cvr",
            "short_description_da",
            "short_description_en",
            "description_da",
            "description_en",
            "themes",
            "target_groups",
            "sdgs",
            "country",
            "municipality",
            "address",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "logo",
            "open_to_partnerships",
            "partnership_text_da",
            "partnership_text_en",
        ]
        labels = {
            "name": _("Name of the organisation"),
            "kind": _("Type of organisation"),
            "role": _("Role in the ecosystem"),
            "scale": _("Scale"),
            "short_description_da": _("Short description in Danish"),
            "short_description_en": _("Short description in English"),
            "description_da": _("Longer description in Danish"),
            "description_en": _("Longer description in English"),
            "themes": _("Themes"),
            "target_groups": _("Target groups"),
            "sdgs": _("Sustainable Development Goals"),
            "country": _("Country"),
            "municipality": _("Municipality"),
            "address": _("Address"),
            "postcode": _("Postcode"),
            "city": _("City"),
            "email": _("Public e-mail"),
            "phone": _("Public phone"),
            "open_to_partnerships": _("We are open to partnerships"),
            "partnership_text_da": _("What we look for in partners, in Danish"),
            "partnership_text_en": _("What we look for in partners, in English"),
        }
        help_texts = {
            "short_description_da": _(
                "One or two sentences. Write it in Danish, in English or "
                "in both; each language falls back to the other."
            ),
            "short_description_en": _("Needed if there is no short description in Danish."),
            "themes": _("Choose the ESF+ policy areas you work with."),
            "municipality": _(
                "Required for organisations in Denmark. Its centre sets the pin on the map; "
                "you can move the pin below."
            ),
            "postcode": _("In Denmark: 4 digits, for example 8000."),
        }
        widgets = {
            "short_description_da": forms.Textarea(attrs={"rows": 3}),
            "short_description_en": forms.Textarea(attrs={"rows": 3}),
            "description_da": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
            "partnership_text_da": forms.Textarea(attrs={"rows": 3}),
            "partnership_text_en": forms.Textarea(attrs={"rows": 3}),
            # django-countries' own select widget has no DKFDS class; a plain select has.
            "country": forms.Select,
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.duplicate: Actor | None = None
        # The English texts are typed in English: screen readers and spell checkers follow.
        for name, field in self.fields.items():
            if name.endswith("_en"):
                field.widget.attrs["lang"] = "en"
        year = timezone.localdate().year
        founded = self.fields["founded_year"]
        founded.max_value = year
        founded.validators.append(
            MaxValueValidator(year, message=_("The year founded cannot be in the future."))
        )
        for name in ("short_description_da", "short_description_en"):
            self.fields[name].required = False
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["municipality"].empty_label = _("Choose a municipality")
        self.fields["kind"].choices = [("", _("Choose a type"))] + list(Actor.Kind.choices)
        self.fields["role"].choices = [("", _("Choose a role"))] + list(Actor.Role.choices)
        self.fields["scale"].choices = [("", _("Choose a scale"))] + list(Actor.Scale.choices)
        if not self.instance.pk:
            self.fields["logo"].widget = forms.FileInput(attrs=LogoField.widget.attrs)

    def municipality_centres(self) -> dict[str, list[float]]:
        """For the location picker's script: each municipality's centre, by id."""
        return {
            str(pk): [lat, lon]
            for pk, lat, lon in Municipality.objects.values_list("pk", "latitude", "longitude")
        }

    def clean_cvr(self) -> str:
        value = (self.cleaned_data.get("cvr") or "").strip()
        if not value:
            return ""
        try:
            cvr.validate(value)
        except stdnum_exceptions.InvalidChecksum as error:
            raise ValidationError(
                _(
                    "This is not a valid CVR number: the check digit does not match. "
                    "Check that you typed all 8 digits correctly."
                ),
                code="checksum",
            ) from error
        except stdnum_exceptions.ValidationError as error:
            raise ValidationError(
                _("A CVR number has exactly 8 digits, for example 13585628."), code="format"
            ) from error
        return cvr.compact(value)

    def clean_phone(self) -> str:
        value = (self.cleaned_data.get("phone") or "").strip()
        if value and not PHONE_RE.match(value):
            raise ValidationError(
                _("Enter a phone number with digits, for example +45 12 34 56 78."), code="phone"
            )
        return value

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("short_description_da") or data.get("short_description_en")):
            self.add_error(
                "short_description_da",
                ValidationError(
                    _("Write a short description in Danish or in English (or both)."),
                    code="required",
                ),
            )
        self._clean_location(data)
        self._find_duplicate(data)
        return data

    def _clean_location(self, data: dict) -> None:
        country = data.get("country")
        municipality = data.get("municipality")
        in_denmark = str(country) == "DK"
        if in_denmark:
            if municipality is None and "municipality" not in self.errors:
                self.add_error(
                    "municipality",
                    ValidationError(
                        _("Choose the municipality where the organisation is based."),
                        code="required",
                    ),
                )
            postcode = (data.get("postcode") or "").strip()
            if postcode and not re.fullmatch(r"[0-9]{4}", postcode):
                self.add_error(
                    "postcode",
                    ValidationError(
                        _("A Danish postcode has exactly 4 digits, for example 8000."),
                        code="postcode",
                    ),
                )
            data["region"] = municipality.region if municipality else None
        elif country:
            if municipality is not None:
                self.add_error(
                    "municipality",
                    ValidationError(
                        _("Choose a municipality only for organisations in Denmark."),
                        code="abroad",
                    ),
                )
            data["region"] = None

        if "latitude" in self.errors or "longitude" in self.errors:
            return
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(
                missing,
                ValidationError(
                    _("Give both latitude and longitude, or leave both empty."),
                    code="pair",
                ),
            )
            return
        if latitude is not None and self._is_old_centre(latitude, longitude, municipality):
            latitude = longitude = None  # the pin was only the old municipality's centre
        if latitude is None:
            if in_denmark and municipality is not None:
                data["latitude"], data["longitude"] = municipality.latitude, municipality.longitude
            return
        if in_denmark:
            outside = ValidationError(
                _(
                    "The position %(latitude)s, %(longitude)s is outside Denmark. Use a latitude "
                    "between 54.5 and 57.8 and a longitude between 8.0 and 15.3, or leave both "
                    "empty to use the municipality's centre."
                ),
                code="outside_denmark",
                params={"latitude": latitude, "longitude": longitude},
            )
            if not DENMARK_LATITUDE[0] <= latitude <= DENMARK_LATITUDE[1]:
                self.add_error("latitude", outside)
            if not DENMARK_LONGITUDE[0] <= longitude <= DENMARK_LONGITUDE[1]:
                self.add_error("longitude", outside)

    def _is_old_centre(self, latitude: float, longitude: float, municipality) -> bool:
        """Without JavaScript, changing the municipality leaves the old centre in the
        coordinate fields; that pin follows the municipality instead of staying behind."""
        old = self.instance.municipality if self.instance.pk else None
        return (
            old is not None
            and municipality is not None
            and old != municipality
            and abs(latitude - old.latitude) < 1e-6
            and abs(longitude - old.longitude) < 1e-6
        )

    def _find_duplicate(self, data: dict) -> None:
        from ecosystem.services import find_duplicate

        exclude = self.instance.pk
        if data.get("cvr") and "cvr" not in self.errors:
            self.duplicate = find_duplicate(cvr=data["cvr"], exclude=exclude)
            if self.duplicate is not None:
                self.add_error(
                    "cvr",
                    ValidationError(
                        _("An organisation with this CVR number is already registered."),
                        code="duplicate",
                    ),
                )
                return
        if data.get("name") and (data.get("municipality") is not None or data.get("country")):
            self.duplicate = find_duplicate(
                name=data["name"],
                municipality=data.get("municipality"),
                country=str(data.get("country") or ""),
                exclude=exclude,
            )
            if self.duplicate is not None:
                message = (
                    _("An organisation with this name is already registered in this municipality.")
                    if data.get("municipality") is not None
                    else _("An organisation with this name is already registered in this country.")
                )
                self.add_error("name", ValidationError(message, code="duplicate"))

    def set_duplicate(self, actor: Actor | None, message) -> None:
        """Show a duplicate found only when saving (the other registration won the race)."""
        self.duplicate = actor
        self.add_error(None, message)

    def actor_values(self) -> dict:
        """What the service saves: every field, the derived region, and the logo only when
        it was replaced (a new PNG) or cleared (False)."""
        values = {name: self.cleaned_data[name] for name in self._meta.fields}
        values["region"] = self.cleaned_data.get("region")
        logo = values.pop("logo")
        if logo is False or isinstance(logo, ContentFile):
            values["logo"] = logo
        for name in (
            "short_description_da",
            "short_description_en",
            "description_da",
            "description_en",
            "partnership_text_da",
            "partnership_text_en",
        ):
            values[name] = (values[name] or "").strip()
        return values


class InviteForm(CleanTextMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.EDITOR,
        widget=forms.RadioSelect,
        help_text=_("Editors edit the profile. Owners can also invite and remove members."),
    )


class JoinRequestForm(CleanTextMixin, forms.Form):
    message = forms.CharField(
        label=_("Message to the owners"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Tell them who you are and your role in the organisation."),
    )


class RejectForm(CleanTextMixin, forms.Form):
    """The moderator's reason, mailed to the organisation."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The organisation's members receive this text by e-mail."),
    )


class MapEmbedForm(CleanTextMixin, forms.Form):
    """The options of the map that another site embeds (the open-data page's "Embed the
    map"): which actors it shows and its language. Sent by GET, so it works without
    JavaScript; a refused value is ignored in the code and said at the field."""

    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All regions"),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All municipalities"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    # Each language named in itself, as language choosers do.
    language = forms.ChoiceField(
        label=_("Language of the map"),
        choices=[("da", "Dansk"), ("en", "English")],
        required=False,
    )

    def __init__(self, data, *, language: str) -> None:
        """Unbound until an option is chosen; the map's language is the page's unless one
        is chosen."""
        if any(data.get(name) for name in self.base_fields):
            data = data.copy()
            data["language"] = data.get("language") or language
        else:
            data = None
        super().__init__(data, initial={"language": language})
        self.language = language

    def options(self) -> tuple[str, dict[str, str]]:
        """(language, the map's filters as query parameters) from the valid choices only."""
        valid = {}
        if self.is_bound:
            self.is_valid()
            valid = {name: value for name, value in self.cleaned_data.items() if value}
        query = {}
        for name, key in (("region", "slug"), ("municipality", "code"), ("theme", "slug")):
            if valid.get(name):
                query[name] = getattr(valid[name], key)
        return valid.get("language") or self.language, query
