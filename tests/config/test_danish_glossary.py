"""The portal's Danish keeps the house rules of /work/shared/DANISH.md.

Every Danish text a visitor reads is checked against the rules in `danish_glossary.toml`
(beside this file): the compiled catalogues (the portal's and the allauth corrections),
allauth's own Danish for the pages the portal shows, every mail rendered in Danish, the
reference data and the Danish demo data. A failure names the text and the rule.
"""

import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

import allauth
import polib
import pytest
from django.apps import apps
from django.core.management import call_command

from tests.mails import render_all_mails

ROOT = Path(__file__).resolve().parents[2]
RULES = tomllib.loads((Path(__file__).with_name("danish_glossary.toml")).read_text("utf-8"))
CATALOGUES = [
    ROOT / "locale" / "da" / "LC_MESSAGES" / "django.mo",
    ROOT / "locale_allauth" / "da" / "LC_MESSAGES" / "django.mo",
]
ALLAUTH_PO = Path(allauth.__file__).parent / "locale" / "da" / "LC_MESSAGES" / "django.po"
# The allauth features the portal uses (settings.INSTALLED_APPS: account and mfa).
ALLAUTH_SHOWN = ("account/", "mfa/", "templates/account/", "templates/mfa/", "templates/allauth/")

LEAVE_OUT = [(re.compile(r["pattern"], re.IGNORECASE), r["instead"]) for r in RULES["leave_out"]]
ACCENT = re.compile(RULES["accent"]["pattern"], re.IGNORECASE)
QUOTES = re.compile(RULES["quotes"]["pattern"])
DU = re.compile(RULES["address"]["du"], re.IGNORECASE)
I_JERES = re.compile(RULES["address"]["i"])
TAG = re.compile(r"<[^>]*>")


def faults(text: str) -> list[str]:
    """Every house rule `text` breaks, each with what to write instead."""
    found = []
    plain = TAG.sub(" ", text)
    for pattern, instead in LEAVE_OUT:
        if match := pattern.search(plain):
            found.append(f"»{match.group(0)}«: write {instead}")
    if match := ACCENT.search(plain):
        found.append(f"»{match.group(0)}«: an imperative without accent")
    if match := QUOTES.search(plain):
        found.append(f"{match.group(0)}: quotation marks » « in Danish")
    if DU.search(plain) and (match := I_JERES.search(plain)):
        found.append(f"»du« and »{match.group(0)}« in the same text: »du« only")
    return found


def report(texts: Iterable[tuple[str, str]]) -> list[str]:
    lines = []
    for where, text in texts:
        lines.extend(f"{where}: {text[:90]!r}: {fault}" for fault in faults(text))
    return lines


def translations(where: str, entry) -> Iterator[tuple[str, str]]:
    """Each translation of a catalogue entry (the plural forms too)."""
    for text in [entry.msgstr, *entry.msgstr_plural.values()]:
        if text:
            yield f"{where} {entry.msgid[:50]!r}", text


def catalogue_texts() -> Iterator[tuple[str, str]]:
    for path in CATALOGUES:
        for entry in polib.mofile(str(path)):
            if entry.msgid:
                yield from translations(str(path.relative_to(ROOT)), entry)


def allauth_texts() -> Iterator[tuple[str, str]]:
    """allauth's own Danish for the account and two-factor pages and mails, where the
    portal's catalogues do not correct it (those are read above)."""
    corrected = {(e.msgctxt, e.msgid) for path in CATALOGUES for e in polib.mofile(str(path))}
    for entry in polib.pofile(str(ALLAUTH_PO)):
        if entry.obsolete or (entry.msgctxt, entry.msgid) in corrected:
            continue
        if not any(path.startswith(ALLAUTH_SHOWN) for path, _line in entry.occurrences):
            continue
        yield from translations(f"allauth {entry.occurrences[0][0]}", entry)


def reference_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "ecosystem" / "referencedata").glob("*.json")):
        for row in json.loads(path.read_text("utf-8")):
            if isinstance(row, dict) and row.get("name_da"):  # postcode areas are pairs
                yield f"{path.name} {row.get('slug')}", row["name_da"]


def test_the_rules_catch_what_they_should():
    assert faults("Udfyld venligst feltet")
    assert faults("Redigér profil")
    assert faults("Registrér dig")
    assert faults('Casen "Bolig først" er offentliggjort')
    assert faults("Casen “Bolig først” er offentliggjort")
    assert faults("Du kan invitere kolleger til jeres organisation")
    assert faults("Når du har sendt den, kan I følge med")
    assert faults("Se alle sager")
    assert faults("Se de åbne finansieringsopslag")
    assert faults("Fuldt — venteliste")
    assert faults("Sendes pr. e-mail")
    assert faults("Webinar: Sådan søger I ESF+-midler")
    assert faults("Kan jeres organisation bidrage?")
    assert not faults("Casen »Bolig først« er offentliggjort")
    assert not faults('I alt 3 arrangementer. <a href="/x">Rediger</a> din profil')
    assert not faults("Sagsbehandleren svarer dig. I kalenderen kan du se fristen")


def test_the_catalogues_keep_the_house_rules():
    found = report(catalogue_texts())
    assert not found, f"{len(found)} faults:\n" + "\n".join(found)


def test_allauths_danish_on_the_portals_pages_keeps_the_house_rules():
    found = report(allauth_texts())
    assert not found, f"{len(found)} faults (correct them in locale_allauth):\n" + "\n".join(found)


def test_the_reference_data_keeps_the_house_rules():
    found = report(reference_texts())
    assert not found, "\n".join(found)


@pytest.mark.django_db
def test_every_mail_in_danish_keeps_the_house_rules():
    found = report((name, text) for name, text in render_all_mails("da").items())
    assert not found, f"{len(found)} faults:\n" + "\n".join(found)


def _danish_data() -> Iterator[tuple[str, str]]:
    """The Danish fields of every translated model, and the texts of whatever is written
    in Danish only (a Danish resource and its files)."""
    from modeltranslation.translator import translator

    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).fields
        names = [f"{field}_da" for field in fields]
        for row in model.objects.values("pk", *names):
            for name in names:
                if row[name]:
                    yield f"{model._meta.label} {row['pk']} {name}", row[name]
    Resource = apps.get_model("resources", "Resource")
    for row in Resource.objects.filter(language="da").values(
        "pk", "title", "summary", "files_text"
    ):
        for name in ("title", "summary", "files_text"):
            if row[name]:
                yield f"resources.Resource {row['pk']} {name}", row[name]


@pytest.mark.django_db
def test_the_danish_demo_data_keeps_the_house_rules():
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    found = report(_danish_data())
    assert not found, f"{len(found)} faults:\n" + "\n".join(found)
