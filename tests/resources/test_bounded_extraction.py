"""Archives and "CSV" uploads (issue 16, findings 6 and 12): a DOCX that inflates to a
gigabyte is refused with a clear message and its text extraction stays small; a "CSV"
must parse as CSV and is stored under the extension its content has."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from common.uploads import DocumentUploadField, check_document
from resources.extraction import extract

GIGABYTE = 1 << 30


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> bytes:
    """A DOCX of about 1 MB whose document part inflates to 1 GB."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml'
                b'/2006/main"><w:body><w:p><w:r><w:t>'
            )
            chunk = b"a" * (1 << 20)
            for _ in range(GIGABYTE // len(chunk)):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path.read_bytes()


def test_the_bomb_is_small_and_inflates_to_a_gigabyte(bomb):
    assert len(bomb) < 2 * 1024 * 1024
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.getinfo("word/document.xml").file_size > GIGABYTE


@pytest.mark.parametrize(
    ("language", "words"), [("en", "unpacks to far more"), ("da", "pakkes ud")]
)
def test_a_docx_that_inflates_to_a_gigabyte_is_refused_with_a_clear_message(bomb, language, words):
    upload = SimpleUploadedFile("rapport.docx", bomb)
    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            DocumentUploadField(kinds=["pdf", "docx"]).clean(upload)
        shown = " ".join(refused.value.messages)
    assert words in shown


def test_extracting_the_bomb_stays_under_200_mb(bomb, tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    tracemalloc.start()
    try:
        with path.open("rb") as handle:
            result = extract(handle, "docx")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 200 * 1024 * 1024
    assert result.status == "failed"


# --- "CSV" uploads -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"  \n<html>\n<p>a,b</p>\n</html>",
    ],
    ids=["html", "svg", "html after blank lines"],
)
def test_markup_is_not_accepted_as_csv(content):
    with pytest.raises(ValidationError):
        check_document(SimpleUploadedFile("data.csv", content), kinds=["csv"])


def test_a_real_csv_is_stored_under_the_csv_extension():
    upload = SimpleUploadedFile("tal.html", b"kommune;antal\nAarhus;12\nOdense;7\n")
    cleaned = DocumentUploadField(kinds=["csv"]).clean(upload)
    assert cleaned.kind == "csv"
    assert cleaned.name == "tal.csv"
