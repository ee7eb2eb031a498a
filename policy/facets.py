"""The event list's and the recommendation list's facets, and the policy generation.

The generation is renewed by every change to what the public event pages show: events,
their agenda, speakers and registrations (seats left), outcomes and recommendations. An
event also shows on its organisers' actor pages, which are cached under the ecosystem's
generation: a change to an event renews that one too.
"""

from __future__ import annotations

from common.facets import FacetCounter
from common.generations import Generation
from ecosystem.facets import GENERATION as ECOSYSTEM_GENERATION
from policy.models import (
    AgendaItem,
    Event,
    Outcome,
    OutcomeResource,
    Recommendation,
    Registration,
    Speaker,
)

GENERATION = Generation("policy")

EVENT_COUNTER = FacetCounter(
    model=Event,
    generation=GENERATION,
    columns={"kind": "kind", "audience": "audience", "region": "region_id", "mode": "mode"},
    relations={"theme": "themes"},
)

RECOMMENDATION_COUNTER = FacetCounter(
    model=Recommendation,
    generation=GENERATION,
    columns={"level": "level", "status": "status"},
)


def watch_changes() -> None:
    """Connect the signals that renew the generations (called from the app's ready())."""
    # A draft's edit shows on no public page: it renews nothing.
    GENERATION.watch(Event, relations=("themes", "organisers", "co_hosts"), public="public")
    GENERATION.watch(Outcome, relations=("actors",))
    for model in (AgendaItem, Speaker, Registration, OutcomeResource, Recommendation):
        GENERATION.watch(model)
    ECOSYSTEM_GENERATION.watch(Event, relations=("organisers", "co_hosts"))
