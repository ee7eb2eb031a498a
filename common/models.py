"""The search's own tables (common.search): the glossary that widens a query across the
two languages, and the words of searches that found nothing (never who searched)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class GlossaryEntry(models.Model):
    """Words and phrases that mean the same in the field, in Danish and English. A search
    for any of them also finds what is written with the others."""

    words = models.TextField(
        _("words"),
        max_length=1000,
        help_text=_(
            "Words or phrases that mean the same, separated by commas, in both languages, "
            "e.g. “ældre, older people, seniors”."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("glossary entry")
        verbose_name_plural = _("glossary")
        ordering = ["words"]

    def __str__(self) -> str:
        return self.words

    @property
    def phrases(self) -> list[str]:
        return phrases(self.words)


def phrases(words: str) -> list[str]:
    """The comma-separated phrases of a glossary entry, lower case, without repeats."""
    found: list[str] = []
    for part in words.split(","):
        phrase = " ".join(part.lower().split())
        if phrase and phrase not in found:
            found.append(phrase)
    return found


class UnansweredSearch(models.Model):
    """What visitors searched for and found nothing, and how often: words only."""

    words = models.CharField(_("words"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("times"), default=1)
    first_seen = models.DateTimeField(_("first searched"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        ordering = ["-count", "words"]

    def __str__(self) -> str:
        return self.words
