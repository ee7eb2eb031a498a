"""Reference data: the 5 regions, 98 municipalities, 13 ESF+ themes, target groups, 17 SDGs.

The data lives in ecosystem/referencedata/*.json (names in Danish and English); this
migration loads it with update_or_create, so it is safe to run against a database that
already has some of it.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "referencedata"


def load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def names(row):
    return {"name": row["name_da"], "name_da": row["name_da"], "name_en": row["name_en"]}


def forwards(apps, schema_editor):
    Region = apps.get_model("ecosystem", "Region")
    Municipality = apps.get_model("ecosystem", "Municipality")
    Theme = apps.get_model("ecosystem", "Theme")
    TargetGroup = apps.get_model("ecosystem", "TargetGroup")
    SDG = apps.get_model("ecosystem", "SDG")

    regions = {}
    for row in load("regions.json"):
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"],
            defaults={
                "slug": row["slug"],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                **names(row),
            },
        )
    for row in load("municipalities.json"):
        Municipality.objects.update_or_create(
            code=row["code"],
            defaults={
                "slug": row["slug"],
                "region": regions[row["region"]],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                **names(row),
            },
        )
    for model, filename in [(Theme, "themes.json"), (TargetGroup, "target_groups.json")]:
        for row in load(filename):
            model.objects.update_or_create(
                slug=row["slug"], defaults={"position": row["position"], **names(row)}
            )
    for row in load("sdgs.json"):
        SDG.objects.update_or_create(
            number=row["number"], defaults={"slug": row["slug"], **names(row)}
        )


def backwards(apps, schema_editor):
    for model in ["Municipality", "Region", "Theme", "TargetGroup", "SDG"]:
        apps.get_model("ecosystem", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0003_actors")]

    operations = [migrations.RunPython(forwards, backwards)]
