import zlib

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# One number for every instance: two `migrate` runs at once on a fresh database fail
# (IntegrityError on pg_type); under this lock the second waits and then finds nothing to do.
LOCK_ID = zlib.crc32(b"portal-migrate")


class Command(BaseCommand):
    help = (
        "migrate and createcachetable under a PostgreSQL advisory lock, so that every "
        "instance may run it at start-up."
    )

    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_ID])
        try:
            call_command("migrate", interactive=False, verbosity=options["verbosity"])
            call_command("createcachetable", verbosity=options["verbosity"])
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])
