"""The scheduled jobs run once a day however many schedulers and workers there are."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from config import schedule
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "scheduled"],
        }
    }


def test_two_schedulers_at_once_queue_each_job_once_a_day():
    now = datetime(2026, 3, 2, 9, 0, tzinfo=COPENHAGEN)
    queued = []
    barrier = threading.Barrier(2)

    def scheduler():
        try:
            barrier.wait()
            queued.extend(schedule.queue_due_jobs(now))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    commands = [job.command for job in schedule.JOBS]
    assert sorted(queued) == sorted(commands)
    assert DBTaskResult.objects.filter(queue_name="scheduled").count() == len(commands)
    # Later the same day: nothing more. The next day: each once again.
    assert schedule.queue_due_jobs(now.replace(hour=23)) == []
    assert sorted(schedule.queue_due_jobs(now.replace(day=3, hour=8))) == sorted(commands)


def test_a_job_waits_for_its_hour_and_the_worker_runs_it(settings):
    settings.POLICY_ANONYMISE_AFTER_MONTHS = 0
    registration = RegistrationFactory(event=EventFactory(past=True), name="Gitte Gæst")
    early = datetime(2026, 3, 2, 1, 0, tzinfo=COPENHAGEN)
    assert schedule.queue_due_jobs(early) == []
    assert schedule.queue_due_jobs(early.replace(hour=2)) == ["anonymise_registrations"]
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
    run = DBTaskResult.objects.get()
    assert run.status == "SUCCESSFUL"
    registration.refresh_from_db()
    assert registration.name == ""
    assert registration.anonymised_at is not None


def test_the_scheduler_refuses_the_immediate_backend(settings):
    from django.core.management.base import CommandError

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError):
        call_command("run_scheduler", "--once")
