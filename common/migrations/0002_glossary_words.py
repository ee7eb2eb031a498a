"""The glossary the portal ships with: the field's everyday words in Danish and English.
Staff extend it in the admin (Search › Glossary); a new entry works on the next search.
The editors' permissions on it are declared in common/permissions.py."""

from django.db import migrations

ENTRIES = [
    "beskæftigelse, employment, job, jobs, arbejdsmarked, labour market",
    "ledige, ledig, arbejdsløse, arbejdsløshed, unemployed, unemployment, jobsøgende",
    "ældre, older people, seniors, senior, elderly, pensionister",
    "flygtninge, flygtning, refugees, refugee, asylum, asyl",
    "migranter, indvandrere, migrants, immigrants, nydanskere",
    "integration, inklusion, inclusion, integrering",
    "frivillig, frivillige, volunteer, volunteers, volunteering, frivillighed",
    "finansiering, funding, financing, støtte, tilskud, pulje, puljer, grant, grants, fund, "
    "bevilling",
    "socialøkonomisk virksomhed, socialøkonomiske virksomheder, social enterprise, "
    "social enterprises, socialøkonomi, social economy",
    "hjemløshed, hjemløse, hjemløs, homeless, homelessness, rough sleepers",
    "handicap, handicappede, funktionsnedsættelse, disability, disabilities, disabled",
    "fattigdom, fattige, poverty, poor, social udsathed, deprivation, afsavn",
    "uddannelse, uddannelser, education, training, skole, school, læring, learning",
    "familier, familie, families, family, forældre, parents",
    "misbrug, afhængighed, addiction, substance abuse, alkohol, alcohol, stoffer, drugs",
    "børn, unge, children, young people, youth",
    "psykisk sygdom, mental sundhed, mental illness, mental health, psykiatri",
    "ensomhed, loneliness, lonely, isolation",
    "kommune, kommuner, municipality, municipalities",
    "fond, fonde, foundation, foundations",
    "partnerskab, partnerskaber, partnership, partnerships, samarbejde, cooperation",
    "evaluering, effektmåling, evaluation, impact measurement",
    "forskning, research",
    "sundhed, health, trivsel, well-being, wellbeing",
    "bolig, boliger, housing",
    "digitalisering, digital, technology, teknologi",
]



def add(apps, schema_editor):
    GlossaryEntry = apps.get_model("common", "GlossaryEntry")
    GlossaryEntry.objects.bulk_create(GlossaryEntry(words=words) for words in ENTRIES)



def remove(apps, schema_editor):
    apps.get_model("common", "GlossaryEntry").objects.filter(words__in=ENTRIES).delete()


class Migration(migrations.Migration):
    dependencies = [("common", "0001_glossary_and_unanswered"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(add, remove)]
