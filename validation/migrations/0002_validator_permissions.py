"""The validators group may work on case applications in the admin: see and change them
(state changes go through the workflow), score reviews, read the log and the
expressions of interest."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VALIDATORS = "validators"
PERMISSIONS = [
    "view_caseapplication",
    "change_caseapplication",
    "view_caselogentry",
    "view_casereview",
    "add_casereview",
    "change_casereview",
    "view_interestmessage",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    app_config = apps.get_app_config("validation")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=VALIDATORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="validation", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=VALIDATORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="validation", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("validation", "0001_cases"),
        ("ecosystem", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
