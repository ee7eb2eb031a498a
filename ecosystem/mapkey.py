"""The map's markers and their key: actor types in seven groups, each with its colour, shape
and letter, so a marker is told apart by more than its colour (WCAG 1.4.1).

The key is real HTML on the page (templates/ecosystem/_map_key.html); static/js/map.js
reads each group's types and letter from it, so the markers and the key cannot disagree.
The colours and shapes are CSS classes (`actor-marker--<group>`, static/css/portal.css):
white letters on each colour pass 4.5:1, and each colour stands 3:1 against the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ecosystem.models import Actor

Kind = Actor.Kind


@dataclass(frozen=True)
class MarkerGroup:
    key: str
    label: Promise
    letter: Promise
    kinds: tuple[str, ...]

    @property
    def kind_codes(self) -> str:
        return " ".join(self.kinds)

    @property
    def kind_labels(self) -> str:
        labels = dict(Kind.choices)
        return ", ".join(str(labels[kind]) for kind in self.kinds)


MARKER_GROUPS: tuple[MarkerGroup, ...] = (
    MarkerGroup(
        "public",
        _("Public sector"),
        pgettext_lazy("map marker letter for the public sector", "P"),
        (Kind.MUNICIPALITY, Kind.REGION, Kind.STATE_AGENCY),
    ),
    MarkerGroup(
        "funding",
        _("Foundations and investors"),
        pgettext_lazy("map marker letter for foundations and investors", "F"),
        (Kind.FOUNDATION, Kind.SOCIAL_INVESTOR),
    ),
    MarkerGroup(
        "social-economy",
        _("Social enterprises"),
        pgettext_lazy("map marker letter for social enterprises", "S"),
        (Kind.SOCIAL_ENTERPRISE, Kind.RSV),
    ),
    MarkerGroup(
        "civil-society",
        _("Civil society and networks"),
        pgettext_lazy("map marker letter for civil society and networks", "C"),
        (Kind.NGO, Kind.NETWORK),
    ),
    MarkerGroup(
        "knowledge",
        _("Research and knowledge"),
        pgettext_lazy("map marker letter for research and knowledge", "R"),
        (Kind.UNIVERSITY, Kind.KNOWLEDGE_CENTRE),
    ),
    MarkerGroup(
        "business",
        _("Businesses"),
        pgettext_lazy("map marker letter for businesses", "B"),
        (Kind.BUSINESS,),
    ),
    MarkerGroup(
        "other",
        _("Other actors"),
        pgettext_lazy("map marker letter for other actors", "O"),
        (Kind.OTHER,),
    ),
)
