"""The text of PDF and DOCX files, for the search.

A huge or broken file must not hang the admin: at most MAX_PAGES pages and
MAX_CHARACTERS characters are read, and any failure is recorded on the file (shown to
editors), never raised. `manage.py extract_file_text` runs it again.

A DOCX is a ZIP archive whose text can unpack to gigabytes from a megabyte (a zip bomb
took a worker to 2 GB in python-docx, which reads the whole part into memory). Its text is
read as a stream instead: at most MEMBER_MAX_BYTES unpacked bytes of the document part,
parsed as they come, for at most MAX_SECONDS.
"""

from __future__ import annotations

import logging
import re
import time
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from resources.models import ERROR_MAX_LENGTH, FILE_TEXT_MAX_LENGTH

logger = logging.getLogger("portal.resources")

MAX_PAGES = 200
MEMBER_MAX_BYTES = 32 * 1024 * 1024
MAX_SECONDS = 30
_CHUNK = 64 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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


class TooLarge(Exception):
    """The archive unpacks to more than the extraction reads, or takes too long."""


def _docx(handle) -> str:
    """The text of the paragraphs and tables in document order, read as a stream."""
    deadline = time.monotonic() + MAX_SECONDS
    parser = ElementTree.XMLPullParser(events=("end",))
    parts: list[str] = []
    length = read = 0
    with zipfile.ZipFile(handle) as archive, archive.open("word/document.xml") as member:
        while length < MAX_CHARACTERS:
            chunk = member.read(_CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if read > MEMBER_MAX_BYTES or time.monotonic() > deadline:
                raise TooLarge(f"more than {MEMBER_MAX_BYTES} bytes or {MAX_SECONDS} s")
            parser.feed(chunk)
            for _event, element in parser.read_events():
                if element.tag == f"{_W}t" and element.text:
                    parts.append(element.text)
                    length += len(element.text)
                elif element.tag in (f"{_W}p", f"{_W}tc"):
                    parts.append(" ")
                    element.clear()  # the paragraph's text is taken: free its elements
    return "".join(parts)
