"""The case gallery's facets and the generation of everything public about cases.

What the gallery counts is declared here; the counting (one query, cached under the
generation) is common.facets. Every change to an application, its taxonomies or its
lead organisation renews the generation, so the page cache and the counts never go stale
after a validation, a publication or a withdrawal.
"""

from __future__ import annotations

from common.facets import FacetCounter
from common.generations import Generation
from ecosystem.facets import GENERATION as ECOSYSTEM_GENERATION
from ecosystem.models import Actor
from validation.models import CaseApplication

GENERATION = Generation("validation")

COUNTER = FacetCounter(
    model=CaseApplication,
    generation=GENERATION,
    columns={"stage": "stage", "seeks_partners": "seeks_partners"},
    relations={"theme": "themes", "target_group": "target_groups"},
    arrays={"country": "countries"},
)


def watch_changes() -> None:
    """Connect the signals that renew the generation (called from the app's ready())."""
    GENERATION.watch(CaseApplication, relations=("themes", "target_groups", "sdgs", "partners"))
    # A case page shows its lead organisation's and partners' names.
    GENERATION.watch(Actor)
    # An actor page lists its validated cases (through the reverse relation), so a
    # case's change renews the ecosystem's pages too.
    ECOSYSTEM_GENERATION.watch(CaseApplication)
