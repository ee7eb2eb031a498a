"""Daily (cron): remind partners whose term ends within 30 days, once per term.

    0 7 * * *  .venv/bin/python manage.py send_partner_renewal_reminders

Running it twice sends nothing the second time: each application records the end date
it was reminded for. It also renews the generations of the pages that show who is a
partner today (the badge on actor pages, the partners page): a term that ends or starts
changes what they show although no row changed.
"""

from django.core.management.base import BaseCommand

from ecosystem import facets as ecosystem_facets
from partners import services
from partners.models import GENERATION


class Command(BaseCommand):
    help = "Mail the owners of partners whose partnership ends within 30 days (once per term)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=services.REMINDER_DAYS,
            help="Remind this many days before the end (default 30).",
        )

    def handle(self, *args, days: int = services.REMINDER_DAYS, **options):
        sent = sum(
            services.send_renewal_reminder(application)
            for application in services.renewal_due(days=days)
        )
        GENERATION.renew()
        ecosystem_facets.GENERATION.renew()
        self.stdout.write(f"Renewal reminders sent: {sent}.")
