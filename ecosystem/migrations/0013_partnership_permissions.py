"""Moderators and editors mark actors as partners of the centre in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["moderators", "editors"]
PERMISSIONS = [
    "view_partnership",
    "add_partnership",
    "change_partnership",
    "delete_partnership",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("ecosystem")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label="ecosystem", codename__in=PERMISSIONS)
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*found)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label="ecosystem", codename__in=PERMISSIONS)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*found)


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0012_partnership")]

    operations = [migrations.RunPython(grant, revoke)]
