"""Put back what the data migrations wrote, after a transactional test emptied it.

A transactional test (browser tests, races between threads) truncates every table when it
ends, including the staff groups and the reference data (regions, municipalities, themes,
target groups, SDGs) that migrations wrote. Django's serialized_rollback cannot restore
them under Playwright (the test's connection lacks the serialized copy), so the
migrations' own functions run again.
"""

from importlib import import_module

from django.apps import apps

from ecosystem.models import Municipality

# Every app's data migration that writes groups, their permissions or reference data.
DATA_MIGRATIONS = [
    ("ecosystem", "0002_staff_groups", "create_groups"),
    ("ecosystem", "0004_reference_data", "forwards"),
    ("ecosystem", "0005_moderator_permissions", "grant"),
    ("ecosystem", "0013_partnership_permissions", "grant"),
    ("resources", "0002_editor_permissions", "grant"),
    ("validation", "0002_validator_permissions", "grant"),
    ("policy", "0002_event_manager_permissions", "grant"),
    ("pages", "0002_staff_permissions", "grant"),
    ("funding", "0002_editor_permissions", "grant"),
    ("ecosystem", "0016_danish_target_group_names", "rename"),
    ("common", "0002_glossary_words", "add"),
]


def restore_reference_data() -> None:
    if Municipality.objects.exists():
        return
    for app, module, function in DATA_MIGRATIONS:
        getattr(import_module(f"{app}.migrations.{module}"), function)(apps, None)
