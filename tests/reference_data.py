"""Put back what the data migrations wrote, after a transactional test emptied it.

A transactional test (browser tests, races between threads) truncates every table when it
ends, including the staff groups and the reference data (regions, municipalities, themes,
target groups, SDGs) that migrations wrote. Django's serialized_rollback cannot restore
them under Playwright (the test's connection lacks the serialized copy), so the
migrations' own functions run again.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.management import create_permissions

from common.roles import sync_group_permissions
from ecosystem.models import Municipality

# Every data migration that writes groups or reference data; the groups' permissions come
# from each app's GROUP_PERMISSIONS table (common/roles.py), as after `migrate`.
DATA_MIGRATIONS = [
    ("ecosystem", "0002_staff_groups", "create_groups"),
    ("ecosystem", "0004_reference_data", "forwards"),
    ("ecosystem", "0016_danish_target_group_names", "rename"),
    ("common", "0002_glossary_words", "add"),
]


def restore_reference_data() -> None:
    if Municipality.objects.exists():
        return
    for app, module, function in DATA_MIGRATIONS:
        getattr(import_module(f"{app}.migrations.{module}"), function)(apps, None)
    for app_config in apps.get_app_configs():
        table = getattr(getattr(app_config.module, "permissions", None), "GROUP_PERMISSIONS", None)
        if table:
            create_permissions(app_config, verbosity=0)
            sync_group_permissions(app_config.label, table)
