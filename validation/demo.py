"""Demo EU cases for seed_demo: the believable Danish projects of `demo_data/cases.yaml`,
written in English, in every state, some validated and some published on SIM, each led by
an actor whose work fits it; and, for `make bench`, a given number of
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

from common import demodata
from ecosystem.models import Actor, Membership, TargetGroup, Theme, User
from validation.facets import GENERATION
from validation.models import CaseApplication, CaseLogEntry, Status

# The fields of demo_data/cases.yaml that are not copied onto the case as they are.
NOT_FIELDS = ("slug", "lead", "status", "themes", "groups", "validator_note")


def demo_cases() -> list[dict]:
    """The curated cases of demo_data/cases.yaml."""
    return demodata.load(__file__, "cases")


def _lead_actors() -> list[Actor]:
    """Published actors that have members: the bench's generated cases are theirs."""
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
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    rows = demo_cases()
    actors = Actor.objects.in_bulk([row["lead"] for row in rows], field_name="slug")
    now = timezone.now()
    added = 0
    for number, row in enumerate(rows):
        slug, state = row["slug"], row["status"]
        if CaseApplication.objects.filter(slug__in=[slug, f"draft-{slug}"]).exists():
            continue
        public = state in (Status.VALIDATED, Status.PUBLISHED)
        # A smaller demo (seed_demo --actors N) may lack the lead: a member's actor stands in.
        actor = actors.get(row["lead"]) or leads[number % len(leads)]
        fields = {k: v for k, v in row.items() if k not in NOT_FIELDS}
        case = CaseApplication.objects.create(
            **fields,
            actor=actor,
            creation_token=uuid.uuid5(uuid.NAMESPACE_URL, slug),
            slug=slug if public else f"draft-{slug}",
            status=state,
            contact_email=f"{slug}@demo.socialinnovation.dk",
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
        case.themes.set([themes[s] for s in row["themes"] if s in themes])
        case.target_groups.set([groups[s] for s in row["groups"] if s in groups])
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
                note=row["validator_note"],
            )
        added += 1
    if total:
        rng = random.Random(9)
        added += _generated(
            total=total,
            leads=leads,
            themes=list(themes.values()),
            groups=list(groups.values()),
            rng=rng,
        )
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
