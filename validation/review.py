"""An application as people read it: labels instead of codes, and what changed.

`snapshot_of(case)` is what a submission keeps (JSON: texts, codes and ids), `readable()`
turns a snapshot into labelled sections in the reader's language (countries by name, the
level and kinds by their labels, themes by name), and `changes()` compares two snapshots
word by word (difflib), for the validator reading a resubmission.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from ecosystem.models import SDG, Actor, TargetGroup, Theme
from validation.models import CaseApplication, FundingSource, Level, Stage

# The application's fields in the order the applicant's form asks for them.
SECTIONS: list[tuple[Any, list[str]]] = [
    (
        _("The case"),
        ["title", "summary", "summary_da", "problem", "solution", "results", "evidence", "lessons"],
    ),
    (
        _("Funding, partners and reach"),
        [
            "funding_sources",
            "funding_details",
            "partners",
            "other_partners",
            "countries",
            "level",
            "themes",
            "target_groups",
            "sdgs",
            "stage",
            "start_year",
            "website",
            "image",
            "image_description",
        ],
    ),
    (
        _("Contact and partner search"),
        [
            "contact_name",
            "contact_email",
            "seeks_partners",
            "partner_countries",
            "partner_kinds",
            "partner_text",
            "consent_portal",
            "consent_sim",
        ],
    ),
]
RELATIONS = {"partners": Actor, "themes": Theme, "target_groups": TargetGroup, "sdgs": SDG}
CHOICES = {
    "level": Level,
    "stage": Stage,
    "funding_sources": FundingSource,
    "partner_kinds": Actor.Kind,
}
COUNTRY_FIELDS = ("countries", "partner_countries")
# The texts written in Danish; the rest of an application is in English, as SIM requires.
DANISH_FIELDS = ("summary_da",)


@dataclass(frozen=True)
class Field:
    name: str
    label: Any
    text: str
    lang: str  # the language the text is written in ("en", "da") or "" for labels


def snapshot_of(case: CaseApplication) -> dict[str, Any]:
    """The application's fields as JSON: texts as written, codes and ids as stored."""
    data: dict[str, Any] = {}
    for _title, names in SECTIONS:
        for name in names:
            if name in RELATIONS:
                data[name] = sorted(getattr(case, name).values_list("pk", flat=True))
            elif name == "image":
                data[name] = case.image.name if case.image else ""
            else:
                value = getattr(case, name)
                data[name] = list(value) if isinstance(value, list) else value
    return data


def _names(data_list: list[dict[str, Any]]) -> dict[str, dict[int, str]]:
    """Every related id in these snapshots → its name now: one query per relation."""
    names: dict[str, dict[int, str]] = {}
    for name, model in RELATIONS.items():
        ids = {pk for data in data_list for pk in data.get(name) or []}
        names[name] = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)} if ids else {}
    return names


def _text(name: str, value: Any, names: dict[str, dict[int, str]]) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if name in RELATIONS:
        return ", ".join(names[name].get(pk, "?") for pk in value)
    if name in COUNTRY_FIELDS:
        return ", ".join(str(all_countries.name(code)) or code for code in value)
    if name in CHOICES:
        labels = dict(CHOICES[name].choices)
        if isinstance(value, list):
            return ", ".join(str(labels.get(code, code)) for code in value)
        return str(labels.get(value, value))
    return str(value)


def _label(name: str) -> Any:
    return capfirst(CaseApplication._meta.get_field(name).verbose_name)


def _lang(name: str) -> str:
    if name in DANISH_FIELDS:
        return "da"
    if name in RELATIONS or name in CHOICES or name in COUNTRY_FIELDS:
        return ""
    return "en"


def readable(data: dict[str, Any], names=None) -> list[tuple[Any, list[Field]]]:
    """The snapshot in sections of labelled fields, in the reader's language."""
    names = names if names is not None else _names([data])
    return [
        (
            title,
            [
                Field(name, _label(name), _text(name, data.get(name), names), _lang(name))
                for name in fields
            ],
        )
        for title, fields in SECTIONS
    ]


@dataclass(frozen=True)
class Change:
    name: str
    label: Any
    diff: SafeString  # the new text, removed words in <del>, added words in <ins>
    lang: str


_WORDS = re.compile(r"(\s+|[^\w\s])")


def word_diff(old: str, new: str) -> SafeString:
    """`new` with the words removed since `old` in <del> and the words added in <ins>."""
    before, after = _WORDS.split(old), _WORDS.split(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(after[j1:j2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # every piece escaped above


def changes(previous: dict[str, Any], current: dict[str, Any]) -> list[Change]:
    """The fields that differ between two snapshots, each as a word-by-word diff."""
    names = _names([previous, current])
    found = []
    for _title, fields in SECTIONS:
        for name in fields:
            old = _text(name, previous.get(name), names)
            new = _text(name, current.get(name), names)
            if old != new:
                found.append(Change(name, _label(name), word_diff(old, new), _lang(name)))
    return found
