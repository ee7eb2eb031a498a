"""The scheduled jobs, in one place, run once a day however many instances there are.

`manage.py run_scheduler` (started by `make serve`, one per host or one in all: both are
safe) wakes every minute. For each job whose hour has come, it takes a PostgreSQL
advisory lock, looks in the task queue for today's run of that job, and queues one if
there is none: the check and the queueing happen in one transaction under the lock, so
two schedulers on two hosts never queue the same job twice in a day. The worker
(`db_worker`) then runs it, once, on whichever host claims it. Each command is itself
safe to run again (the digest once per week, reminders once per term), so a job run by
hand as well does no harm.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass, field
from datetime import datetime, time

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    command: str
    at: time  # local time (Europe/Copenhagen) from which it runs each day
    options: dict = field(default_factory=dict)


JOBS = [
    Job("anonymise_registrations", time(2, 0)),
    Job("prune_logos", time(3, 0), {"delete": True}),
    Job("send_partner_renewal_reminders", time(6, 0)),
    Job("send_funding_digest", time(7, 0)),
    Job("cull_cache", time(4, 0)),
]
BY_COMMAND = {job.command: job for job in JOBS}


@task(queue_name="scheduled")
def run_job(command: str, day: str) -> None:
    """Run one scheduled job (in the worker)."""
    job = BY_COMMAND[command]
    logger.info("Scheduled job %s for %s starting", command, day)
    call_command(command, **job.options)
    logger.info("Scheduled job %s for %s done", command, day)


def _lock_id(command: str) -> int:
    return zlib.crc32(f"portal-schedule:{command}".encode())


def queue_due_jobs(now: datetime | None = None) -> list[str]:
    """Queue every job whose hour has come today and that nobody has queued today.
    Returns the commands queued by this call."""
    from django_tasks_db.models import DBTaskResult

    now = timezone.localtime(now)
    day = now.date().isoformat()
    queued = []
    for job in JOBS:
        if now.time() < job.at:
            continue
        with transaction.atomic():
            with connection.cursor() as cursor:
                # Held to the end of this transaction: a second scheduler waits here and
                # then finds the row this one wrote.
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_id(job.command)])
            done = DBTaskResult.objects.filter(
                task_path=run_job.module_path, args_kwargs__args=[job.command, day]
            ).exists()
            if not done:
                run_job.enqueue(job.command, day)
                queued.append(job.command)
    return queued
