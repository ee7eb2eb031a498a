"""Erase the personal data of old event registrations; meant to run daily (cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from policy import services
from policy.facets import GENERATION


class Command(BaseCommand):
    help = (
        "Anonymise registrations of events that ended more than "
        "POLICY_ANONYMISE_AFTER_MONTHS months ago; the counts stay."
    )

    def handle(self, *args, **options):
        count = services.anonymise_registrations()
        if count:
            GENERATION.renew()  # a bulk update sends no signals
        self.stdout.write(
            f"{count} registrations anonymised "
            f"(events that ended more than {settings.POLICY_ANONYMISE_AFTER_MONTHS} months ago)."
        )
