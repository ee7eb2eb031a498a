"""Demo EU cases for seed_demo: believable Danish projects written in English, in every
state, some validated and some published on SIM; and, for `make bench`, a given number of
generated validated cases. Idempotent: each case is looked up by its slug first.

seed_demo finds this module by the app's name (like the bench pages), so the ecosystem
app never imports validation.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ecosystem.models import Actor, Membership, TargetGroup, Theme, User
from validation.facets import GENERATION
from validation.models import CaseApplication, CaseLogEntry, Status

# slug, title, summary, problem, solution, results, lessons, stage, state, countries
CASES = [
    (
        "job-bridges-for-young-people",
        "Job bridges for young people",
        "Young people on benefits get a mentor from a local business and a job within a year.",
        "Many young people without an education are far from the labour market, and "
        "traditional courses did not reach them.",
        "Each young person is paired with a mentor from a local business who follows them "
        "for a year, with the job centre and the school working as one team.",
        "Two in three participants found a job or started an education within a year.",
        "Mentors need training and time from their employer; small businesses need support.",
        "scaled",
        Status.PUBLISHED,
        ["DK", "SE"],
    ),
    (
        "housing-first-in-small-towns",
        "Housing First in small towns",
        "Homeless people in small Danish towns get a home first and support afterwards.",
        "Homelessness outside the big cities was hidden, and shelters were far away.",
        "Municipalities rent ordinary flats and provide intensive case management.",
        "Eight in ten kept their home after two years.",
        "Cooperation with the housing associations must start before the first tenant.",
        "implemented",
        Status.VALIDATED,
        ["DK"],
    ),
    (
        "digital-buddies-for-seniors",
        "Digital buddies for seniors",
        "Volunteers help older people use the public sector's digital self-service.",
        "Many older people cannot use digital public services and become isolated.",
        "Trained volunteers meet seniors at the library every week, one to one.",
        "1,200 seniors helped; fewer calls to the citizen service.",
        "The libraries are the right place: trusted and close by.",
        "implemented",
        Status.VALIDATED,
        ["DK", "NO"],
    ),
    (
        "green-jobs-for-refugees",
        "Green jobs for refugees",
        "Refugees are trained for jobs in the green transition with language support on site.",
        "Refugees wait long for work while the green sector lacks hands.",
        "A combined course of Danish, safety and skills on real building sites.",
        "Half of the first group are now employed.",
        "Language teachers must come to the building site.",
        "pilot",
        Status.IN_REVIEW,
        ["DK"],
    ),
    (
        "family-coaches-in-the-school",
        "Family coaches in the school",
        "Social workers with an office in the school help families early.",
        "Families met the social services only when problems had grown large.",
        "A family coach sits in the school and is available to parents without a referral.",
        "Fewer referrals to child protection in the pilot schools.",
        "Teachers need to know the coach personally.",
        "pilot",
        Status.SUBMITTED,
        ["DK"],
    ),
    (
        "social-supermarket-network",
        "A network of social supermarkets",
        "Surplus food sold cheaply to families on low incomes, with advice on the spot.",
        "Families on low incomes go without healthy food while shops throw food away.",
        "Social supermarkets run by volunteers sell surplus food and offer debt advice.",
        "",
        "",
        "idea",
        Status.DRAFT,
        ["DK"],
    ),
    (
        "peer-support-for-mental-health",
        "Peer support for mental health",
        "People with lived experience support others in psychiatric treatment.",
        "Patients felt alone between appointments.",
        "Trained peer workers are part of the psychiatric team.",
        "Patients report more hope and fewer readmissions.",
        "Peer workers need their own supervision.",
        "implemented",
        Status.CHANGES_REQUESTED,
        ["DK"],
    ),
]


def _lead_actors() -> list[Actor]:
    """Published actors that have members, so the demo members see their applications."""
    with_members = Actor.objects.published().filter(memberships__isnull=False).distinct()
    return list(with_members.order_by("pk")[:5]) or list(Actor.objects.published()[:5])


@transaction.atomic
def seed_cases(*, total: int | None = None) -> int:
    """Add the demo cases; with `total`, add generated validated cases up to that many.
    Returns how many were added."""
    leads = _lead_actors()
    if not leads:
        return 0
    validator = User.objects.filter(groups__name="validators").order_by("pk").first()
    themes = list(Theme.objects.all())
    groups = list(TargetGroup.objects.all())
    rng = random.Random(9)
    now = timezone.now()
    added = 0
    for number, row in enumerate(CASES):
        slug, title, summary, problem, solution, results, lessons, stage, state, countries = row
        if CaseApplication.objects.filter(slug__in=[slug, f"draft-{slug}"]).exists():
            continue
        public = state in (Status.VALIDATED, Status.PUBLISHED)
        actor = leads[number % len(leads)]
        case = CaseApplication.objects.create(
            actor=actor,
            creation_token=uuid.uuid5(uuid.NAMESPACE_URL, slug),
            slug=slug if public else f"draft-{slug}",
            status=state,
            title=title,
            summary=summary,
            problem=problem,
            solution=solution,
            results=results,
            lessons=lessons,
            stage=stage,
            level="local",
            countries=countries,
            start_year=2018 + number % 5,
            funding_sources=["esf_plus", "public"] if number % 2 else ["foundation"],
            funding_details="ESF+ and municipal funding, 2.1 million DKK." if number % 2 else "",
            contact_name="Demo Contact",
            contact_email=f"case{number}@demo.socialinnovation.dk",
            seeks_partners=number % 2 == 0,
            partner_countries=["SE", "DE"] if number % 2 == 0 else [],
            # What partner suggestions (the matching app) rank by, besides the themes.
            partner_kinds=["ngo", "university"] if number % 2 == 0 else [],
            partner_text="Partners who run similar mentor schemes." if number % 2 == 0 else "",
            consent_portal=True,
            consent_sim=True,
            submitted_at=now - timedelta(days=3 + 4 * number) if state != Status.DRAFT else None,
            validated_at=now - timedelta(days=30 * (number + 1)) if public else None,
            sim_url=f"https://ec.europa.eu/social-innovation-match/case/{slug}"
            if state == Status.PUBLISHED
            else "",
            sim_published_on=date.today() - timedelta(days=10)
            if state == Status.PUBLISHED
            else None,
            assigned_to=validator if state not in (Status.DRAFT, Status.SUBMITTED) else None,
        )
        case.themes.set(rng.sample(themes, 2))
        case.target_groups.set(rng.sample(groups, 2))
        member = Membership.objects.filter(actor=actor).select_related("user").first()
        CaseLogEntry.objects.create(
            case=case, user=member.user if member else None, action=CaseLogEntry.Action.CREATED
        )
        if state == Status.CHANGES_REQUESTED:
            CaseLogEntry.objects.create(
                case=case,
                user=validator,
                action=CaseLogEntry.Action.CHANGES_REQUESTED,
                from_status=Status.IN_REVIEW,
                to_status=state,
                note="Tilføj tal, der viser resultaterne, og hvem der har evalueret dem.",
            )
        added += 1
    if total:
        added += _generated(total=total, leads=leads, themes=themes, groups=groups, rng=rng)
    GENERATION.renew()
    return added


def _generated(*, total: int, leads, themes, groups, rng) -> int:
    """Validated cases, bulk-created, until there are `total` cases in all."""
    missing = total - CaseApplication.objects.count()
    if missing <= 0:
        return 0
    start = CaseApplication.objects.count()
    now = timezone.now()
    stages = ["pilot", "implemented", "scaled"]
    countries = ["DK", "SE", "NO", "DE", "FI", "NL", "BE", "FR"]
    cases = CaseApplication.objects.bulk_create(
        CaseApplication(
            actor=leads[n % len(leads)],
            creation_token=uuid.uuid4(),
            slug=f"generated-case-{n}",
            status=Status.VALIDATED if n % 4 else Status.PUBLISHED,
            title=f"Social innovation case {n}",
            summary="A local partnership that helps people into work and community life.",
            problem="People far from the labour market lack a way back.",
            solution="Municipalities, businesses and volunteers work as one team.",
            results="More people in work and fewer on benefits.",
            lessons="Partnerships need time and a shared goal.",
            stage=rng.choice(stages),
            level="local",
            countries=rng.sample(countries, 2),
            seeks_partners=n % 3 == 0,
            consent_portal=True,
            consent_sim=True,
            validated_at=now - timedelta(days=n % 700),
            decided_at=now - timedelta(days=n % 700),  # the decision was to validate
            submitted_at=now - timedelta(days=n % 700 + 20 + n % 9),
        )
        for n in range(start, start + missing)
    )
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
    return len(cases)


def seed(*, size: int | None = None) -> str:
    """seed_demo's entry point: the demo cases, and up to `size` cases for benchmarks."""
    added = seed_cases(total=size)
    return f"EU cases: {added} added, {CaseApplication.objects.count()} in all."
