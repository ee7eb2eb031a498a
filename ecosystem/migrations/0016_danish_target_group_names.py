"""Two target groups in the portal's Danish terms (shared/DANISH.md): "mennesker i
hjemløshed" and "social udstødelse". A name the staff have changed since is left alone."""

from django.db import migrations

NAMES = {
    "homeless-people": ("Hjemløse", "Mennesker i hjemløshed"),
    "poverty-and-social-exclusion": (
        "Mennesker i fattigdom eller social eksklusion",
        "Mennesker i fattigdom eller social udstødelse",
    ),
}


def rename(apps, schema_editor, forward=True):
    TargetGroup = apps.get_model("ecosystem", "TargetGroup")
    for slug, (old, new) in NAMES.items():
        before, after = (old, new) if forward else (new, old)
        TargetGroup.objects.filter(slug=slug, name_da=before).update(name_da=after, name=after)


def back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0015_actor_name_unique_per_place")]

    operations = [migrations.RunPython(rename, back)]
