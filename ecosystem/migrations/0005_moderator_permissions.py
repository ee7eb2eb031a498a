"""The moderators group may work on actors in the admin: see and change actors (status
changes go through the workflow actions), manage memberships and connections, read the
log and the reference data."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "moderators"
PERMISSIONS = [
    "view_actor",
    "change_actor",
    "view_membership",
    "add_membership",
    "change_membership",
    "delete_membership",
    "view_connection",
    "add_connection",
    "change_connection",
    "delete_connection",
    "view_actorlogentry",
    "view_joinrequest",
    "view_invitation",
    "view_region",
    "view_municipality",
    "view_theme",
    "view_targetgroup",
    "view_sdg",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    app_config = apps.get_app_config("ecosystem")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="ecosystem", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="ecosystem", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0004_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
