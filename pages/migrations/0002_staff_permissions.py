"""Editors edit the pages and publish news; every staff group reads and answers the
contact messages routed to it (the admin shows each group its own topics)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "editors": [
        "view_page", "change_page",
        "view_newsarticle", "add_newsarticle", "change_newsarticle", "delete_newsarticle",
        "view_contactmessage", "change_contactmessage",
    ],
    "moderators": ["view_contactmessage", "change_contactmessage"],
    "validators": ["view_contactmessage", "change_contactmessage"],
    "event managers": ["view_contactmessage", "change_contactmessage"],
}  # fmt: skip


def grant(apps, schema_editor):
    app_config = apps.get_app_config("pages")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="pages", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="pages").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("ecosystem", "0005_moderator_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
