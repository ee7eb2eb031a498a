"""Demo content for the ecosystem: believable Danish actors, partners abroad, connections,
memberships, and generated actors for `make bench`.

Why it is built this way:
- Deterministic: the curated set draws from one `random.Random(2026)` stream, and generated
  actor number i from its own `Random("2026-i")`, so actor i is the same whether 400 or
  10,000 are asked for, and a run can be resumed.
- Idempotent: actors are looked up by slug (and generated ones are only added until the
  asked-for total is reached), memberships and connections by their natural keys, so a
  second run adds nothing.
- Fast: rows are written with bulk_create in batches, many-to-many links as bulk rows of
  the through models, so 10,000 actors take seconds.
"""

from ecosystem.demo.build import seed_ecosystem
from ecosystem.demo.curated import EXTRA_MEMBERS, STORY_CONNECTIONS, curated_specs
from ecosystem.demo.places import POSTCODES
from ecosystem.demo.rows import Reference, generated_row, valid_cvr

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
