"""common.uploads: nothing about an upload is trusted but its bytes."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from openpyxl import Workbook
from PIL import Image

from common.uploads import (
    DocumentUploadField,
    ImageUploadField,
    check_document,
    document_kind,
    reencode_image,
    safe_name,
)

# --- Names --------------------------------------------------------------------------------


def test_a_very_long_name_is_cut_and_keeps_its_extension():
    name = safe_name("a" * 1000 + ".pdf")
    assert len(name) <= 80
    assert name.endswith(".pdf") and name.startswith("aaaa")


def test_a_very_long_extension_is_cut_too():
    assert len(safe_name("x." + "b" * 1000)) <= 80


@pytest.mark.parametrize(
    ("uploaded", "stored"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\anna\\cv.docx", "cv.docx"),
        ("Årsrapport æøå.pdf", "arsrapport-a.pdf"),
        ("Budget 2025 (final).XLSX", "budget-2025-final.xlsx"),
        ("...", "file"),
        (".bashrc", "file.bashrc"),
        ("æøå.pdf", "a.pdf"),
    ],
)
def test_a_name_becomes_safe_ascii(uploaded, stored):
    assert safe_name(uploaded) == stored
    assert stored.isascii() and "/" not in stored and "\\" not in stored


# --- Documents: built as the programs that write them do ------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'  # noqa: E501


def xlsx() -> bytes:
    workbook = Workbook()
    workbook.active.append(["navn", "by"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


DOCUMENTS = {
    "pdf": ("rapport.pdf", PDF),
    "docx": (
        "notat.docx",
        zipped({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w:document/>"}),
    ),
    "xlsx": ("budget.xlsx", xlsx()),
    "pptx": (
        "slides.pptx",
        zipped({"[Content_Types].xml": CONTENT_TYPES, "ppt/presentation.xml": b"<p/>"}),
    ),
    "odt": (
        "notat.odt",
        zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
    ),
    "ods": (
        "ark.ods",
        zipped(
            {
                "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                "content.xml": b"<x/>",
            }
        ),
    ),
    "csv": ("data.csv", "navn;by\nÆblehaven;Århus\n".encode()),
    "zip": ("bilag.zip", zipped({"readme.txt": b"hej"})),
}


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_each_document_kind_is_recognised_by_its_bytes(kind):
    name, data = DOCUMENTS[kind]
    file = upload(name, data)
    assert document_kind(file) == kind
    assert file.tell() == 0  # left rewound for storing
    assert check_document(file, kinds=[kind]) == kind


def test_the_name_does_not_decide_the_kind():
    assert document_kind(upload("rapport.docx", PDF)) == "pdf"


MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rapport.pdf", MZ),
        ("rapport.pdf", ELF),
        ("data.csv", b"navn,by\n\x00\x01\x02binary"),
        ("data.csv", "Århus".encode("cp1252") + b" is not UTF-8 " * 10),
        ("notat.docx", b"PK\x03\x04 but not really a zip"),
        ("empty.csv", b""),
    ],
)
def test_bytes_of_no_accepted_kind_are_refused(name, data):
    assert document_kind(upload(name, data)) is None
    with pytest.raises(ValidationError) as caught:
        check_document(upload(name, data), kinds=list(DOCUMENTS))
    assert caught.value.code == "wrong_type"


def test_a_plain_zip_renamed_docx_is_not_a_word_document():
    with pytest.raises(ValidationError):
        check_document(upload("notat.docx", DOCUMENTS["zip"][1]), kinds=["docx"])


def test_the_refusal_names_the_accepted_types():
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            check_document(upload("rapport.pdf", MZ), kinds=["pdf", "docx", "csv"])
        assert caught.value.messages == [
            "The file is not a type we accept. Upload one of: PDF, Word (DOCX), CSV."
        ]


def test_a_document_over_the_limit_is_refused_before_it_is_read():
    with override_settings(UPLOAD_LIMITS={"document": 10, "image": 10}):
        with pytest.raises(ValidationError) as caught:
            check_document(upload("rapport.pdf", PDF), kinds=["pdf"])
    assert caught.value.code == "too_large"
    with translation.override("en"):
        assert "10\xa0bytes" in caught.value.messages[0]
    with override_settings(UPLOAD_LIMITS={"document": len(PDF), "image": 10}):
        assert check_document(upload("rapport.pdf", PDF), kinds=["pdf"]) == "pdf"


def test_the_document_field_gives_the_kind_and_a_safe_name():
    field = DocumentUploadField(kinds=["pdf", "docx"])
    assert field.widget_attrs(field.widget)["accept"] == ".pdf,.docx"
    cleaned = field.clean(upload("../../Årsrapport 2024.PDF", PDF))
    assert (cleaned.kind, cleaned.name) == ("pdf", "arsrapport-2024.pdf")
    with pytest.raises(ValidationError):
        field.clean(upload("budget.xlsx", DOCUMENTS["xlsx"][1]))


# --- Images --------------------------------------------------------------------------------


def image_bytes(size=(40, 20), format="PNG", mode="RGB", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 30) if mode == "RGB" else 0).save(buffer, format, **save)
    return buffer.getvalue()


def opened(content) -> Image.Image:
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


def test_an_image_comes_back_as_a_new_png_without_metadata_or_appended_bytes():
    exif = Image.Exif()
    exif[0x013B] = "Anna Hansen"  # Artist
    exif[0x010F] = "Secret Camera"  # Make
    data = image_bytes(format="JPEG", exif=exif.tobytes()) + b"<?php system($_GET['c']); ?>"
    assert b"Anna Hansen" in data
    result = reencode_image(upload("Mit billede.JPG", data, "image/jpeg"))
    assert result.name == "mit-billede.png"
    content = result.read()
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Anna Hansen" not in content and b"Secret Camera" not in content
    assert b"<?php" not in content
    result.seek(0)
    image = opened(result)
    assert image.format == "PNG" and image.size == (40, 20)
    assert not image.getexif()


def test_a_photo_taken_sideways_is_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    data = image_bytes(size=(40, 20), format="JPEG", exif=exif.tobytes())
    assert opened(reencode_image(upload("foto.jpg", data))).size == (20, 40)


def test_a_large_image_is_scaled_down_to_max_side():
    data = image_bytes(size=(3000, 1000))
    assert opened(reencode_image(upload("banner.png", data))).size == (1600, 533)
    assert opened(reencode_image(upload("banner.png", data), max_side=300)).size == (300, 100)


def not_image_message(data: bytes, name: str = "x.png") -> str:
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            reencode_image(upload(name, data, "image/png"))
        return caught.value.messages[0]


@pytest.mark.parametrize(
    "data",
    [
        b"I am a text file pretending to be a PNG.\n",
        image_bytes()[:60],  # a PNG cut short
        b"",
    ],
)
def test_bytes_that_are_no_usable_image_are_refused(data):
    assert "not an image" in not_image_message(data)


def test_an_image_format_we_do_not_take_is_refused():
    assert "not an image" in not_image_message(image_bytes(format="BMP"), "x.bmp")


def test_an_image_over_16_megapixels_is_refused():
    data = image_bytes(size=(5000, 4000), mode="L")
    assert len(data) < 200_000  # one colour compresses well
    assert "too many pixels" in not_image_message(data)


def png_claiming(width: int, height: int) -> bytes:
    """A PNG header that claims a size its (absent) data never has."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_a_header_claiming_billions_of_pixels_is_refused():
    assert "too many pixels" in not_image_message(png_claiming(100_000, 100_000))


def test_an_image_over_the_byte_limit_is_refused_with_the_fields_own_words():
    data = image_bytes()
    with override_settings(UPLOAD_LIMITS={"image": 10, "document": 10, "logo": 10}):
        with pytest.raises(ValidationError) as caught:
            reencode_image(upload("x.png", data))
        assert caught.value.code == "too_large"
        with pytest.raises(ValidationError) as caught:
            reencode_image(upload("x.png", data), kind="logo", too_large="A logo is small.")
        assert caught.value.messages == ["A logo is small."]


def test_the_image_field_returns_the_reencoded_png():
    cleaned = ImageUploadField(max_side=10).clean(upload("Logo.webp", image_bytes(format="WEBP")))
    assert cleaned.name == "logo.png"
    assert opened(cleaned).size == (10, 5)


@pytest.mark.parametrize("name", ["data.%", "notes.€", "report.!!"])
def test_safe_name_never_refuses_a_name(name):
    assert safe_name(name).isascii()


def test_safe_name_gives_an_ascii_extension():
    assert safe_name("rapport.æøå").isascii()


def test_a_short_latin1_file_is_not_taken_for_utf8_text():
    upload = SimpleUploadedFile("byer.csv", "navn;by\nKøge".encode("cp1252"))
    assert document_kind(upload) is None
