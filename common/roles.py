"""Staff groups' model permissions: declared in one table per app, synced after `migrate`.

Each app's `permissions.py` holds `GROUP_PERMISSIONS`, group name → the codenames of the
app's own permissions that group holds, and its `AppConfig.ready()` calls
`sync_after_migrate(self, GROUP_PERMISSIONS)`. After every `migrate` (and every test
database flush) the declared groups hold exactly those permissions of that app: a new
model or a new grant is a line in the table, never a hand-written migration. Groups the
table does not name, and other apps' permissions, are left as they are.

Django creates a model's permissions from its own `post_migrate` handler (connected by
`django.contrib.auth`, which is installed before the portal's apps, so it runs first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def sync_group_permissions(
    app_label: str, table: Mapping[str, Iterable[str]], *, using: str = "default"
) -> None:
    from django.contrib.auth.models import Group, Permission

    own = Permission.objects.using(using).filter(content_type__app_label=app_label)
    for name, codenames in table.items():
        wanted = set(codenames)
        # A codename not found (a model a backwards `migrate` removed) is granted once it
        # exists again; tests/common/test_roles.py checks every declared one exists.
        found = list(own.filter(codename__in=wanted))
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.remove(*own.exclude(codename__in=wanted))
        group.permissions.add(*found)


def sync_after_migrate(app_config: AppConfig, table: Mapping[str, Iterable[str]]) -> None:
    def sync(sender, using="default", **kwargs) -> None:
        sync_group_permissions(app_config.label, table, using=using)

    post_migrate.connect(
        sync, sender=app_config, weak=False, dispatch_uid=f"{app_config.label}-group-permissions"
    )
