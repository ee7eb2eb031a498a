"""Browser and race tests empty every table; tests/reference_data.py writes back what the
data migrations wrote. A new app's data migration missing from its list would make a
browser test pass alone and fail after another one (its staff without permissions)."""

from pathlib import Path

from tests.reference_data import DATA_MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]


def test_every_data_migration_that_writes_groups_or_reference_data_is_restored():
    listed = {(app, module) for app, module, _function in DATA_MIGRATIONS}
    found = set()
    for path in ROOT.glob("*/migrations/0*.py"):
        text = path.read_text()
        if "RunPython(" in text and (
            "Group" in text or "Permission" in text or "referencedata" in text
        ):
            found.add((path.parent.parent.name, path.stem))
    assert found <= listed, f"add to tests/reference_data.py: {sorted(found - listed)}"
