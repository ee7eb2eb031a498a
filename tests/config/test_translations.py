"""The Danish catalogue is complete, has no fuzzy entries, is compiled, and covers the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

# One test re-extracts into the committed catalogue for a moment: the others, which read it,
# run on the same worker (`make test` distributes by group).
pytestmark = pytest.mark.xdist_group("catalogue")


def entries(path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


def test_danish_catalogue_has_no_untranslated_or_fuzzy_entries():
    catalogue = entries(PO)
    assert len(catalogue) > 100
    untranslated = [e.msgid for e in catalogue if not e.translated() and "fuzzy" not in e.flags]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert not untranslated, f"Untranslated: {untranslated}"
    assert not fuzzy, f"Fuzzy: {fuzzy}"


def test_compiled_catalogue_matches_the_source():
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO))}
    for entry in entries(PO):
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"Not compiled (run make messages): {entry.msgid!r}"
        assert compiled[key][0] == entry.msgstr, f"Stale .mo for {entry.msgid!r}"


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """Re-extract the strings (needs GNU gettext) and compare with the committed catalogue."""
    if not shutil.which("xgettext"):
        message = "GNU gettext is missing: `sudo apt-get install gettext` to run this test."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    backup = tmp_path / "django.po"
    shutil.copy(PO, backup)
    try:
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "makemessages",
                "-l",
                "da",
                "--no-obsolete",
                "--ignore=.venv",
                "--ignore=node_modules",
                "--ignore=var",
                "--ignore=tests",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=300,
        )
        fresh = {(e.msgctxt, e.msgid) for e in entries(PO)}
    finally:
        shutil.copy(backup, PO)
    committed = {(e.msgctxt, e.msgid) for e in entries(PO)}
    missing = sorted(msgid for _ctx, msgid in fresh - committed)
    assert not missing, f"Strings missing from the Danish catalogue (run make messages): {missing}"
