"""The about page's first sentence (also its meta description) lacked "af", and its body
called EU cases "sager". Only text the staff have not edited since is corrected."""

from django.db import migrations

OLD_SUMMARY = (
    "Socialinnovation.dk drives Danmarks nationale kompetencecenter for social "
    "innovation. EU har udpeget centret under Den Europæiske Socialfond Plus (ESF+)."
)
NEW_SUMMARY = (
    "Socialinnovation.dk drives af Danmarks nationale kompetencecenter for social "
    "innovation, som EU har udpeget under Den Europæiske Socialfond Plus (ESF+)."
)
REPLACEMENTS = [
    ("validerer sager", "validerer EU-cases"),
    ("vidensbiblioteket", "videnbiblioteket"),
]


def fix(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for page in Page.objects.filter(key="about"):
        changed = []
        if page.summary_da == OLD_SUMMARY:
            page.summary_da = page.summary = NEW_SUMMARY
            changed += ["summary_da", "summary"]
        body = page.body_da or ""
        for old, new in REPLACEMENTS:
            body = body.replace(old, new)
        if body != (page.body_da or ""):
            page.body_da = page.body = body
            changed += ["body_da", "body"]
        if changed:
            # The edit time stays the staff's: "Senest opdateret" means their last edit.
            page.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_contact_message_form_token")]

    operations = [migrations.RunPython(fix, migrations.RunPython.noop)]
