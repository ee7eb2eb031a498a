"""List, and with --delete remove, logo files no actor uses any more.

Logos replaced before the portal deleted them on replacement, or left by an interrupted
upload, stay in storage; the media view no longer serves them, but they take space and
hold organisations' old pictures. Files newer than --min-age-hours are skipped: an
upload may be stored a moment before the database row that names it is committed.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from ecosystem.models import Actor

LOGO_FOLDER = "actors/logos"


class Command(BaseCommand):
    help = "List logo files that no actor uses; remove them with --delete."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="remove the files listed")
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=1.0,
            help="skip files younger than this (default 1 hour)",
        )

    def handle(self, *args, delete: bool, min_age_hours: float, **options):
        try:
            _folders, files = default_storage.listdir(LOGO_FOLDER)
        except FileNotFoundError:
            files = []
        in_use = set(Actor.objects.exclude(logo="").values_list("logo", flat=True))
        cutoff = timezone.now() - timedelta(hours=min_age_hours)
        orphans = []
        for file_name in sorted(files):
            name = f"{LOGO_FOLDER}/{file_name}"
            if name in in_use or default_storage.get_modified_time(name) > cutoff:
                continue
            orphans.append(name)
        for name in orphans:
            if delete:
                default_storage.delete(name)
            self.stdout.write(("deleted " if delete else "") + name)
        verb = "Deleted" if delete else "Found"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(orphans)} orphaned logo(s)."))
