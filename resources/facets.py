"""The library's facets and the generation its public pages are cached under.

The generation is renewed by every change that shows on a public library page: resources
and their taxonomies, files, collections and their items, and the actors named as
publishers. The ecosystem's generation is renewed by resource changes too, since the
actor page lists the actor's resources.
"""

from __future__ import annotations

from common.facets import FacetCounter
from common.generations import Generation
from ecosystem.facets import GENERATION as ECOSYSTEM_GENERATION
from ecosystem.models import Actor, TargetGroup, Theme
from resources.models import Collection, CollectionItem, Resource, ResourceFile

GENERATION = Generation("resources")

COUNTER = FacetCounter(
    model=Resource,
    generation=GENERATION,
    columns={
        "kind": "kind",
        "language": "language",
        "audience": "audience",
        "access": "access",
        "year": "year",
    },
    relations={"theme": "themes", "target_group": "target_groups", "publisher": "publishers"},
)


def watch_changes() -> None:
    """Connect the signals that renew the generations (called from the app's ready())."""
    # A draft's edit shows on no public page: it renews nothing.
    GENERATION.watch(Resource, relations=[*COUNTER.relations.values(), "sdgs"], public="published")
    for model in (ResourceFile, Collection, CollectionItem, Actor, Theme, TargetGroup):
        GENERATION.watch(model)
    ECOSYSTEM_GENERATION.watch(Resource, relations=["publishers"])
