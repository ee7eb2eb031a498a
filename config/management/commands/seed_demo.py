"""Fill an empty database with believable Danish demo content.

Idempotent: every object is looked up by a natural key first, so running it twice adds
nothing. It lives in `config`, which may import every app: each app seeds its own content
(`ecosystem.demo`, `resources.demo`, `validation.demo`, `policy.demo_seed`,
`pages.demo`, `partners.demo`, `funding.demo`, `impact.demo`) and this command puts them
together.
"""

import time

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from ecosystem import demo, facets, staff
from ecosystem.models import User
from funding import demo as funding_demo
from impact import demo as impact_demo
from pages import demo as pages_demo
from partners import demo as partners_demo
from policy import demo_seed as policy_demo
from resources import demo as resources_demo
from resources import facets as resources_facets
from validation import demo as validation_demo

DEMO_PASSWORD = "demo-portal-2026"

DEMO_STAFF = [
    ("moderator@demo.socialinnovation.dk", "Mette Moderator", staff.MODERATORS),
    ("redaktoer@demo.socialinnovation.dk", "Rasmus Redaktør", staff.EDITORS),
    ("validator@demo.socialinnovation.dk", "Vibeke Validator", staff.VALIDATORS),
    ("arrangement@demo.socialinnovation.dk", "Anders Arrangør", staff.EVENT_MANAGERS),
]
DEMO_ADMIN = ("admin@demo.socialinnovation.dk", "Astrid Administrator")
DEMO_MEMBER = ("medlem@demo.socialinnovation.dk", "Mads Medlem")


class Command(BaseCommand):
    help = "Fill the database with demo content and demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database already holds users (used by `make run`).",
        )
        parser.add_argument(
            "--actors",
            type=int,
            default=None,
            help="How many actors to create (default: the demo set; 10000 for benchmarks).",
        )
        parser.add_argument(
            "--resources",
            type=int,
            default=None,
            help="How many resources to create (default: the demo set; 50000 for benchmarks).",
        )
        parser.add_argument(
            "--cases",
            type=int,
            default=None,
            help="How many EU cases to create (default: the demo set; 5000 for benchmarks).",
        )

        policy_demo.add_arguments(parser)
        funding_demo.add_arguments(parser)

    def handle(
        self,
        *args,
        if_empty: bool = False,
        actors: int | None = None,
        resources: int | None = None,
        cases: int | None = None,
        **options,
    ):
        if actors is not None and actors < 0:
            raise CommandError("--actors must be 0 or more.")
        if resources is not None and resources < 0:
            raise CommandError("--resources must be 0 or more.")
        if if_empty and User.objects.exists():
            self.stdout.write("The database already has data; demo data left as it is.")
        else:
            with transaction.atomic():
                self.seed(actors=actors, resources=resources, cases=cases, options=options)
            # Bulk inserts send no signals: the cached counts and pages start afresh.
            facets.GENERATION.renew()
            resources_facets.GENERATION.renew()
            if (actors or resources or cases) and not connection.in_atomic_block:
                # As autovacuum would soon after a bulk load: the planner's statistics,
                # and the search indexes' pending entries (GIN fastupdate) merged. Before
                # it, a search scanned 50,000 rows instead of using its index.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
        self.print_accounts()

    def seed(
        self,
        *,
        actors: int | None,
        resources: int | None = None,
        cases: int | None = None,
        options: dict | None = None,
    ) -> None:
        started = time.monotonic()
        users = self.make_accounts()
        report = demo.seed_ecosystem(total=actors, users=users)
        self.stdout.write(
            f"Actors: {report.actors_created} added, {report.actors_total} in all; "
            f"connections: {report.connections_created} added; "
            f"memberships: {report.memberships_created} added "
            f"({time.monotonic() - started:.1f} s)."
        )
        started = time.monotonic()
        library = resources_demo.seed_library(total=resources)
        self.stdout.write(
            f"Resources: {library.resources_created} added, {library.resources_total} in all; "
            f"files: {library.files_created} added; partners: {library.partners_created} added "
            f"({time.monotonic() - started:.1f} s)."
        )
        self.stdout.write(validation_demo.seed(size=cases))
        policy_demo.seed(options=options or {}, users=users, stdout=self.stdout)
        self.stdout.write(f"News: {pages_demo.seed_news()} added.")
        self.stdout.write(f"Partner applications: {partners_demo.seed()} added.")
        funding_demo.seed(options=options or {}, stdout=self.stdout)
        self.stdout.write(impact_demo.seed_history())

    def make_accounts(self) -> dict[str, User]:
        """The demo accounts by e-mail address (made if missing)."""
        # One hash for all: hashing is deliberately slow, and the password is the same.
        password = make_password(DEMO_PASSWORD)

        def account(email: str, name: str, **flags) -> User:
            user, created = User.objects.get_or_create(
                email=email, defaults={"full_name": name, "is_demo": True, **flags}
            )
            if created:
                user.password = password
                user.save(update_fields=["password"])
                # allauth: the address counts as verified, so the demo can log straight in.
                user.emailaddress_set.create(email=email, verified=True, primary=True)
            return user

        for email, name, group_name in DEMO_STAFF:
            user = account(email, name, is_staff=True)
            user.groups.add(Group.objects.get(name=group_name))
        account(*DEMO_ADMIN, is_staff=True, is_superuser=True)
        members = [account(*DEMO_MEMBER)]
        members += [account(email, name) for email, name in demo.EXTRA_MEMBERS]
        return {user.email: user for user in members}

    def print_accounts(self) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password for all: {DEMO_PASSWORD}):"))
        for email, _name, group_name in DEMO_STAFF:
            self.stdout.write(f"  {email:42} staff, {group_name}")
        self.stdout.write(f"  {DEMO_ADMIN[0]:42} superuser")
        self.stdout.write(f"  {DEMO_MEMBER[0]:42} organisation member")
        for email, _ in demo.EXTRA_MEMBERS:
            self.stdout.write(f"  {email:42} organisation member")
        self.stdout.write(
            "Demo staff may use the admin without a second factor only while DEBUG is on."
        )
