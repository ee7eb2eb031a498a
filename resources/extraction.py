"""The text of PDF and DOCX files, for the search.

A huge or broken file must not hang the admin: at most MAX_PAGES pages and
MAX_CHARACTERS characters are read, and any failure is recorded on the file (shown to
editors), never raised. `manage.py extract_file_text` runs it again.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from resources.models import ERROR_MAX_LENGTH, FILE_TEXT_MAX_LENGTH

logger = logging.getLogger("portal.resources")

MAX_PAGES = 200
MAX_CHARACTERS = FILE_TEXT_MAX_LENGTH
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Extracted:
    text: str
    status: str  # a value of ResourceFile.Extraction
    error: str = ""


def extract(handle, kind: str) -> Extracted:
    """The text of an open file of `kind`; never raises."""
    if kind not in ("pdf", "docx"):
        return Extracted("", "none")
    try:
        text = _pdf(handle) if kind == "pdf" else _docx(handle)
    except Exception as error:  # a broken file of any kind: recorded, not raised
        logger.info("Text extraction failed: %s", error.__class__.__name__)
        message = f"{error.__class__.__name__}: {error}"[:ERROR_MAX_LENGTH]
        return Extracted("", "failed", message)
    return Extracted(_tidy(text), "done")


def _tidy(text: str) -> str:
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()[:MAX_CHARACTERS]


def _pdf(handle) -> str:
    from pypdf import PdfReader

    reader = PdfReader(handle)
    parts, length = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or length >= MAX_CHARACTERS:
            break
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
    return " ".join(parts)


def _docx(handle) -> str:
    from docx import Document

    document = Document(handle)
    parts, length = [], 0
    for paragraph in document.paragraphs:
        if length >= MAX_CHARACTERS:
            break
        parts.append(paragraph.text)
        length += len(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            if length >= MAX_CHARACTERS:
                break
            for cell in row.cells:
                parts.append(cell.text)
                length += len(cell.text)
    return " ".join(parts)
