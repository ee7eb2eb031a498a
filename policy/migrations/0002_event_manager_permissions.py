"""The event managers group may run events in the admin: events with their agenda and
speakers, registrations (status changes go through the workflow actions), outcomes with
recommendations and resources, and read the log."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EVENT_MANAGERS = "event managers"
PERMISSIONS = [
    *[
        f"{verb}_{model}"
        for model in ("event", "agendaitem", "speaker", "outcome", "recommendation", "outcomeresource")
        for verb in ("view", "add", "change", "delete")
    ],
    "view_registration",
    "change_registration",
    "view_eventlogentry",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("policy")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=EVENT_MANAGERS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="policy", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EVENT_MANAGERS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="policy", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("policy", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
