from django.core.cache import cache
from django.core.management.base import BaseCommand

from common.generations import every_generation, renew_all


class Command(BaseCommand):
    help = (
        "Clear the cache (cached pages, fragments, facet counts) and renew every generation: "
        "after a database restore, so that no page shows data that is no longer there."
    )

    def handle(self, *args, **options):
        cache.clear()
        renew_all()
        names = ", ".join(sorted(g.name for g in every_generation()))
        self.stdout.write(f"Cache cleared; generations renewed: {names}.")
