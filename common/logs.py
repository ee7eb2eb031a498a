"""One shape for every app's history: who took which step, from which state to which,
with what note and which changed fields, when.

pretix keeps one `LogEntry` for every object; the portal keeps one table per app (so each
app's history is a foreign key away and a person's data export reads one table per app),
but every table has this one shape. An app's log model keeps only its foreign key and its
`Action` choices:

    class CaseLogEntry(LogEntry):
        class Action(models.TextChoices): ...
        SUBJECT = "case"
        case = models.ForeignKey(CaseApplication, ..., related_name="log_entries")
        action = action_field(Action)
        from_status, to_status = status_fields(Status)

        class Meta(LogEntry.Meta):
            verbose_name = _("case log entry")

A new action is a new choice, never a new column; `common.workflow` writes the row of
every transition.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 2000
ACTION_MAX_LENGTH = 32
STATE_MAX_LENGTH = 20


def action_field(choices: type[models.TextChoices] | None = None) -> models.CharField:
    """The `action` column, with the app's choices (what the admin and exports show)."""
    return models.CharField(
        _("action"),
        max_length=ACTION_MAX_LENGTH,
        choices=choices.choices if choices is not None else None,
    )


def status_fields(
    choices: type[models.TextChoices] | None = None,
) -> tuple[models.CharField, models.CharField]:
    """The `from_status` and `to_status` columns, labelled by the subject's states:
    `from_status, to_status = status_fields(Status)`."""
    return tuple(
        models.CharField(
            label,
            max_length=STATE_MAX_LENGTH,
            blank=True,
            choices=choices.choices if choices is not None else None,
        )
        for label in (_("from"), _("to"))
    )


class LogEntry(models.Model):
    """The abstract history row. `from_status`/`to_status` are empty for steps that change
    no state (an edit, an invitation); `changes` holds changed fields as
    {field: [old, new]}; `note` is what the person wrote (a reason, a message)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = action_field()
    from_status, to_status = status_fields()
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTE_MAX_LENGTH)],
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Named per app and model (`validation_caselogentry_note_max_length`).
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), NOTE_MAX_LENGTH),
                name="%(app_label)s_%(class)s_note_max_length",
            ),
        ]

    # The name of the app's foreign key to what this is the history of, e.g. "case".
    SUBJECT = ""

    def __str__(self) -> str:
        return f"{getattr(self, self.SUBJECT)}: {self.get_action_display()}"
