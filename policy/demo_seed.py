"""Demo events for seed_demo: past events with outcomes and recommendations in every
status, upcoming ones with registrations (one full with a waiting list, one nearly full,
one that needs approval), and, with --events N, generated events up to N with 50
registrations each (the benchmark: 2,000 events, 100,000 registrations).

Idempotent: events are looked up by slug; generated ones are added only up to N.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

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


@dataclass(frozen=True)
class Spec:
    slug: str
    kind: str
    title_da: str
    title_en: str
    days: int  # from today; negative: in the past
    municipality: str  # code, or "" for online
    capacity: int
    confirmed: int = 0
    waiting: int = 0
    pending: int = 0
    needs_approval: bool = False
    online: bool = False
    audience: str = "everyone"


SPECS = [
    Spec("rundbord-beskaeftigelse", "roundtable",
         "Rundbordssamtale: Social innovation i beskæftigelsesindsatsen",
         "Roundtable: Social innovation in employment services", -120, "101", 25, 22,
         audience="decision_makers"),
    Spec("policylab-ensomhed", "policy_lab", "Policylab: Ensomhed blandt ældre",
         "Policy lab: Loneliness among older people", -60, "751", 30, 27),
    Spec("konference-sociale-investeringer", "conference",
         "Konference: Sociale investeringer og partnerskaber",
         "Conference: Social investment and partnerships", -200, "461", 150, 131),
    Spec("netvaerksmoede-innovationskonsulenter", "network_meeting",
         "Netværksmøde for kommunale innovationskonsulenter",
         "Network meeting for municipal innovation consultants", 14, "101", 30, 30, waiting=4,
         audience="practitioners"),
    Spec("lukket-rundbord-national-strategi", "roundtable",
         "Lukket rundbord: Mod en national strategi for social innovation",
         "Closed roundtable: Towards a national strategy for social innovation", 21, "101", 15,
         3, pending=5, needs_approval=True, audience="decision_makers"),
    Spec("webinar-esf-midler", "webinar", "Webinar: Sådan søger du ESF+-midler",
         "Webinar: How to apply for ESF+ funding", 7, "", 200, 64, online=True,
         audience="practitioners"),
    Spec("workshop-forandringsteori", "workshop", "Workshop: Forandringsteori i praksis",
         "Workshop: Theory of change in practice", 35, "751", 20, 18, audience="funders"),
]  # fmt: skip

OUTCOMES = {
    "rundbord-beskaeftigelse": (
        "Kommuner, jobcentre og socialøkonomiske virksomheder blev enige om tre anbefalinger til "
        "at gøre det lettere at afprøve nye løsninger i beskæftigelsesindsatsen.",
        [
            ("Forsøgsfrihed for jobcentre", "national", "implemented"),
            ("Fælles målemetode for sociale resultater", "municipal", "adopted"),
            ("Partnerskabsaftaler med socialøkonomiske virksomheder", "regional", "proposed"),
        ],
    ),
    "policylab-ensomhed": (
        "Policylabbet samlede ældre, frivillige og forvaltninger om nye veje mod ensomhed.",
        [
            ("Kommunale ensomhedsstrategier med borgerinddragelse", "municipal", "adopted"),
            ("EU-midler til tværsektorielle fællesskaber", "eu", "proposed"),
        ],
    ),
    "konference-sociale-investeringer": (
        "Konferencen viste, hvordan sociale investeringer kan skaleres gennem partnerskaber.",
        [("En national fond for sociale investeringer", "national", "implemented")],
    ),
}


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
    themes = list(Theme.objects.order_by("position"))
    actors = list(Actor.objects.published().order_by("pk")[:12])
    existing = set(
        Event.objects.filter(slug__in=[s.slug for s in SPECS]).values_list("slug", flat=True)
    )
    created = 0
    for index, spec in enumerate(SPECS):
        if spec.slug in existing:
            continue
        municipality = (
            Municipality.objects.get(code=spec.municipality) if spec.municipality else None
        )
        event = Event.objects.create(
            slug=spec.slug, kind=spec.kind, title_da=spec.title_da, title_en=spec.title_en,
            description_da=f"{spec.title_da}. Vi samler beslutningstagere, praktikere og "
            "forskere for at gøre social innovation til en del af politikken.",
            description_en=f"{spec.title_en}. We bring decision makers, practitioners and "
            "researchers together to make social innovation part of policy.",
            audience=spec.audience, start=_at(spec.days, 9), end=_at(spec.days, 15),
            venue_name="" if spec.online else "Rådhussalen",
            venue_address="" if spec.online else "Rådhuspladsen 1",
            municipality=municipality,
            latitude=municipality.latitude if municipality else None,
            longitude=municipality.longitude if municipality else None,
            step_free=True, hearing_loop=index % 2 == 0, quiet_room=index % 3 == 0,
            online_url="https://meet.example.dk/" + spec.slug if spec.online else "",
            capacity=spec.capacity, needs_approval=spec.needs_approval,
            status=Event.Status.PUBLISHED, published_at=timezone.now(),
        )  # fmt: skip
        event.themes.set(rng.sample(themes, 2) if themes else [])
        if actors:
            event.organisers.set([actors[index % len(actors)]])
            event.co_hosts.set([actors[(index + 5) % len(actors)]])
        AgendaItem.objects.bulk_create(
            [
                AgendaItem(event=event, time=time(9, 0), title="Velkomst"),
                AgendaItem(event=event, time=time(9, 30), title="Oplæg", speakers="Mette Frank"),
                AgendaItem(event=event, time=time(11, 0), title="Drøftelse i grupper"),
                AgendaItem(event=event, time=time(14, 30), title="Opsamling og næste skridt"),
            ]
        )
        Speaker.objects.create(
            event=event, name="Mette Frank", title="Centerchef", organisation="Socialstyrelsen"
        )
        Registration.objects.bulk_create(_registrations(event, rng, spec))
        if spec.slug in OUTCOMES:
            summary, recommendations = OUTCOMES[spec.slug]
            outcome = Outcome.objects.create(event=event, summary_da=summary, is_published=True)
            if actors:
                outcome.actors.set(actors[:3])
            OutcomeResource.objects.create(
                outcome=outcome, title="Præsentationer", url="https://example.dk/slides.pdf"
            )
            for title, level, status in recommendations:
                start = event.start.date()
                Recommendation.objects.create(
                    outcome=outcome, title_da=title, level=level, status=status,
                    text_da=f"{title}: anbefalet af deltagerne på {spec.title_da}.",
                    proposed_on=start,
                    adopted_on=start + timedelta(days=40) if status != "proposed" else None,
                    implemented_on=date.today() if status == "implemented" else None,
                )  # fmt: skip
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
    spec = Spec("", "", "", "", 0, "", 60, confirmed=REGISTRATIONS_PER_GENERATED_EVENT)
    batch: list[Registration] = []
    for event in events:
        batch += _registrations(event, rng, spec)
        if len(batch) >= 10000:
            Registration.objects.bulk_create(batch)
            batch = []
    Registration.objects.bulk_create(batch)
    return len(events)
