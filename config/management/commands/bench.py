"""Request each registered page many times in-process and report server-side timings.

Each app may register pages in `<app>/bench.py` as `pages() -> [(name, url), ...]`. The
command runs against whatever database is configured (`make bench` points it at
`portal_bench`, seeded with scale data), so numbers are comparable between runs.
"""

import importlib
import json
import statistics
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext


def registered_pages() -> list[tuple[str, str]]:
    found = []
    for app in apps.get_app_configs():
        if not app.name.startswith(("config", "ecosystem", "resources", "validation", "policy")):
            continue
        try:
            module = importlib.import_module(f"{app.name}.bench")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app.name}.bench":
                raise
            continue
        found.extend(module.pages())
    return found


class Command(BaseCommand):
    help = "Benchmark the registered pages: median and p95 ms, queries and bytes per page."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per page.")
        parser.add_argument("--output", default="var/bench.json", help="Where to write JSON.")

    def handle(self, *args, repeat: int, output: str, **options):
        # Plain static storage: the manifest of collectstatic is not needed to time views.
        storages = {**settings.STORAGES}
        storages["staticfiles"] = {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
        with override_settings(STORAGES=storages, ALLOWED_HOSTS=["testserver"], DEBUG=False):
            rows = [self.measure(name, url, repeat) for name, url in registered_pages()]
        self.print_table(rows)
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"repeat": repeat, "pages": rows}, indent=2))
        self.stdout.write(f"Written to {path}")

    def measure(self, name: str, url: str, repeat: int) -> dict:
        client = Client()
        warm = client.get(url, secure=True)  # warm caches and check the page works at all
        if warm.status_code != 200:
            raise CommandError(f"{name}: {url} answered {warm.status_code}")
        timings = []
        queries = 0
        size = 0
        for _ in range(repeat):
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url, secure=True)
                body = b"".join(response) if response.streaming else response.content
                timings.append((time.perf_counter() - start) * 1000)
            queries = len(captured)
            size = len(body)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
        return {
            "page": name,
            "url": url,
            "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(p95, 2),
            "queries": queries,
            "bytes": size,
        }

    def print_table(self, rows: list[dict]) -> None:
        header = f"{'page':40} {'median ms':>10} {'p95 ms':>10} {'queries':>8} {'bytes':>10}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            self.stdout.write(
                f"{row['page'][:40]:40} {row['median_ms']:>10.2f} {row['p95_ms']:>10.2f} "
                f"{row['queries']:>8} {row['bytes']:>10}"
            )
