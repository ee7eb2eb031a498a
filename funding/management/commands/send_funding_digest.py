"""Mail each funding alert's subscriber the new calls that fit their organisation, once a
week. Run it from cron (for example every Monday at 07:00); running it more often is safe:
an alert that has this week's digest is skipped."""

from django.core.management.base import BaseCommand

from funding import services


class Command(BaseCommand):
    help = "Send the weekly digest of new funding calls to every subscriber (once per week)."

    def handle(self, *args, **options):
        report = services.send_digests()
        self.stdout.write(f"Funding digests: {report.sent} sent, {report.skipped} skipped.")
