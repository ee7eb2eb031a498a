"""The admin's forms for the library: a resource (cover image checked and re-encoded) and
a file (type checked by content, name checked)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from common.forms import CleanTextMixin
from common.text import has_control_characters, strip_bidi_controls
from common.uploads import DOCUMENT_LABELS, DocumentUploadField, ImageUploadField, reencode_image
from resources.models import Resource, ResourceFile

FILE_KINDS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "zip")


def check_file_name(name: str) -> str:
    """The name the file is downloaded under: what it was called, if that is a plain
    name. A path or control characters in it are refused, not cleaned silently."""
    if (
        not name
        or "/" in name
        or "\\" in name
        or name in (".", "..")
        or has_control_characters(name)
        or name != strip_bidi_controls(name)
    ):
        raise ValidationError(
            _(
                "The file name may not contain a folder path or control characters. "
                "Rename the file and upload it again."
            ),
            code="bad_name",
        )
    return name.strip()[:200]


class ResourceFileField(DocumentUploadField):
    """A document of the accepted kinds or an image (re-encoded as PNG), checked by
    content; the cleaned file has `kind` and `original_name`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, kinds=FILE_KINDS, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] += ",.png,.jpg,.jpeg,.webp,.gif"
        return attrs

    def clean(self, data, initial=None):
        original_name = None
        if isinstance(data, UploadedFile):
            original_name = check_file_name(data.name)
        try:
            value = super().clean(data, initial)
        except ValidationError as error:
            if getattr(error, "code", None) != "wrong_type" or not isinstance(data, UploadedFile):
                raise
            try:
                value = reencode_image(data)
            except ValidationError:
                raise ValidationError(
                    _("The file is not a type we accept. Upload one of: %(types)s."),
                    code="wrong_type",
                    params={"types": ", ".join([*DOCUMENT_LABELS.values(), str(_("images"))])},
                ) from None
            value.kind = "image"
            original_name = original_name.rpartition(".")[0] + ".png"
        if isinstance(value, UploadedFile) or getattr(value, "kind", None):
            value.original_name = original_name
        return value


class ResourceAdminForm(CleanTextMixin, forms.ModelForm):
    cover_image = ImageUploadField(label=_("cover image"), required=False, max_side=1200)
    external_url = forms.URLField(
        label=_("external link"), required=False, max_length=500, assume_scheme="https"
    )

    class Meta:
        model = Resource
        fields = ["cover_image", "external_url"]  # the admin adds its fieldsets' fields
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class ResourceFileAdminForm(CleanTextMixin, forms.ModelForm):
    """A file of the resource: upload a new one, or a replacement for an existing one (the
    earlier upload is kept as a version and the download address stays)."""

    upload = ResourceFileField(
        label=_("file"),
        required=False,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, ZIP or an image. Choosing a "
            "file for an existing row replaces it; the earlier version is kept."
        ),
    )

    class Meta:
        model = ResourceFile
        fields = ["title", "position"]

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and not cleaned.get("upload") and "upload" not in self.errors:
            if self.has_changed():
                self.add_error("upload", _("Choose a file to upload."))
        return cleaned
