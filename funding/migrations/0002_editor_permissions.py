"""The editors group runs funding calls in the admin; the alerts are theirs to read only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "editors"
PERMISSIONS = [
    *[
        f"{action}_{model}"
        for model in ("fundingopportunity", "deadline")
        for action in ("view", "add", "change", "delete")
    ],
    "view_fundingalert",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("funding")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="funding", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="funding", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0001_funding"),
        ("ecosystem", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
