"""Fill an empty database with believable Danish demo content.

Idempotent: every object is looked up by a natural key first, so running it twice adds
nothing. Later issues extend `seed()` with their own content.
"""

import time

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ecosystem import demo, facets, staff
from ecosystem.models import User

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

    def handle(self, *args, if_empty: bool = False, actors: int | None = None, **options):
        if actors is not None and actors < 0:
            raise CommandError("--actors must be 0 or more.")
        if if_empty and User.objects.exists():
            self.stdout.write("The database already has data; demo data left as it is.")
        else:
            with transaction.atomic():
                self.seed(actors=actors)
            # Bulk inserts send no signals: the cached directory counts start afresh.
            facets.GENERATION.renew()
        self.print_accounts()

    def seed(self, *, actors: int | None) -> None:
        started = time.monotonic()
        users = self.make_accounts()
        report = demo.seed_ecosystem(total=actors, users=users)
        self.stdout.write(
            f"Actors: {report.actors_created} added, {report.actors_total} in all; "
            f"connections: {report.connections_created} added; "
            f"memberships: {report.memberships_created} added "
            f"({time.monotonic() - started:.1f} s)."
        )
        # Apps that ecosystem may not import add their own demo content: an AppConfig
        # with a `seed_demo(stdout)` method is called here, idempotent like the rest.
        for config in apps.get_app_configs():
            seed_app = getattr(config, "seed_demo", None)
            if callable(seed_app):
                seed_app(self.stdout)

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
