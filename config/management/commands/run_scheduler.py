import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django_tasks import default_task_backend

from config.schedule import JOBS, queue_due_jobs


class Command(BaseCommand):
    help = (
        "Queue the scheduled jobs (config/schedule.py) for the worker, each once a day "
        "however many instances run this. --once checks once and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once, then exit")
        parser.add_argument("--interval", type=float, default=60, help="seconds between checks")

    def handle(self, *args, once: bool, interval: float, **options):
        if not default_task_backend.supports_defer:
            # The immediate backend keeps no record of a run: every check would run again.
            raise CommandError("The scheduler needs the database task backend (TASK_BACKEND).")
        self.stdout.write("Scheduled jobs: " + ", ".join(f"{j.command} {j.at:%H:%M}" for j in JOBS))
        while True:
            close_old_connections()
            for command in queue_due_jobs():
                self.stdout.write(f"Queued {command}")
            if once:
                return
            time.sleep(interval)
