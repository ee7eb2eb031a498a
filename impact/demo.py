"""Demo history for the impact figures, for seed_demo: two years of download counts for
the library's files (nothing else in the demo downloads), so the charts show a trend.

Idempotent: nothing is added when download counts exist. Bulk inserts: quick at the bench
sizes too (at most 300 files, about 9,000 rows)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from resources.facets import GENERATION
from resources.models import DownloadCount, ResourceFile

SEED = 2027
DAYS = 730
FILES = 300


def seed_history() -> str:
    if DownloadCount.objects.exists():
        return "Download history: already there."
    rng = random.Random(SEED)
    today = timezone.localdate()
    files = ResourceFile.objects.filter(resource__status="published").order_by("pk")
    rows = []
    for file_id in files.values_list("pk", flat=True)[:FILES]:
        # Each file is found a little more often as time goes on.
        days = {rng.randint(0, DAYS) for _n in range(rng.randint(10, 40))}
        rows += [
            DownloadCount(
                resource_file_id=file_id,
                day=today - timedelta(days=ago),
                count=rng.randint(1, 3) + (DAYS - ago) // 150,
            )
            for ago in days
        ]
    DownloadCount.objects.bulk_create(rows, batch_size=5000)
    GENERATION.renew()  # bulk inserts send no signals
    return f"Download history: {len(rows)} days of downloads added."
