"""Why a candidate is suggested, in words, in the visitor's language: one phrase per part
of the score that counted (matching.scoring), from the ids the ranked query returned and
the taxonomy names (one query for all of them)."""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries as all_countries

from ecosystem.facets import taxonomy_labels
from ecosystem.models import Actor
from matching.scoring import ACTOR, Candidate

KINDS = dict(Actor.Kind.choices)
ROLES = dict(Actor.Role.choices)


def country_names(codes: list[str]) -> str:
    return ", ".join(str(all_countries.name(code)) or code for code in codes)


def _names(ids: list[int], labels: dict[str, str]) -> str:
    """Names in quotes (a theme's own name may hold a comma), in the taxonomy's order (the
    order of `labels`)."""
    wanted = {str(pk) for pk in ids}
    return ", ".join(
        _("“%(name)s”") % {"name": name} for pk, name in labels.items() if pk in wanted
    )


def _lower(text: str) -> str:
    """A role's label inside a sentence: "Policy maker" → "policy maker"."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def explain(candidate: Candidate, labels: dict[str, dict[str, str]]) -> list[str]:
    """The phrases, in the order of the score's table, each a line of its own."""
    reasons = []
    if candidate.themes:
        reasons.append(
            ngettext(
                "shares %(count)d theme: %(names)s",
                "shares %(count)d themes: %(names)s",
                len(candidate.themes),
            )
            % {"count": len(candidate.themes), "names": _names(candidate.themes, labels["theme"])}
        )
    if candidate.target_groups:
        count = len(candidate.target_groups)
        reasons.append(
            ngettext(
                "works with the same target group: %(names)s",
                "works with the same %(count)d target groups: %(names)s",
                count,
            )
            % {"count": count, "names": _names(candidate.target_groups, labels["target_group"])}
        )
    if candidate.sdgs:
        wanted = {str(pk) for pk in candidate.sdgs}
        numbers = ", ".join(number for pk, number in labels["sdg"].items() if pk in wanted)
        reasons.append(
            ngettext("shares SDG %(numbers)s", "shares SDGs %(numbers)s", len(candidate.sdgs))
            % {"numbers": numbers}
        )
    if candidate.open:
        reasons.append(
            _("open to partnerships") if candidate.type == ACTOR else _("seeks partners")
        )
    if candidate.complementary_role:
        role = str(ROLES.get(candidate.role, candidate.role))
        reasons.append(_("complementary role: %(role)s") % {"role": _lower(role)})
    if candidate.sought_countries:
        reasons.append(
            _("in %(countries)s, as sought")
            % {"countries": country_names(candidate.sought_countries)}
        )
    if candidate.sought_kind:
        kind = str(KINDS.get(candidate.kind, candidate.kind))
        reasons.append(_("%(kind)s, as sought") % {"kind": capfirst(kind)})
    return [capfirst(reason) for reason in reasons]


def label_maps(language: str) -> dict[str, dict[str, str]]:
    """Theme and target-group names by id, SDG numbers by id, in display order: one
    query."""
    labels = taxonomy_labels(language)
    return {
        "theme": {label.id: label.label for label in labels["theme"]},
        "target_group": {label.id: label.label for label in labels["target_group"]},
        "sdg": {label.id: label.key for label in labels["sdg"]},
    }


def explain_all(candidates: list[Candidate], language: str) -> list[Candidate]:
    if not candidates:
        return candidates
    labels = label_maps("en" if language.startswith("en") else "da")
    for candidate in candidates:
        candidate.reasons = explain(candidate, labels)
    return candidates
