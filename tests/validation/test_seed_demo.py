"""seed_demo's EU cases: every state, some validated and published on SIM, idempotent."""

import io

import pytest
from django.core.management import call_command

from validation.models import CaseApplication, Status

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_the_demo_has_cases_in_every_state_and_runs_twice_adding_nothing():
    seed()
    states = set(CaseApplication.objects.values_list("status", flat=True))
    assert {Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.VALIDATED} <= states
    assert CaseApplication.objects.filter(status=Status.PUBLISHED).exclude(sim_url="").exists()
    count = CaseApplication.objects.count()
    seed()
    assert CaseApplication.objects.count() == count


def test_the_size_option_adds_cases_up_to_the_number():
    seed("--cases", "40")
    assert CaseApplication.objects.count() == 40
    assert CaseApplication.objects.public().count() >= 30
