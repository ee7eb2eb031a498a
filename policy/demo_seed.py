"""Demo events for seed_demo, from demo_data/events.yaml: past events with outcomes and
recommendations in every status, upcoming ones with registrations (one full with a waiting
list, one nearly full, one that needs approval), and, with --events N, generated events up
to N with 50 registrations each (the benchmark: 2,000 events, 100,000 registrations).

Idempotent: events are looked up by slug; generated ones are added only up to N.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from common import demodata
from ecosystem.models import Actor, Municipality, Theme
from policy.facets import GENERATION
from policy.models import (
    AgendaItem,
    Event,
    Outcome,
    OutcomeResource,
    Recommendation,
    Registration,
    Speaker,
)

SEED = 20261
REGISTRATIONS_PER_GENERATED_EVENT = 50
FIRST = ["Anne", "Mads", "Sofie", "Jens", "Mette", "Lars", "Ida", "Peter", "Karen", "Ali", "Fatima"]
LAST = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Rasmussen"]
LEVELS = ["municipal", "regional", "national", "eu"]


def add_arguments(parser) -> None:
    parser.add_argument(
        "--events",
        type=int,
        default=None,
        help="How many events in all (default: the demo set; 2000 for benchmarks, "
        f"with {REGISTRATIONS_PER_GENERATED_EVENT} registrations each).",
    )


ORGANISER = "nationalt-kompetencecenter-for-social-innovation"


@dataclass(frozen=True)
class Spec:
    """What the registrations of a demo event depend on (a row of demo_data/events.yaml)."""

    slug: str
    days: int  # from today; negative: in the past
    confirmed: int = 0
    waiting: int = 0
    pending: int = 0


def demo_events() -> list[dict]:
    """The curated events of demo_data/events.yaml."""
    return demodata.load(__file__, "events")


def seed(*, options: dict, users: dict, stdout) -> None:
    with transaction.atomic():
        created = build_curated()
        generated = build_generated(total=options.get("events"))
    GENERATION.renew()  # bulk inserts send no signals
    stdout.write(
        f"Events: {created + generated} added, {Event.objects.count()} in all; "
        f"registrations: {Registration.objects.count()} in all."
    )


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _person(rng: random.Random, number: int, event_pk: int) -> dict:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    decision_maker = rng.random() < 0.3
    return {
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower().replace('ø', 'oe')}.{event_pk}.{number}"
        "@example.dk",
        "organisation": rng.choice(["Aarhus Kommune", "Region Syddanmark", "Socialstyrelsen",
                                    "Fonden for Socialt Ansvar", "Roskilde Universitet"]),
        "is_decision_maker": decision_maker,
        "decision_level": rng.choice(LEVELS) if decision_maker else "",
        "consent": True,
        "language": "da",
    }  # fmt: skip


def _registrations(event: Event, rng: random.Random, spec: Spec) -> list[Registration]:
    rows = []
    now = timezone.now()
    past = spec.days < 0
    counts = [
        (Registration.Status.ATTENDED if past else Registration.Status.CONFIRMED, spec.confirmed),
        (Registration.Status.WAITING, spec.waiting),
        (Registration.Status.PENDING, spec.pending),
    ]
    number = 0
    for status, count in counts:
        for _n in range(count):
            number += 1
            rows.append(
                Registration(
                    event=event,
                    status=status,
                    confirmed_at=now if status != Registration.Status.PENDING else None,
                    waiting_since=now + timedelta(seconds=number)
                    if status == Registration.Status.WAITING
                    else None,
                    **_person(rng, number, event.pk),
                )
            )
    return rows


def build_curated() -> int:
    rng = random.Random(SEED)
    themes = {t.slug: t for t in Theme.objects.all()}
    rows = demo_events()
    actors = Actor.objects.published().in_bulk(
        [ORGANISER, *(row["co_host"] for row in rows)], field_name="slug"
    )
    # A smaller demo (seed_demo --actors N) may lack the centre: its first actor stands in.
    organiser = actors.get(ORGANISER) or Actor.objects.published().order_by("pk").first()
    existing = set(
        Event.objects.filter(slug__in=[row["slug"] for row in rows]).values_list("slug", flat=True)
    )
    created = 0
    for row in rows:
        if row["slug"] in existing:
            continue
        online = row.get("online", False)
        municipality = None if online else Municipality.objects.get(code=row["municipality"])
        start, end = row["hours"]
        event = Event.objects.create(
            slug=row["slug"], kind=row["kind"], title_da=row["title_da"], title_en=row["title_en"],
            description_da=row["description_da"], description_en=row["description_en"],
            audience=row["audience"], start=_at(row["days"], start), end=_at(row["days"], end),
            venue_name=row.get("venue_name", ""), venue_address=row.get("venue_address", ""),
            municipality=municipality,
            latitude=municipality.latitude if municipality else None,
            longitude=municipality.longitude if municipality else None,
            step_free=True, hearing_loop=not online, quiet_room=row["kind"] == "conference",
            online_url=f"https://meet.example.dk/{row['slug']}" if online else "",
            capacity=row["capacity"], needs_approval=row.get("needs_approval", False),
            status=Event.Status.PUBLISHED, published_at=timezone.now(),
        )  # fmt: skip
        event.themes.set([themes[slug] for slug in row["themes"] if slug in themes])
        if organiser:
            event.organisers.set([organiser])
        if row["co_host"] in actors:
            event.co_hosts.set([actors[row["co_host"]]])
        AgendaItem.objects.bulk_create(
            AgendaItem(
                event=event,
                time=time.fromisoformat(item[0]),
                title=item[1],
                speakers=item[2] if len(item) > 2 else "",
            )
            for item in row["agenda"]
        )
        Speaker.objects.bulk_create(
            Speaker(event=event, name=name, title=title, organisation=organisation, position=n)
            for n, (name, title, organisation) in enumerate(row["speakers"])
        )
        spec = Spec(
            **{k: row[k] for k in ("slug", "days", "confirmed", "waiting", "pending") if k in row}
        )
        Registration.objects.bulk_create(_registrations(event, rng, spec))
        if "outcome" in row:
            _outcome(
                event, row["outcome"], [a for a in (organiser, actors.get(row["co_host"])) if a]
            )
        created += 1
    # One draft, only for event managers.
    if not Event.objects.filter(slug="kladde-policylab-boliger").exists():
        Event.objects.create(
            slug="kladde-policylab-boliger", kind="policy_lab", title_da="Policylab: Boliger",
            title_en="Policy lab: Housing", start=_at(60, 9), end=_at(60, 15),
            venue_name="Medborgerhuset", capacity=30,
        )  # fmt: skip
        created += 1
    return created


def _outcome(event: Event, spec: dict, actors: list[Actor]) -> None:
    """A past event's published outcome: its summary, the library resources it points to and
    its recommendations, adopted and implemented some weeks after the event."""
    outcome = Outcome.objects.create(
        event=event, summary_da=spec["summary_da"], summary_en=spec["summary_en"], is_published=True
    )
    outcome.actors.set(actors)
    with translation.override("da"):
        OutcomeResource.objects.bulk_create(
            OutcomeResource(
                outcome=outcome,
                title=title,
                url=settings.SITE_URL + reverse("resources:detail", kwargs={"slug": slug}),
            )
            for slug, title in spec["resources"]
        )
    start = event.start.date()
    for item in spec["recommendations"]:
        status = item["status"]
        Recommendation.objects.create(
            outcome=outcome, title_da=item["title_da"], title_en=item["title_en"],
            text_da=item["text_da"], text_en=item["text_en"], level=item["level"], status=status,
            proposed_on=start,
            adopted_on=start + timedelta(days=40) if status != "proposed" else None,
            implemented_on=date.today() if status == "implemented" else None,
        )  # fmt: skip


def build_generated(*, total: int | None) -> int:
    """Generated events until there are `total`, each with 50 registrations: bulk inserts."""
    if total is None:
        return 0
    missing = total - Event.objects.count()
    if missing <= 0:
        return 0
    rng = random.Random(SEED + total)
    municipalities = list(Municipality.objects.all())
    themes = list(Theme.objects.all())
    start_number = Event.objects.filter(slug__startswith="genereret-").count()
    kinds = Event.Kind.values
    events = []
    for number in range(start_number, start_number + missing):
        municipality = rng.choice(municipalities)
        days = rng.randint(-700, 365)
        online = number % 5 == 0
        events.append(
            Event(
                slug=f"genereret-{number}", kind=rng.choice(kinds),
                title_da=f"Arrangement om social innovation nr. {number}",
                title_en=f"Event on social innovation no. {number}",
                description_da="Et arrangement for beslutningstagere og praktikere.",
                description_en="An event for decision makers and practitioners.",
                audience=rng.choice(Event.Audience.values),
                start=_at(days, 10), end=_at(days, 13),
                venue_name="" if online else "Kulturhuset",
                online_url="https://meet.example.dk/x" if online else "",
                municipality=None if online else municipality,
                region_id=None if online else municipality.region_id,
                latitude=None if online else municipality.latitude,
                longitude=None if online else municipality.longitude,
                capacity=60, status=Event.Status.PUBLISHED,
            )
        )  # fmt: skip
    events = Event.objects.bulk_create(events, batch_size=1000)
    Event.themes.through.objects.bulk_create(
        [Event.themes.through(event=e, theme=t) for e in events for t in rng.sample(themes, 2)],
        batch_size=5000,
    )
    spec = Spec("", 0, confirmed=REGISTRATIONS_PER_GENERATED_EVENT)
    batch: list[Registration] = []
    for event in events:
        batch += _registrations(event, rng, spec)
        if len(batch) >= 10000:
            Registration.objects.bulk_create(batch)
            batch = []
    Registration.objects.bulk_create(batch)
    return len(events)
