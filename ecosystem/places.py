"""Where on the map a visitor asks to go: a Danish municipality by name, or a postcode.

The map page's "go to" search and the list beside it both use this: the place moves the
map (its centre), and narrows the list (the municipality's actors, or those with the
postcode). Nothing is fetched from outside: municipalities and their centres are the
reference data in the database (migration 0004), and postcodes are placed by
`referencedata/postcode_areas.json`, a short table of the first postcode of each run of
numbers and the municipality its main town lies in. A postcode between two rows belongs
to the row before it, which in the Danish numbering is the neighbouring area; the map is
only centred there, so a postcode near a municipal border may open next door.

The map's section ("bbox") is here too: the four edges the list is narrowed to when the
visitor asks for the actors in view.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ecosystem.models import Municipality

POSTCODE_AREAS = Path(__file__).resolve().parent / "referencedata" / "postcode_areas.json"
POSTCODE = re.compile(r"^(?:DK-?)?\s*(\d{4})$", re.IGNORECASE)
# Danish postcodes run 1000-9990; 3800-3999 are the Faroe Islands' and Greenland's.
NOT_DANISH = range(3800, 4000)
FIRST_POSTCODE, LAST_POSTCODE = 1000, 9990
SUFFIXES = (" kommune", " municipality", " kommunes")
MUNICIPALITY_ZOOM = 11
POSTCODE_ZOOM = 12


@dataclass(frozen=True)
class Place:
    """A place found: the municipality (for a postcode, the one its main town is in), the
    postcode if one was asked for, and where the map goes."""

    municipality: Municipality
    postcode: str = ""

    @property
    def latitude(self) -> float:
        return self.municipality.latitude

    @property
    def longitude(self) -> float:
        return self.municipality.longitude

    @property
    def zoom(self) -> int:
        return POSTCODE_ZOOM if self.postcode else MUNICIPALITY_ZOOM

    @property
    def label(self) -> str:
        if self.postcode:
            return f"{self.postcode} ({self.municipality.name})"
        return self.municipality.name


@cache
def _postcode_areas() -> tuple[list[int], list[str]]:
    rows = json.loads(POSTCODE_AREAS.read_text(encoding="utf-8"))
    return [int(first) for first, _code in rows], [code for _first, code in rows]


def municipality_code_for_postcode(postcode: int) -> str | None:
    """The municipality a Danish postcode's area lies in, or None if it is not Danish."""
    if not FIRST_POSTCODE <= postcode <= LAST_POSTCODE or postcode in NOT_DANISH:
        return None
    firsts, codes = _postcode_areas()
    return codes[bisect.bisect_right(firsts, postcode) - 1]


def _plain(text: str) -> str:
    text = " ".join(text.casefold().split())
    for suffix in SUFFIXES:
        text = text.removesuffix(suffix)
    return text.replace("aa", "å")


def find_municipality(text: str) -> Municipality | None:
    """The municipality named (in Danish or English, with or without "Kommune", "Aarhus"
    or "Århus"), or the only one whose name starts with what was typed."""
    wanted = _plain(text)
    if not wanted:
        return None
    municipalities = list(
        Municipality.objects.only("code", "slug", "name_da", "name_en", "latitude", "longitude")
    )
    starting = []
    for municipality in municipalities:
        names = {_plain(municipality.name_da or ""), _plain(municipality.name_en or "")}
        if wanted in names or wanted == municipality.slug:
            return municipality
        if any(name.startswith(wanted) for name in names):
            starting.append(municipality)
    return starting[0] if len(starting) == 1 else None


class PlaceField(forms.CharField):
    """What the visitor typed, cleaned to a `Place`; a word that is neither a municipality
    nor a Danish postcode is a form error that says so."""

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        text = text.strip()
        if match := POSTCODE.match(text):
            postcode = match.group(1)
            code = municipality_code_for_postcode(int(postcode))
            if code is None:
                raise ValidationError(
                    _(
                        "%(text)s is not a Danish postcode. Danish postcodes have four "
                        "digits, from 1000 to 9990."
                    ),
                    code="not_danish",
                    params={"text": postcode},
                )
            municipality = Municipality.objects.only(
                "code", "name_da", "name_en", "latitude", "longitude"
            ).get(code=code)
            return Place(municipality=municipality, postcode=postcode)
        if any(character.isdigit() for character in text):
            raise ValidationError(
                _("A postcode has four digits, for example 8000."),
                code="bad_postcode",
            )
        municipality = find_municipality(text)
        if municipality is None:
            raise ValidationError(
                _(
                    "We know no Danish municipality called “%(text)s”. Type the name of a "
                    "municipality, for example Aarhus, or a postcode, for example 8000."
                ),
                code="unknown",
                params={"text": text},
            )
        return Place(municipality=municipality)


@dataclass(frozen=True)
class BoundingBox:
    west: float
    south: float
    east: float
    north: float


class BoundingBoxField(forms.CharField):
    """The map's section as "west,south,east,north" in degrees (WGS 84), as the map sends
    it; anything else is a form error, and the list ignores it."""

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        message = _("The map section in the address was not recognised.")
        parts = text.split(",")
        if len(parts) != 4:
            raise ValidationError(message, code="invalid")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            raise ValidationError(message, code="invalid") from None
        if not all(math.isfinite(number) for number in (west, south, east, north)):
            raise ValidationError(message, code="invalid")
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise ValidationError(message, code="invalid")
        return BoundingBox(west, south, east, north)
