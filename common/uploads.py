"""Checked uploads: the type by content, a size limit from settings, safe stored names,
images re-encoded.

Nothing about an upload is trusted but its bytes: not its name, not the browser's
content type. An image must be one Pillow recognises, and is stored as a new PNG that
keeps no byte of the upload (metadata, appended data, a script hidden in a comment). A
document must have the structure of its type (a PDF starts with %PDF-; an Office file is a
ZIP with the parts Office writes; an OpenDocument file names its type in its `mimetype`
entry; a CSV is UTF-8 text), so an executable renamed .pdf is refused. A refused upload
gets a form error in the visitor's language, and nothing is stored.

Limits come from settings.UPLOAD_LIMITS (bytes per kind: "image", "document").
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import secrets
import zipfile
from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

IMAGE_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
# Refuse images whose pixel count alone would take much memory to decode (decompression
# bombs): 16 megapixels is a 4000 × 4000 photo.
IMAGE_MAX_PIXELS = 16_000_000
NAME_MAX_LENGTH = 80


def limit(kind: str) -> int:
    return settings.UPLOAD_LIMITS[kind]


def _check_size(upload, kind: str, message=None) -> None:
    if upload.size > limit(kind):
        raise ValidationError(
            message
            or _("The file is %(size)s; it may be at most %(limit)s. Choose a smaller file."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit(kind))},
        )


# --- Names --------------------------------------------------------------------------------


def safe_name(name: str, *, max_length: int = NAME_MAX_LENGTH, extension: str | None = None) -> str:
    """A stored name made from what the visitor's file was called: ASCII letters, digits,
    dashes, one extension; long names are cut, never refused. `extension` (the kind the
    content was found to be) replaces the one typed: an HTML file is never stored as .html
    under a "CSV" label."""
    base = posixpath.basename(str(name).replace("\\", "/"))
    stem, dot, typed = base.rpartition(".")
    if not dot:
        stem, typed = base, ""
    extension = typed if extension is None else extension
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    stem = slugify(stem)[: max_length - len(extension) - 1].strip("-_") or "file"
    return f"{stem}.{extension}" if extension else stem


def unique_path(folder: str, name: str) -> str:
    """`folder/<random>/<safe name>`: unguessable, and never two files under one name."""
    return posixpath.join(folder, secrets.token_urlsafe(12), safe_name(name))


# --- Images -------------------------------------------------------------------------------


def reencode_image(
    upload, *, kind: str = "image", max_side: int = 1600, too_large=None
) -> ContentFile:
    """Check an uploaded image by its content and return a new PNG of at most
    `max_side` pixels a side. `too_large` may word the size error for the field."""
    _check_size(upload, kind, too_large)
    not_an_image = ValidationError(
        _("The file is not an image we can use. Upload a PNG, JPEG, WebP or GIF image."),
        code="not_image",
    )
    too_many_pixels = ValidationError(
        _(
            "The image has too many pixels. Upload one of at most 16 megapixels, for "
            "example 4000 × 4000 px."
        ),
        code="too_many_pixels",
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in IMAGE_FORMATS:
                raise not_an_image
            if probe.width * probe.height > IMAGE_MAX_PIXELS:
                raise too_many_pixels
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.seek(0)  # the first frame of an animation
            # Scale down first: converting a large image to RGBA takes 4 bytes a pixel.
            image.thumbnail((max_side, max_side))
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGBA")
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=True)
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        # Pillow's own limit, for headers that claim billions of pixels.
        raise too_many_pixels from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise not_an_image from error
    name = safe_name(getattr(upload, "name", "") or "image").rpartition(".")[0] or "image"
    return ContentFile(buffer.getvalue(), name=f"{name}.png")


class ImageUploadField(forms.FileField):
    """A file field whose cleaned value is the re-encoded PNG from `reencode_image`."""

    widget = forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"})

    def __init__(
        self, *args, max_side: int = 1600, limit_kind: str = "image", too_large=None, **kwargs
    ):
        self.max_side = max_side
        self.limit_kind = limit_kind
        self.too_large = too_large
        kwargs.setdefault("max_length", 1000)  # the name is not kept: never refuse it
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return reencode_image(
                value, kind=self.limit_kind, max_side=self.max_side, too_large=self.too_large
            )
        return value


# --- Documents ----------------------------------------------------------------------------

DOCUMENT_LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "odt": "OpenDocument Text (ODT)",
    "ods": "OpenDocument Spreadsheet (ODS)",
    "csv": "CSV",
    "zip": "ZIP",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv",
    "zip": "application/zip",
}
# Office Open XML: the folder each type keeps its main part in.
_OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def document_kind(upload) -> str | None:
    """What the bytes are (a key of DOCUMENT_LABELS), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    if _is_text(upload):
        return "csv"
    return None


def _zip_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").strip()
                for kind, mimetype in _ODF_TYPES.items():
                    if declared == mimetype:
                        return kind
            if "[Content_Types].xml" in names:
                for kind, folder in _OOXML_FOLDERS.items():
                    if any(name.startswith(folder) for name in names):
                        return kind
            return "zip"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        upload.seek(0)


_TEXT_SAMPLE = 64 * 1024


def _is_text(upload) -> bool:
    sample = upload.read(_TEXT_SAMPLE)
    upload.seek(0)
    if not sample or b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte letter cut at the end of a full sample is still text; a whole
        # file that ends mid-letter is not UTF-8.
        if len(sample) < _TEXT_SAMPLE or error.start < len(sample) - 3:
            return False
    return True


def check_document(upload, *, kinds: Iterable[str]) -> str:
    """The kind of an uploaded document if it is one of `kinds`, else a form error."""
    kinds = list(kinds)
    _check_size(upload, "document")
    kind = document_kind(upload)
    if kind == "csv" and not _parses_as_csv(upload):
        kind = None
    if kind not in kinds:
        raise ValidationError(
            _("The file is not a type we accept. Upload one of: %(types)s."),
            code="wrong_type",
            params={"types": ", ".join(DOCUMENT_LABELS[k] for k in kinds)},
        )
    if kind in ARCHIVE_KINDS:
        _check_archive(upload)
    return kind


# --- Archives and CSV ------------------------------------------------------------------------

# Office and OpenDocument files are ZIP archives: a 1 MB file can unpack to gigabytes (a
# "zip bomb") and take a worker's memory when its text is read. The sizes the archive
# declares are checked here; the text extraction also reads at most a bounded number of
# bytes of each member, whatever the archive declares.
ARCHIVE_KINDS = {"docx", "xlsx", "pptx", "odt", "ods", "zip"}
ARCHIVE_MAX_UNPACKED = 100 * 1024 * 1024
ARCHIVE_MAX_MEMBERS = 5000
ARCHIVE_MAX_RATIO = 100  # unpacked to packed, for members above a megabyte


def _check_archive(upload) -> None:
    refused = ValidationError(
        _(
            "The file unpacks to far more than its size (more than %(limit)s). It may be "
            "damaged or made to overload the server. Save it again from your office program, "
            "or upload it as PDF."
        ),
        code="archive_too_large",
        params={"limit": filesizeformat(ARCHIVE_MAX_UNPACKED)},
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise refused from error
    finally:
        upload.seek(0)
    total = sum(member.file_size for member in members)
    if len(members) > ARCHIVE_MAX_MEMBERS or total > ARCHIVE_MAX_UNPACKED:
        raise refused
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > ARCHIVE_MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise refused


def _parses_as_csv(upload) -> bool:
    """UTF-8 text that the csv module reads as rows of cells: not markup (HTML, SVG)."""
    sample = upload.read(_TEXT_SAMPLE)
    upload.seek(0)
    text = sample.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if not text or text.startswith("<") or re.search(r"<(?:svg|html|script|body)\b", text, re.I):
        return False
    lines = text.splitlines()[:50]
    if len(lines) > 1:
        lines = lines[:-1] if len(sample) == _TEXT_SAMPLE else lines  # the last may be cut
    try:
        csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t")
    except csv.Error:
        # One column has no delimiter to find: still CSV when no line needs one.
        return all(not any(d in line for d in ",;\t") for line in lines)
    return True


class DocumentUploadField(forms.FileField):
    """A file field that accepts the given document kinds, checked by content; the
    cleaned file carries its `kind` and a safe `name`."""

    def __init__(self, *args, kinds: Iterable[str] = tuple(DOCUMENT_LABELS), **kwargs):
        self.kinds = tuple(kinds)
        kwargs.setdefault("max_length", 1000)  # long names are cut below, not refused
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(f".{kind}" for kind in self.kinds)
        return attrs

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            value.kind = check_document(value, kinds=self.kinds)
            value.name = safe_name(value.name, extension=value.kind)
        return value
