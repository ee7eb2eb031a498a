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

DATA_MIGRATIONS = [
    ("0002_staff_groups", "create_groups"),
    ("0004_reference_data", "forwards"),
    ("0005_moderator_permissions", "grant"),
]


def restore_reference_data() -> None:
    if Municipality.objects.exists():
        return
    for module, function in DATA_MIGRATIONS:
        getattr(import_module(f"ecosystem.migrations.{module}"), function)(apps, None)
