"""E-mail addresses as identities: one mailbox, one form, one account.

Two strings that reach the same mailbox, or that a person cannot tell apart, must not
become two accounts. The review found three ways in: PostgreSQL's UPPER() folds a dotless
ı to I (so `iexact` matched two users and log-in answered 500); a zero-width space that
the IDNA step drops on sending (a twin whose confirmation went to the real person); and
look-alike letters from another script. So every address is cleaned on the way in:

- `clean_address`: what is stored and shown. NFKC (full-width letters become ASCII),
  default-ignorable characters (zero-width spaces and joiners, soft hyphens, direction
  marks) removed, the domain mapped by UTS #46 (the `idna` package) and shown in Unicode;
  the local part keeps the case it was typed in.
- `address_key`: what is compared, with `=`: the cleaned address with its local part in
  lower case and its domain in ASCII (the A-label), the very name the mail goes to. The
  user table holds it in a unique column.
- `address_skeleton`: UTS #39's idea of a skeleton, from the `confusable-homoglyphs`
  tables: each character that has an ASCII look-alike is replaced by it, so
  `socıalinnovation` and `sоcialinnovation` (Cyrillic о) both read `socialinnovation`.
  A new address whose skeleton is another account's is refused.
- `is_mixed_script`: a local part or domain label that mixes scripts with characters that
  have look-alikes in the other script (Latin with Cyrillic а) is refused outright.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import idna
from confusable_homoglyphs import confusables

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): rendered as nothing.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


class InvalidAddress(ValueError):
    """The text cannot be an e-mail address (no @, or a domain IDNA refuses)."""


def _ignorable(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _IGNORABLE_RANGES)


def strip_ignorable(value: str) -> str:
    return "".join(c for c in value if not _ignorable(c))


def _split(value: str) -> tuple[str, str]:
    text = strip_ignorable(unicodedata.normalize("NFKC", value)).strip()
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        raise InvalidAddress(value)
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise InvalidAddress(value) from error
    return local, ascii_domain


def clean_address(value: str) -> str:
    """The address as stored and shown (domain in Unicode). Raises InvalidAddress."""
    local, ascii_domain = _split(value)
    return f"{local}@{idna.decode(ascii_domain)}"


def address_key(value: str) -> str:
    """The address as compared (domain in ASCII). Raises InvalidAddress."""
    local, ascii_domain = _split(value)
    return f"{local.lower()}@{ascii_domain}"


def address_key_or_none(value: str) -> str | None:
    try:
        return address_key(value)
    except InvalidAddress:
        return None


@lru_cache(maxsize=4096)
def _prototype(char: str) -> str:
    if char.isascii():
        return char
    for glyph in confusables.confusables_data.get(char, ()):
        if glyph["c"].isascii() and glyph["c"].isprintable():
            return glyph["c"]
    return char


def _skeleton(text: str) -> str:
    mapped = "".join(_prototype(c) for c in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped).lower()


def address_skeleton(value: str) -> str:
    """What the address looks like (UTS #39 skeleton of its Unicode form)."""
    local, ascii_domain = _split(value)
    return f"{_skeleton(local)}@{_skeleton(idna.decode(ascii_domain))}"


def is_mixed_script(value: str) -> bool:
    """A part of the address mixes scripts with look-alike letters (Latin with Cyrillic)."""
    local, ascii_domain = _split(value)
    parts = [local, *idna.decode(ascii_domain).split(".")]
    return any(bool(confusables.is_dangerous(part)) for part in parts)
