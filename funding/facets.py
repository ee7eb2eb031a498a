"""The funding list's facets and the funding generation.

The generation is renewed by every change to what the public funding pages show: the
calls, their deadlines and their links to themes, target groups, regions and financing
models. A funder's name comes from the directory, a financing model from the library:
those pages are also cached under the ecosystem's and the library's generations.
"""

from __future__ import annotations

from common.facets import FacetCounter
from common.generations import Generation
from funding.models import Deadline, FundingOpportunity

GENERATION = Generation("funding")

OPPORTUNITY_COUNTER = FacetCounter(
    model=FundingOpportunity,
    generation=GENERATION,
    columns={"kind": "kind", "scope": "scope"},
    relations={"theme": "themes", "target_group": "target_groups"},
    arrays={"eligible": "eligible_kinds"},
)


def watch_changes() -> None:
    """Connect the signals that renew the generation (called from the app's ready())."""
    GENERATION.watch(
        FundingOpportunity, relations=("themes", "target_groups", "regions", "financing_models")
    )
    GENERATION.watch(Deadline)
