"""The facets of the "find a Danish partner" search: role, theme and target group of
Danish actors open to partnerships. The counting (one query, cached under the ecosystem's
generation, which every change to an actor renews) is common.facets."""

from __future__ import annotations

from common.facets import FacetCounter
from ecosystem.facets import GENERATION
from ecosystem.models import Actor

COUNTER = FacetCounter(
    model=Actor,
    generation=GENERATION,
    columns={"role": "role"},
    relations={"theme": "themes", "target_group": "target_groups"},
)
