"""Measure every registered page in-process and under load, beside /healthz.

Each app registers pages in `<app>/bench.py` as `pages() -> [(name, url), ...]`. The
command runs against whatever database is configured (`make bench` points it at
`portal_bench`, seeded with scale data), so numbers are comparable between runs.

In-process (Django's test client, no network):
- "cached ms": an anonymous request answered by the page cache (median of --repeat);
- "fresh ms": the first request after a change (every generation renewed first, so the
  page and its facet counts are computed afresh): the budget that matters for editors;
- the queries and bytes of that fresh request.

Under load (--load, the default in `make bench`): gunicorn serves the same database the
way `make serve` does (DEBUG off, 2 workers) and wrk loads each page on loopback for
--seconds, asking for gzip as browsers do, alternating with /healthz, so every page is
compared with the cheapest request through the whole stack in the same minute. The ratio
is page ÷ the mean of the /healthz runs before and after it.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from common.generations import every_generation

BENCH_MEMBER = "bench-member@example.dk"
BENCH_STAFF = "bench-staff@example.dk"
STAFF = "staff"  # a page's third element: measured as staff with a second factor


def registered_pages() -> list[tuple[str, str]]:
    """Every page of every one of the portal's own apps (those in its directory)."""
    found = []
    for app in apps.get_app_configs():
        if Path(app.path).parent != Path(settings.BASE_DIR):
            continue
        try:
            module = importlib.import_module(f"{app.name}.bench")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app.name}.bench":
                raise
            continue
        found.extend(module.pages())
    return found


def renew_all_generations() -> None:
    """As after a change to every app's data: nothing cached is valid any more."""
    cache.delete_many([generation.key for generation in every_generation()])


class Command(BaseCommand):
    help = "Benchmark the registered pages in-process and under load (requests/s vs /healthz)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per page.")
        parser.add_argument("--output", default="var/bench.json", help="Where to write JSON.")
        parser.add_argument("--load", action="store_true", help="Also run the load table.")
        parser.add_argument("--seconds", type=float, default=4.0, help="wrk time per run.")
        parser.add_argument("--connections", type=int, default=8, help="wrk connections.")
        parser.add_argument("--port", type=int, default=0, help="gunicorn port (0: a free one).")

    def handle(self, *args, repeat: int, output: str, load: bool, **options):
        # Plain static storage: the manifest of collectstatic is not needed to time views.
        storages = {**settings.STORAGES}
        storages["staticfiles"] = {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
        pages = registered_pages()
        with override_settings(
            STORAGES=storages, ALLOWED_HOSTS=["testserver"], DEBUG=False, PAGE_CACHE=True
        ):
            rows = [self.measure(name, url, repeat, *extra) for name, url, *extra in pages]
        self.print_table(rows)
        result = {"repeat": repeat, "pages": rows}
        if load:
            result["load"] = self.load(pages, **options)
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=2))
        self.stdout.write(f"Written to {path}")

    # --- In-process -----------------------------------------------------------------------

    def measure(self, name: str, url: str, repeat: int, who: str = "") -> dict:
        client = Client()
        if who == STAFF:
            client.force_login(self.staff_user())
        warm = client.get(url, secure=True)  # warm caches and check the page works at all
        if warm.status_code != 200:
            raise CommandError(f"{name}: {url} answered {warm.status_code}")
        cached = [self.timed(client, url)[0] for _ in range(repeat)]
        fresh, queries, size = [], 0, 0
        for _ in range(max(5, repeat // 3)):
            renew_all_generations()
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                took, size = self.timed(client, url)
            fresh.append(took)
            queries = len(captured)
        return {
            "page": name,
            "url": url,
            "cached_median_ms": round(statistics.median(cached), 2),
            "fresh_median_ms": round(statistics.median(fresh), 2),
            "fresh_p95_ms": round(_p95(fresh), 2),
            "queries": queries,
            "bytes": size,
        }

    @staticmethod
    def timed(client: Client, url: str) -> tuple[float, int]:
        start = time.perf_counter()
        response = client.get(url, secure=True)
        body = b"".join(response) if response.streaming else response.content
        return (time.perf_counter() - start) * 1000, len(body)

    def print_table(self, rows: list[dict]) -> None:
        header = (
            f"{'page':40} {'cached ms':>10} {'fresh ms':>9} {'fresh p95':>10} "
            f"{'queries':>8} {'bytes':>10}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            self.stdout.write(
                f"{row['page'][:40]:40} {row['cached_median_ms']:>10.2f} "
                f"{row['fresh_median_ms']:>9.2f} {row['fresh_p95_ms']:>10.2f} "
                f"{row['queries']:>8} {row['bytes']:>10}"
            )

    # --- Under load -------------------------------------------------------------------------

    def load(self, pages, *, seconds: float, connections: int, port: int, **_options) -> list:
        wrk = shutil.which("wrk")
        if wrk is None:
            raise CommandError("wrk is missing: `apt-get install wrk` (make bench does it).")
        port = port or _free_port()
        cookie = self.member_cookie()
        staff = self.session_cookie(self.staff_user())
        runs = [
            (name, url, staff) if extra == [STAFF] else (name, url) for name, url, *extra in pages
        ]
        runs.append(("directory, logged-in member", "/aktoerer/", cookie))
        server = self.start_server(port)
        rows = []
        try:
            base = f"http://127.0.0.1:{port}"
            for _name, url, *extra in [("healthz", "/healthz"), *runs]:  # warm every cache
                _wrk(wrk, base + url, 1, 1, extra[0] if extra else None)
            before = _wrk(wrk, base + "/healthz", seconds, connections, None)
            for name, url, *extra in runs:
                page = _wrk(wrk, base + url, seconds, connections, extra[0] if extra else None)
                after = _wrk(wrk, base + "/healthz", seconds, connections, None)
                healthz = (before["rps"] + after["rps"]) / 2
                rows.append(
                    {
                        "page": name,
                        "url": url,
                        "rps": round(page["rps"], 1),
                        "healthz_rps": round(healthz, 1),
                        "ratio": round(page["rps"] / healthz, 2) if healthz else 0,
                        "errors": page["errors"],
                    }
                )
                before = after
        finally:
            server.terminate()
            server.wait(timeout=20)
        self.print_load(rows, seconds, connections)
        return rows

    def member_cookie(self) -> str:
        """A session of a member of a published actor, as a browser would send it."""
        from ecosystem.models import Actor, Membership, User

        user, _created = User.objects.get_or_create(
            email=BENCH_MEMBER, defaults={"full_name": "Bench Member"}
        )
        actor = Actor.objects.published().order_by("pk").first()
        if actor is not None:
            Membership.objects.get_or_create(actor=actor, user=user)
        return self.session_cookie(user)

    @staticmethod
    def staff_user():
        """A superuser with a second factor, as the admin requires with DEBUG off."""
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        from ecosystem.models import User

        user, _created = User.objects.get_or_create(
            email=BENCH_STAFF,
            defaults={"full_name": "Bench Staff", "is_staff": True, "is_superuser": True},
        )
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())
        return user

    @staticmethod
    def session_cookie(user) -> str:
        client = Client()
        client.force_login(user)
        return (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )

    def start_server(self, port: int) -> subprocess.Popen:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [str(gunicorn), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return server
            except OSError:
                if server.poll() is not None:
                    raise CommandError("gunicorn did not start") from None
                time.sleep(0.3)
        server.terminate()
        raise CommandError("gunicorn did not answer within 60 s")

    def print_load(self, rows: list[dict], seconds: float, connections: int) -> None:
        self.stdout.write("")
        self.stdout.write(
            f"Under load: gunicorn, 2 workers; wrk {connections} connections, {seconds:g} s "
            "per run, each page between two /healthz runs"
        )
        header = f"{'page':40} {'req/s':>9} {'/healthz':>9} {'ratio':>7} {'errors':>7}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            self.stdout.write(
                f"{row['page'][:40]:40} {row['rps']:>9.1f} {row['healthz_rps']:>9.1f} "
                f"{row['ratio']:>7.2f} {row['errors']:>7}"
            )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wrk(wrk: str, url: str, seconds: float, connections: int, cookie: str | None) -> dict:
    """Requests per second and non-2xx answers of one bounded wrk run."""
    # Like a browser, wrk asks for gzip: public pages and open data are sent compressed.
    command = [wrk, "-t", "1", "-c", str(connections), "-d", f"{seconds:g}s", "--latency"]
    command += ["-H", "Accept-Encoding: gzip, deflate, br"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 30, check=True
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "errors": int(errors.group(1)) if errors else 0,
    }
