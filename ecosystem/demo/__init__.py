"""Demo content for the ecosystem (see build.py)."""

from ecosystem.demo.build import (
    EXTRA_MEMBERS,
    POSTCODES,
    STORY_CONNECTIONS,
    Reference,
    curated_specs,
    generated_row,
    seed_ecosystem,
    valid_cvr,
)

# What seed_demo and its tests use, so they can keep `from ecosystem import demo`.
__all__ = [
    "EXTRA_MEMBERS",
    "POSTCODES",
    "STORY_CONNECTIONS",
    "Reference",
    "curated_specs",
    "generated_row",
    "seed_ecosystem",
    "valid_cvr",
]
