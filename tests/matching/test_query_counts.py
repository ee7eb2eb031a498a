"""Each matching page runs the same number of queries with 5 candidates and with 400:
the score is computed by PostgreSQL in one query, never by a loop over candidates."""

import random
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecosystem.facets import GENERATION
from ecosystem.models import SDG, Actor, TargetGroup, Theme
from tests.factories import ActorFactory, CaseApplicationFactory, MembershipFactory, UserFactory
from validation.models import CaseApplication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """The budgets bound the rendering; the page cache would answer without rendering."""
    settings.PAGE_CACHE = False


def make_candidates(count: int, prefix: str = "c") -> None:
    rng = random.Random(count)
    themes, groups, sdgs = (
        list(Theme.objects.all()),
        list(TargetGroup.objects.all()),
        list(SDG.objects.all()),
    )
    actors = Actor.objects.bulk_create(
        Actor(
            name=f"Candidate {prefix}{n}",
            slug=f"candidate-{prefix}{n}",
            kind=rng.choice(Actor.Kind.values),
            role=rng.choice(Actor.Role.values),
            scale="local",
            short_description_da="En aktør.",
            short_description_en="An actor.",
            country=rng.choice(["DK", "DK", "SE", "PL"]),
            open_to_partnerships=n % 2 == 0,
            status="published" if n % 5 else "draft",
        )
        for n in range(count)
    )
    for model, field, items in (
        (Actor.themes.through, "theme", themes),
        (Actor.target_groups.through, "targetgroup", groups),
        (Actor.sdgs.through, "sdg", sdgs),
    ):
        model.objects.bulk_create(
            model(actor=a, **{field: item}) for a in actors for item in rng.sample(items, 2)
        )
    now = timezone.now()
    cases = CaseApplication.objects.bulk_create(
        CaseApplication(
            actor=actors[n],
            creation_token=uuid.uuid4(),
            slug=f"case-{prefix}{n}",
            title=f"Case {n}",
            summary="A case.",
            countries=["DK", "SE"],
            seeks_partners=n % 2 == 0,
            consent_portal=True,
            status="validated" if n % 3 else "in_review",
            validated_at=now,
        )
        for n in range(count // 4)
    )
    CaseApplication.themes.through.objects.bulk_create(
        CaseApplication.themes.through(caseapplication=c, theme=t)
        for c in cases
        for t in rng.sample(themes, 2)
    )
    # bulk_create sends no signals: renew the generation as a save would, so the facet
    # counts are counted afresh (the same work as after any change).
    GENERATION.renew()


@pytest.fixture
def member():
    return UserFactory(email="member@example.dk")


@pytest.fixture
def subject(member):
    actor = ActorFactory(name="Ungdomsbroen", slug="ungdomsbroen")
    actor.themes.set(Theme.objects.all())
    actor.target_groups.set(TargetGroup.objects.all()[:3])
    actor.sdgs.set(SDG.objects.all()[:3])
    MembershipFactory(actor=actor, user=member)
    CaseApplicationFactory(
        actor=actor,
        slug="seeking",
        validated=True,
        seeks_partners=True,
        partner_countries=["SE"],
        themes=list(Theme.objects.all()[:4]),
    )
    # One Danish researcher open to partnerships, so every search has a result to list
    # with few candidates too (an empty page skips the query for its rows).
    researcher = ActorFactory(name="Forskerne", role="researcher", open_to_partnerships=True)
    researcher.themes.set(Theme.objects.filter(slug="active-inclusion"))
    researcher.short_description_en = "An actor who researches."
    researcher.save()
    return actor


PAGES = {
    "actor suggestions": "/en/actors/ungdomsbroen/partners/",
    "actor suggestions abroad": "/en/actors/ungdomsbroen/partners/?where=abroad&show=actor",
    "case suggestions": "/eu-cases/seeking/partnere/",
    "find a partner": "/en/find-a-partner/",
    "find a partner filtered": "/en/find-a-partner/?role=researcher&theme=active-inclusion",
    "find a partner searched": "/en/find-a-partner/?q=actor",
}
# Suggestions: the subject (1), the ranked page (1), the taxonomy names (1). The search:
# the facet counts and the database cache around them (6), the taxonomy names (1), the
# page of actors (1), one lookup per filter naming a row.
BUDGETS = {
    "actor suggestions": 3,
    "actor suggestions abroad": 3,
    "case suggestions": 3,
    "find a partner": 9,
    "find a partner filtered": 10,
    "find a partner searched": 10,  # +1: the search glossary
}


def count_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", list(PAGES))
def test_the_same_queries_with_few_and_with_many_candidates(client, subject, page):
    make_candidates(5)
    few = count_queries(client, PAGES[page])
    make_candidates(400, "many")
    many = count_queries(client, PAGES[page])
    assert few == many <= BUDGETS[page], (few, many)


def test_a_member_pays_only_for_the_session_and_the_language(client, subject, member):
    make_candidates(400)
    anonymous = count_queries(client, PAGES["actor suggestions"])
    client.force_login(member)
    logged_in = count_queries(client, PAGES["actor suggestions"])
    # The session, the user, and the language remembered for their mail.
    assert logged_in == anonymous + 3


def test_a_page_past_the_end_costs_one_more_query(client, subject):
    make_candidates(50)
    normal = count_queries(client, PAGES["actor suggestions"])
    past = count_queries(client, PAGES["actor suggestions"] + "?page=999")
    assert past == normal + 1
