"""Which language a shown text is in.

Fields translated with django-modeltranslation fall back to the other language when the
visitor's is empty; the page must then mark the text with `lang` (WCAG 3.1.2) and say so
(templates/includes/language_note.html). `in_language()` picks the text and says which.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language


@dataclass(frozen=True)
class Text:
    """A text in the visitor's language, or the other one; `lang` marks which."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


def in_language(obj: object, field: str) -> Text:
    """`obj.field` in the visitor's language (`field_da` / `field_en`), else in the other."""
    lang = "en" if (get_language() or "").startswith("en") else "da"
    for code in (lang, "da" if lang == "en" else "en"):
        text = getattr(obj, f"{field}_{code}") or ""
        if text.strip():
            return Text(text, code)
    return Text("", lang)
