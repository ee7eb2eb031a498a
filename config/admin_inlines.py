"""The admin's "Add another …" button in natural Danish: "Tilføj endnu et medlemskab",
"Tilføj endnu en frist". Django's one sentence for every model cannot know the Danish
gender of the model's name, so the inline's data says it here (config.apps patches it in)."""

import json

from django.contrib.admin import helpers
from django.utils.translation import pgettext

# Models whose Danish name is neuter ("et"); every other inline model's name is common
# gender ("en").
NEUTER = {
    "policy.agendaitem",  # programpunkt
    "policy.outcomeresource",  # materiale
    "ecosystem.membership",  # medlemskab
    "resources.collectionitem",  # element i samling
}

_original = helpers.InlineAdminFormSet.inline_formset_data


def inline_formset_data(self) -> str:
    data = json.loads(_original(self))
    meta = self.opts.model._meta
    name = str(self.opts.verbose_name or meta.verbose_name)
    if meta.label_lower in NEUTER:
        text = pgettext("admin button, the name is neuter", "Add another %(verbose_name)s")
    else:
        text = pgettext("admin button, the name is common gender", "Add another %(verbose_name)s")
    data["options"]["addText"] = text % {"verbose_name": name}
    return json.dumps(data)


def install() -> None:
    helpers.InlineAdminFormSet.inline_formset_data = inline_formset_data
