"""Measure every registered page in-process and under load, beside /healthz.

Each app registers pages in `<app>/bench.py` as `pages() -> [(name, url[, who]), ...]`.
`who` is empty for an anonymous visitor, "member" for a member of the organisation with
the most case applications, or a staff role ("moderator", "editor", "validator",
"event manager"): such pages are loaded by that person, logged in through the portal's
own log-in form, staff with their second factor (a TOTP code), so the session is the one
a browser would hold. The command runs against whatever database is configured
(`make bench` points it at the bench database, seeded with scale data).

In-process (Django's test client, no network):
- "warm ms"/"warm p95": a repeated request (for anonymous visitors a page-cache hit,
  for the logged-in the page with its shared fragments cached);
- "fresh ms"/"fresh p95": the first request after a change (every generation renewed
  first, so the page and its facet counts are computed afresh): the budget that matters
  for editors, and for staff screens, which no cache serves;
- the queries and bytes of that fresh request.

Requests that send mail (in-process too): the contact form, a guest's registration for an
event and a validator's decision on a case in the admin, each through its form as a browser
sends it (the form fetched, then posted with its own fields, so every post carries a fresh
form token), --repeat times; only the post is timed. Mail goes through the configured
email and task backends (`make bench`: the task queue, so no mail server is involved). The
human check's minimum time and the rate limits are off for these posts; what they store is
removed afterwards (the decided case gets its status back), so the data stays as seeded.

Under load (--load, the default in `make bench`): gunicorn serves the same database the
way `make serve` does (DEBUG off, 2 workers) and wrk loads each page on loopback for
--seconds, asking for gzip as browsers do. Every page runs between two /healthz runs,
--rounds times in one pass over the list (so a busy minute of the machine lands on
different pages each round): a round's ratio is the page's requests per second ÷ the mean
of the /healthz runs on either side; the table shows the median ratio and its spread.

Every run is appended to --output (`var/bench.json`: {"runs": [...]}, with the commit,
the machine's load and the data's size), and the figures are compared with the last run.
"""

from __future__ import annotations

import http.client
import importlib
import itertools
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html as lxml_html

from common.generations import every_generation

ANONYMOUS = ""
MEMBER = "member"
# Staff roles: the group each bench account is put in (ecosystem.staff's names).
STAFF_ROLES = {
    "moderator": "moderators",
    "editor": "editors",
    "validator": "validators",
    "event manager": "event managers",
}
BENCH_PASSWORD = "bench-only-password-not-secret"
GROUPS = [("anonymous", ANONYMOUS), ("logged in", MEMBER), ("staff", "staff")]


def registered_pages() -> list[tuple[str, str, str]]:
    """Every page of every one of the portal's own apps (those in its directory), as
    (name, url, who)."""
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
        for name, url, *who in module.pages():
            role = who[0] if who else ANONYMOUS
            if role not in (ANONYMOUS, MEMBER, *STAFF_ROLES):
                raise CommandError(f"{app.name}.bench: {name} names an unknown role {role!r}")
            found.append((name, url, role))
    return found


def group_of(who: str) -> str:
    return "staff" if who in STAFF_ROLES else who


def renew_all_generations() -> None:
    """As after a change to every app's data: nothing cached is valid any more."""
    cache.delete_many([generation.key for generation in every_generation()])


class Command(BaseCommand):
    help = "Benchmark the registered pages in-process and under load (requests/s vs /healthz)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per page.")
        parser.add_argument("--output", default="var/bench.json", help="The runs' history.")
        parser.add_argument("--load", action="store_true", help="Also run the load table.")
        parser.add_argument("--seconds", type=float, default=3.0, help="wrk time per run.")
        parser.add_argument("--rounds", type=int, default=3, help="Alternations per page.")
        parser.add_argument("--connections", type=int, default=8, help="wrk connections.")
        parser.add_argument("--port", type=int, default=0, help="gunicorn port (0: a free one).")
        parser.add_argument("--only", default="", help="Only pages whose name matches this.")

    def handle(self, *args, repeat: int, output: str, load: bool, only: str, **options):
        # Plain static storage: the manifest of collectstatic is not needed to time views.
        storages = {**settings.STORAGES}
        storages["staticfiles"] = {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
        pages = [page for page in registered_pages() if re.search(only, page[0])]
        started = datetime.now(UTC)
        with override_settings(
            STORAGES=storages, ALLOWED_HOSTS=["testserver"], DEBUG=False, PAGE_CACHE=True
        ):
            clients = {who: self.logged_in(who) for who in {page[2] for page in pages}}
            rows = [self.measure(name, url, who, clients[who], repeat) for name, url, who in pages]
            mail_rows = self.mail_requests(only, repeat, clients)
        self.print_table(rows)
        self.print_mail_table(mail_rows)
        run = {
            "at": started.isoformat(timespec="seconds"),
            "commit": _commit(),
            "load_average": [round(value, 2) for value in os.getloadavg()],
            "data": _data_size(),
            "repeat": repeat,
            "pages": rows,
            "mail_requests": mail_rows,
        }
        if load:
            cookies = {who: _cookie(client) for who, client in clients.items()}
            run["load"] = self.load(pages, cookies, **options)
        run["load_average_after"] = [round(value, 2) for value in os.getloadavg()]
        self.save(Path(output), run)

    # --- Who loads the page -----------------------------------------------------------------

    def logged_in(self, who: str) -> Client:
        """A client with the session a browser gets from the log-in form (and, for staff,
        the second-factor step), or none for an anonymous visitor."""
        client = Client()
        if who == ANONYMOUS:
            return client
        user = self.bench_user(who)
        response = client.post(
            reverse("account_login"),
            {"login": user.email, "password": BENCH_PASSWORD},
            secure=True,
        )
        if response.status_code == 302 and response.url.endswith(reverse("mfa_authenticate")):
            response = self.second_factor(client, user)
        if client.get(reverse("account"), secure=True).status_code != 200:
            raise CommandError(f"The bench {who} could not log in ({response.status_code}).")
        return client

    @staticmethod
    def second_factor(client: Client, user):
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
        from allauth.mfa.utils import decrypt

        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        secret = decrypt(authenticator.data["secret"])
        for _attempt in range(2):
            code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
            response = client.post(reverse("mfa_authenticate"), {"code": code}, secure=True)
            if response.status_code == 302:
                return response
            # A code is accepted once (a run a moment ago used it): wait for the next one.
            time.sleep(30 - time.time() % 30 + 0.5)
        raise CommandError(f"{user.email}: the second factor was refused.")

    @staticmethod
    def bench_user(who: str):
        """The bench's account for `who`, with a verified address and a known password;
        staff in their role's group with a TOTP authenticator; the member in the published
        organisation with the most case applications (its dashboard has the most to show)."""
        from allauth.account.models import EmailAddress
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
        from django.contrib.auth.models import Group
        from django.db.models import Count

        from ecosystem.models import Actor, Membership, User

        email = f"bench-{who.replace(' ', '-')}@example.dk"
        user, _created = User.objects.get_or_create(
            email=email, defaults={"full_name": f"Bench {who.title()}"}
        )
        user.set_password(BENCH_PASSWORD)
        user.is_staff = who in STAFF_ROLES
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if who in STAFF_ROLES:
            user.groups.add(Group.objects.get(name=STAFF_ROLES[who]))
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(user, generate_totp_secret())
        elif not user.memberships.exists():
            actor = (
                Actor.objects.published()
                .annotate(cases=Count("case_applications"))
                .order_by("-cases", "pk")
                .first()
            )
            if actor is not None:
                Membership.objects.create(actor=actor, user=user, role=Membership.Role.OWNER)
        return user

    # --- In-process -----------------------------------------------------------------------

    def measure(self, name: str, url: str, who: str, client: Client, repeat: int) -> dict:
        warm = client.get(url, secure=True)  # warm caches and check the page works at all
        if warm.status_code != 200:
            raise CommandError(f"{name}: {url} answered {warm.status_code} to {who or 'anyone'}")
        warm_ms = [self.timed(client, url)[0] for _ in range(repeat)]
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
            "who": who,
            "warm_median_ms": round(statistics.median(warm_ms), 2),
            "warm_p95_ms": round(_p95(warm_ms), 2),
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
            f"{'page':44} {'warm ms':>8} {'warm p95':>9} {'fresh ms':>9} {'fresh p95':>10} "
            f"{'queries':>8} {'bytes':>9}"
        )
        for title, group in GROUPS:
            chosen = [row for row in rows if group_of(row["who"]) == group]
            if not chosen:
                continue
            self.stdout.write(
                f"\nIn-process, {title} ({'page-cache hit' if not group else 'warm'})"
            )
            self.stdout.write(header)
            self.stdout.write("-" * len(header))
            for row in chosen:
                label = row["page"] + (f" [{row['who']}]" if group == "staff" else "")
                self.stdout.write(
                    f"{label[:44]:44} {row['warm_median_ms']:>8.1f} {row['warm_p95_ms']:>9.1f} "
                    f"{row['fresh_median_ms']:>9.1f} {row['fresh_p95_ms']:>10.1f} "
                    f"{row['queries']:>8} {row['bytes']:>9}"
                )

    # --- Requests that send mail -----------------------------------------------------------

    def mail_requests(self, only: str, repeat: int, clients: dict[str, Client]) -> list[dict]:
        """Median and p95 of the posts that send mail (see the module's docstring), each
        by the pages' client for its person (a second log-in would wait for a new code)."""
        from policy.models import Event
        from validation.models import CaseApplication, CaseLogEntry, Status

        serial = itertools.count()

        def address(kind: str) -> str:
            return f"bench-{kind}-{next(serial)}@example.dk"

        event = next(
            (
                e
                for e in Event.objects.published().upcoming().order_by("pk")
                if e.registration_is_open()
            ),
            None,
        )
        case = (
            CaseApplication.objects.filter(status__in=[Status.SUBMITTED, Status.IN_REVIEW])
            .order_by("pk")
            .first()
        )
        sources = [
            (
                "contact form",
                reverse("contact"),
                ANONYMOUS,
                lambda: {"name": "Bench Besøgende", "email": address("contact"), "message": "Hej."},
            )
        ]
        if event:
            sources.append(
                (
                    "guest registration",
                    reverse("policy:register", args=[event.slug]),
                    ANONYMOUS,
                    lambda: {"name": "Bench Gæst", "email": address("guest"), "consent": "on"},
                )
            )
        if case:
            sources.append(
                (
                    "case decision",
                    reverse("admin:validation_caseapplication_change", args=[case.pk]),
                    "validator",
                    lambda: {"decision": "request_changes", "message": "Tilføj resultaterne."},
                )
            )
        sources = [source for source in sources if re.search(only, source[0])]
        waiting = case and CaseApplication.objects.values("status", "decided_at").get(pk=case.pk)
        logged = CaseLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        rows = []
        limits = {"PORTAL_RATE_LIMITS": {}, "HUMAN_CHECK_MIN_SECONDS": 0}
        with override_settings(**limits), self.removing_what_it_stores():
            for name, url, who, typed in sources:
                if who not in clients:
                    clients[who] = self.logged_in(who)
                took = []
                for _ in range(repeat):
                    took.append(self.posted(clients[who], url, typed()))
                    if who == "validator":  # the case waits for its decision again, as it was
                        CaseApplication.objects.filter(pk=case.pk).update(**waiting)
                        CaseLogEntry.objects.filter(case=case, pk__gt=logged).delete()
                rows.append(
                    {
                        "page": name,
                        "url": url,
                        "who": who,
                        "median_ms": round(statistics.median(took), 2),
                        "p95_ms": round(_p95(took), 2),
                    }
                )
        return rows

    @staticmethod
    @contextmanager
    def removing_what_it_stores():
        """The messages and registrations posted, and the mails queued (no worker runs)."""
        from django.utils import timezone

        from pages.models import ContactMessage
        from policy.models import Registration

        started = timezone.now()
        try:
            yield
        finally:
            ContactMessage.objects.filter(email__startswith="bench-contact-").delete()
            Registration.objects.filter(email__startswith="bench-guest-").delete()
            if apps.is_installed("django_tasks_db"):
                from django_tasks_db.models import DBTaskResult

                DBTaskResult.objects.filter(enqueued_at__gte=started).delete()

    @staticmethod
    def posted(client: Client, url: str, typed: dict) -> float:
        """Fetch the form, post it with its own fields and what a person types; the post's
        time in ms. A post that is not taken (no redirect) is an error."""
        page = client.get(url, secure=True)
        document = lxml_html.fromstring(page.content)
        # The page's form with the typed fields (the admin has a log-out form, too).
        form = next(form for form in document.forms if set(typed) <= set(form.fields))
        data = dict(form.form_values()) | typed
        start = time.perf_counter()
        response = client.post(url, data, secure=True)
        took = (time.perf_counter() - start) * 1000
        if response.status_code != 302:
            errors = lxml_html.fromstring(response.content).find_class("errorlist")
            said = "; ".join(error.text_content().strip() for error in errors)
            raise CommandError(f"{url}: the form was refused ({response.status_code}): {said}")
        return took

    def print_mail_table(self, rows: list[dict]) -> None:
        if not rows:
            return
        tasks = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "none")
        self.stdout.write(
            f"\nIn-process, requests that send mail (the post timed; tasks: {tasks}, "
            f"mail: {settings.EMAIL_BACKEND})"
        )
        header = f"{'request':44} {'median ms':>10} {'p95 ms':>8}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            label = row["page"] + (f" [{row['who']}]" if row["who"] else "")
            self.stdout.write(f"{label[:44]:44} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f}")

    # --- Under load -------------------------------------------------------------------------

    def load(self, pages, cookies: dict[str, str], *, seconds, rounds, connections, port, **_):
        wrk = shutil.which("wrk")
        if wrk is None:
            raise CommandError("wrk is missing: `apt-get install wrk` (make bench does it).")
        port = port or _free_port()
        server = self.start_server(port)
        base = f"http://127.0.0.1:{port}"
        ratios: dict[str, list[float]] = {name: [] for name, _url, _who in pages}
        rps: dict[str, list[float]] = {name: [] for name, _url, _who in pages}
        healthz: list[float] = []
        errors: dict[str, int] = dict.fromkeys(ratios, 0)
        try:
            for name, url, who in pages:  # the session works through gunicorn too
                status = _status(port, url, cookies[who])
                if status != 200:
                    raise CommandError(f"{name}: gunicorn answered {status} to {who or 'anyone'}")
            for _name, url, who in [("healthz", "/healthz", ANONYMOUS), *pages]:  # warm up
                _wrk(wrk, base + url, 1, 2, cookies[who])
            for _round in range(rounds):
                before = _wrk(wrk, base + "/healthz", seconds, connections, "")["rps"]
                healthz.append(before)
                for name, url, who in pages:
                    page = _wrk(wrk, base + url, seconds, connections, cookies[who])
                    after = _wrk(wrk, base + "/healthz", seconds, connections, "")["rps"]
                    healthz.append(after)
                    mean = (before + after) / 2
                    if mean:  # a /healthz run that got nothing done says nothing
                        ratios[name].append(page["rps"] / mean)
                    rps[name].append(page["rps"])
                    errors[name] += page["errors"]
                    before = after
        finally:
            server.terminate()
            server.wait(timeout=20)
        rows = [
            {
                "page": name,
                "url": url,
                "who": who,
                "rps": round(statistics.median(rps[name]), 1),
                "ratio": round(statistics.median(ratios[name] or [0]), 3),
                "ratio_min": round(min(ratios[name] or [0]), 3),
                "ratio_max": round(max(ratios[name] or [0]), 3),
                "errors": errors[name],
            }
            for name, url, who in pages
        ]
        self.print_load(rows, healthz, seconds, connections, rounds)
        return {"healthz_rps_median": round(statistics.median(healthz), 1), "pages": rows}

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

    def print_load(self, rows, healthz: list[float], seconds, connections, rounds) -> None:
        self.stdout.write(
            f"\nUnder load: gunicorn, 2 workers; wrk {connections} connections, {seconds:g} s "
            f"per run; each page between two /healthz runs, {rounds} rounds "
            f"(/healthz median {statistics.median(healthz):.0f} req/s, "
            f"{min(healthz):.0f}-{max(healthz):.0f})"
        )
        header = f"{'page':44} {'req/s':>8} {'ratio':>7} {'spread':>13} {'errors':>7}"
        for title, group in GROUPS:
            chosen = [row for row in rows if group_of(row["who"]) == group]
            if not chosen:
                continue
            self.stdout.write(f"\n{title.capitalize()}: median ratio to /healthz")
            self.stdout.write(header)
            self.stdout.write("-" * len(header))
            for row in chosen:
                label = row["page"] + (f" [{row['who']}]" if group == "staff" else "")
                spread = f"{row['ratio_min']:.2f}-{row['ratio_max']:.2f}"
                self.stdout.write(
                    f"{label[:44]:44} {row['rps']:>8.1f} {row['ratio']:>7.2f} "
                    f"{spread:>13} {row['errors']:>7}"
                )

    # --- History ------------------------------------------------------------------------------

    def save(self, path: Path, run: dict) -> None:
        """Append the run to the history and compare it with the last one."""
        runs = []
        if path.exists():
            try:
                kept = json.loads(path.read_text())
            except ValueError:
                kept = {}
            # Before the history, the file held one run with no "runs" list.
            runs = kept.get("runs", [kept] if kept.get("pages") else [])
        if runs:
            self.compare(runs[-1], run)
        runs.append(run)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"runs": runs}, indent=1))
        self.stdout.write(f"\nRun {len(runs)} appended to {path}")

    def compare(self, last: dict, run: dict) -> None:
        self.stdout.write(
            f"\nCompared with the last run ({last.get('at', 'undated')}, "
            f"commit {last.get('commit', '?')}, data {last.get('data', '?')}; "
            f"now {run['data']})"
        )
        header = f"{'page':44} {'fresh ms':>17} {'warm ms':>15} {'ratio':>13}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        before = {row["page"]: row for row in last.get("pages", [])}
        before_load = _load_rows(last)
        now_load = _load_rows(run)
        for row in run["pages"]:
            old = before.get(row["page"])
            if old is None:
                continue
            old_warm = old.get("warm_median_ms", old.get("cached_median_ms"))
            old_ratio = before_load.get(row["page"], {}).get("ratio")
            new_ratio = now_load.get(row["page"], {}).get("ratio")
            ratio = (
                f"{old_ratio:.2f} -> {new_ratio:.2f}"
                if old_ratio is not None and new_ratio is not None
                else ""
            )
            self.stdout.write(
                f"{row['page'][:44]:44} "
                f"{old['fresh_median_ms']:>7.1f} -> {row['fresh_median_ms']:>6.1f} "
                f"{old_warm or 0:>6.1f} -> {row['warm_median_ms']:>5.1f} {ratio:>13}"
            )


def _load_rows(run: dict) -> dict[str, dict]:
    load = run.get("load") or []
    rows = load.get("pages", []) if isinstance(load, dict) else load
    return {row["page"]: row for row in rows}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def _data_size() -> dict[str, int]:
    """How much data the figures were measured on, so two runs compare like with like."""
    from ecosystem.models import Actor
    from funding.models import FundingOpportunity
    from policy.models import Event, Registration
    from resources.models import Resource
    from validation.models import CaseApplication

    models = {
        "actors": Actor,
        "resources": Resource,
        "cases": CaseApplication,
        "events": Event,
        "registrations": Registration,
        "funding": FundingOpportunity,
    }
    return {name: model.objects.count() for name, model in models.items()}


def _cookie(client: Client) -> str:
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}" if name in client.cookies else ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(port: int, url: str, cookie: str) -> int:
    """The status gunicorn answers (a session that did not hold would be a redirect)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", url, headers={"Cookie": cookie} if cookie else {})
        return connection.getresponse().status
    finally:
        connection.close()


def _wrk(wrk: str, url: str, seconds: float, connections: int, cookie: str) -> dict:
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
