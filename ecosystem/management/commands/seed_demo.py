"""Fill an empty database with believable Danish demo content.

Idempotent: every object is looked up by a natural key first, so running it twice adds
nothing. Later issues extend `seed()` with their own content.
"""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from ecosystem import staff
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
        if if_empty and User.objects.exists():
            self.stdout.write("The database already has data; demo data left as it is.")
        else:
            with transaction.atomic():
                self.seed(actors=actors)
        self.print_accounts()

    def seed(self, *, actors: int | None) -> None:
        self.make_accounts()

    def make_accounts(self) -> None:
        def account(email: str, name: str, **flags) -> User:
            user, created = User.objects.get_or_create(
                email=email, defaults={"full_name": name, "is_demo": True, **flags}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                # allauth: the address counts as verified, so the demo can log straight in.
                user.emailaddress_set.create(email=email, verified=True, primary=True)
            return user

        for email, name, group_name in DEMO_STAFF:
            user = account(email, name, is_staff=True)
            user.groups.add(Group.objects.get(name=group_name))
        account(*DEMO_ADMIN, is_staff=True, is_superuser=True)
        account(*DEMO_MEMBER)

    def print_accounts(self) -> None:
        self.stdout.write(self.style.SUCCESS("Demo accounts (password for all: %s):" % DEMO_PASSWORD))
        for email, name, group_name in DEMO_STAFF:
            self.stdout.write(f"  {email:42} staff, {group_name}")
        self.stdout.write(f"  {DEMO_ADMIN[0]:42} superuser")
        self.stdout.write(f"  {DEMO_MEMBER[0]:42} organisation member")
        self.stdout.write(
            "Demo staff may use the admin without a second factor only while DEBUG is on."
        )
