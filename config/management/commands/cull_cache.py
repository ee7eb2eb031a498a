from django.core.cache import cache
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Delete the database cache's expired entries and keep it under MAX_ENTRIES "
        "(a scheduled job, config/schedule.py). With Redis: nothing to do."
    )

    def handle(self, *args, **options):
        cull = getattr(cache, "cull", None)
        if cull is None:
            self.stdout.write("The cache culls itself (not the database cache).")
            return
        self.stdout.write(f"Cache entries left: {cull()}")
