"""Each case page runs a fixed number of queries, whatever the number of cases: the same
budget holds with 10 and with 500 cases."""

import random
import uuid

import pytest
from django.utils import timezone

from ecosystem.models import Actor, Membership, TargetGroup, Theme
from tests.factories import ActorFactory, UserFactory
from validation.models import CaseApplication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """The budgets bound the rendering; the page cache would answer without rendering."""
    settings.PAGE_CACHE = False


def make_cases(count: int, actor: Actor) -> list[CaseApplication]:
    rng = random.Random(count)
    now = timezone.now()
    partners = [ActorFactory(name=f"Partner {n}") for n in range(3)]
    cases = CaseApplication.objects.bulk_create(
        CaseApplication(
            actor=actor,
            creation_token=uuid.uuid4(),
            slug=f"case-{n}",
            title=f"Job bridges {n}",
            summary="Mentors from local businesses for young people.",
            problem="Youth unemployment.",
            solution="Mentors.",
            results="Jobs.",
            lessons="Time.",
            countries=rng.sample(["DK", "SE", "DE", "NO"], 2),
            stage=rng.choice(["pilot", "implemented", "scaled"]),
            seeks_partners=n % 2 == 0,
            consent_portal=True,
            consent_sim=True,
            status="validated" if n % 3 else "in_review",
            validated_at=now,
            submitted_at=now,
        )
        for n in range(count)
    )
    themes, groups = list(Theme.objects.all()), list(TargetGroup.objects.all())
    CaseApplication.themes.through.objects.bulk_create(
        CaseApplication.themes.through(caseapplication=c, theme=t)
        for c in cases
        for t in rng.sample(themes, 2)
    )
    CaseApplication.target_groups.through.objects.bulk_create(
        CaseApplication.target_groups.through(caseapplication=c, targetgroup=g)
        for c in cases
        for g in rng.sample(groups, 2)
    )
    CaseApplication.partners.through.objects.bulk_create(
        CaseApplication.partners.through(caseapplication=c, actor=p)
        for c in cases
        for p in partners
    )
    return cases


@pytest.fixture(params=[10, 500], ids=lambda n: f"{n}-cases")
def world(request):
    actor = ActorFactory(name="Ungdomsbroen")
    member = UserFactory(email="member@example.dk")
    Membership.objects.create(actor=actor, user=member)
    cases = make_cases(request.param, actor)
    return {"actor": actor, "member": member, "cases": cases}


# A gallery: facet counts (1), taxonomy names (1), the page of cases (1), one lookup per
# filter naming a row (theme), and the facet cache (the database cache in tests).
PUBLIC_BUDGETS = {
    "gallery": ("/en/cases/", 9),
    "gallery filtered": ("/en/cases/?theme=active-inclusion&country=SE&stage=pilot", 10),
    "gallery searched": ("/en/cases/?q=mentors", 10),  # +1: search glossary
    "case json": ("/en/cases/case-1/sim.json", 2),
    "export json": ("/en/cases/export.json", 2),
    "export csv": ("/en/cases/export.csv", 2),
}


@pytest.mark.parametrize("page", list(PUBLIC_BUDGETS))
def test_public_case_pages_stay_within_their_budget(
    client, world, page, django_assert_max_num_queries
):
    path, budget = PUBLIC_BUDGETS[page]
    with django_assert_max_num_queries(budget):
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
    assert response.status_code == 200
    assert body


def test_the_case_page_stays_within_its_budget(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/en/cases/case-1/")
    assert response.status_code == 200
    assert b"Partner 2" in response.content


def test_the_dashboard_stays_within_its_budget(client, world, django_assert_max_num_queries):
    client.force_login(world["member"])
    with django_assert_max_num_queries(9):
        response = client.get("/en/cases/mine/")
    assert response.status_code == 200
    # The most recently changed application leads the first page (of 20).
    newest = max(world["cases"], key=lambda case: (case.updated_at, case.pk))
    assert newest.title.encode() in response.content
