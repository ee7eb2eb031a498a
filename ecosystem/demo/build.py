"""Writes the demo rows in bulk and only what is missing, so seeding is fast and idempotent."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models.functions import Lower

from ecosystem.demo.curated import MEMBERSHIPS, STORY_CONNECTIONS, curated_specs
from ecosystem.demo.rows import SEED, Reference, Row, curated_row, generated_row, valid_cvr
from ecosystem.models import Actor, Connection, Membership, User

BATCH_SIZE = 1000

Kind = Actor.Kind
Status = Actor.Status
Link = Connection.Kind


@dataclass
class SeedReport:
    actors_created: int = 0
    connections_created: int = 0
    memberships_created: int = 0
    actors_total: int = 0


def seed_ecosystem(*, total: int | None, users: dict[str, User]) -> SeedReport:
    """Add the demo ecosystem; with `total`, add generated actors until there are that many.

    Without `total` only the curated set (about 150 actors) is added; with a `total` below
    that, only the first `total` curated actors.
    """
    ref = Reference.load()
    report = SeedReport()
    report.actors_created += build_curated(ref=ref, limit=total)
    report.connections_created += build_curated_connections()
    report.memberships_created += build_memberships(users=users)
    if total is not None:
        created, connections = build_generated(ref=ref, total=total)
        report.actors_created += created
        report.connections_created += connections
    report.actors_total = Actor.objects.count()
    return report


def build_curated(*, ref: Reference, limit: int | None = None) -> int:
    """Create the curated actors that do not exist yet (looked up by slug); return how many."""
    rng = random.Random(SEED)
    rows = []
    used_cvrs: set[str] = set()
    for item in curated_specs():
        # Every spec draws from the stream, created or not, so each gets the same values.
        row = curated_row(item, rng, ref)
        if item.cvr:
            row.actor.cvr = _draw_cvr(rng, used_cvrs)
        rows.append(row)
    if limit is not None:
        rows = rows[: max(limit, 0)]
    return len(_insert(_new_rows(rows)))


def build_generated(*, ref: Reference, total: int) -> tuple[int, int]:
    """Add generated actors until the database holds `total`; return (actors, connections)."""
    missing = total - Actor.objects.count()
    if missing <= 0:
        return 0, 0
    taken_slugs = set(Actor.objects.values_list("slug", flat=True))
    taken_names = _taken_names()
    taken_cvrs = set(Actor.objects.exclude(cvr="").values_list("cvr", flat=True))
    rows: list[Row] = []
    number = 0
    while len(rows) < missing:
        row = generated_row(number, ref)
        number += 1
        actor = row.actor
        if actor.slug in taken_slugs:
            continue  # made by an earlier run
        place = (actor.country, actor.municipality_id)
        if (actor.name.lower(), *place) in taken_names:
            # Names are unique per country and municipality (a foreign actor has none):
            # tell this one apart by its town or number.
            for candidate in (f"{actor.name} {actor.city}", f"{actor.name} {number}"):
                if (candidate.lower(), *place) not in taken_names:
                    actor.name = candidate
                    break
        if actor.cvr in taken_cvrs:
            actor.cvr = ""
        taken_names.add((actor.name.lower(), *place))
        taken_cvrs.add(actor.cvr)
        rows.append(row)
    created = _insert(rows)
    return len(created), _connect_generated(created)


def build_curated_connections() -> int:
    """Story connections plus rule-made ones (members of networks, grants, partnerships)."""
    actors = {
        a["slug"]: a
        for a in Actor.objects.filter(slug__in=[s.slug for s in curated_specs()]).values(
            "pk", "slug", "kind", "status", "region_id", "municipality_id"
        )
    }
    wanted = [
        (actors[a]["pk"], kind, actors[b]["pk"])
        for a, kind, b in STORY_CONNECTIONS
        if a in actors and b in actors
    ]
    rng = random.Random(f"{SEED}-connections")
    published = [a for a in actors.values() if a["status"] == Status.PUBLISHED]
    published.sort(key=lambda a: a["slug"])
    by_kind: dict[str, list[dict]] = {}
    for actor in published:
        by_kind.setdefault(actor["kind"], []).append(actor)
    funders = by_kind.get(Kind.FOUNDATION, []) + by_kind.get(Kind.SOCIAL_INVESTOR, [])
    networks = by_kind.get(Kind.NETWORK, [])
    researchers = by_kind.get(Kind.KNOWLEDGE_CENTRE, [])
    municipal = {a["municipality_id"]: a for a in by_kind.get(Kind.MUNICIPALITY, [])}
    municipal_network = actors.get("netvaerk-for-social-innovation-i-kommunerne")
    for actor in published:
        kind, region = actor["kind"], actor["region_id"]
        local_networks = [n for n in networks if n["region_id"] == region]
        if kind in (Kind.SOCIAL_ENTERPRISE, Kind.RSV, Kind.NGO, Kind.OTHER) and local_networks:
            wanted.append((actor["pk"], Link.MEMBER_OF, rng.choice(local_networks)["pk"]))
        if kind in (Kind.SOCIAL_ENTERPRISE, Kind.RSV, Kind.NGO) and funders and rng.random() < 0.5:
            wanted.append((actor["pk"], Link.FUNDED_BY, rng.choice(funders)["pk"]))
        if kind in (Kind.NGO, Kind.SOCIAL_ENTERPRISE) and actor["municipality_id"] in municipal:
            if rng.random() < 0.6:
                partner = municipal[actor["municipality_id"]]
                wanted.append((actor["pk"], Link.PARTNER_OF, partner["pk"]))
        if kind == Kind.MUNICIPALITY and municipal_network:
            wanted.append((actor["pk"], Link.MEMBER_OF, municipal_network["pk"]))
        if kind in (Kind.UNIVERSITY, Kind.BUSINESS) and researchers:
            for other in rng.sample(researchers, k=min(2, len(researchers))):
                wanted.append((actor["pk"], Link.COLLABORATES_WITH, other["pk"]))
    return _create_connections(wanted)


def build_memberships(*, users: dict[str, User]) -> int:
    """Give the demo members their actors; return how many memberships were added."""
    actors = dict(
        Actor.objects.filter(slug__in=[slug for _, slug, _ in MEMBERSHIPS]).values_list(
            "slug", "pk"
        )
    )
    created = 0
    for email, slug, role in MEMBERSHIPS:
        if email in users and slug in actors:
            _, made = Membership.objects.get_or_create(
                user=users[email], actor_id=actors[slug], defaults={"role": role}
            )
            created += made
    return created


def _connect_generated(actors: list[Actor]) -> int:
    """Link about a third of the new actors to an earlier new one, so degrees stay small."""
    wanted = []
    for index, actor in enumerate(actors):
        rng = random.Random(f"{SEED}-link-{actor.slug}")
        if index == 0 or actor.status != Status.PUBLISHED or rng.random() > 0.35:
            continue
        other = actors[rng.randrange(max(0, index - 300), index)]
        if other.status != Status.PUBLISHED:
            continue
        if other.kind == Kind.NETWORK:
            kind = Link.MEMBER_OF
        elif other.kind in (Kind.FOUNDATION, Kind.SOCIAL_INVESTOR):
            kind = Link.FUNDED_BY
        else:
            kind = rng.choice([Link.PARTNER_OF, Link.COLLABORATES_WITH])
        wanted.append((actor.pk, kind, other.pk))
    return _create_connections(wanted)


def _create_connections(wanted: list[tuple[int, str, int]]) -> int:
    wanted = list(dict.fromkeys(w for w in wanted if w[0] != w[2]))
    if not wanted:
        return 0
    existing = set(
        Connection.objects.filter(from_actor__in={w[0] for w in wanted}).values_list(
            "from_actor_id", "kind", "to_actor_id"
        )
    )
    new = [
        Connection(from_actor_id=a, kind=kind, to_actor_id=b)
        for a, kind, b in wanted
        if (a, kind, b) not in existing
    ]
    Connection.objects.bulk_create(new, batch_size=BATCH_SIZE, ignore_conflicts=True)
    return len(new)


def _new_rows(rows: list[Row]) -> list[Row]:
    """The rows whose actor is not in the database yet (by slug, or by name in its place)."""
    slugs = set(
        Actor.objects.filter(slug__in=[r.actor.slug for r in rows]).values_list("slug", flat=True)
    )
    names = _taken_names()
    cvrs = set(Actor.objects.exclude(cvr="").values_list("cvr", flat=True))
    new = []
    for row in rows:
        actor = row.actor
        if (
            actor.slug in slugs
            or (actor.name.lower(), actor.country, actor.municipality_id) in names
        ):
            continue
        if actor.cvr in cvrs:
            actor.cvr = ""  # someone registered with that number: keep theirs
        new.append(row)
    return new


def _taken_names() -> set[tuple[str, str, int | None]]:
    return set(
        Actor.objects.annotate(lower_name=Lower("name")).values_list(
            "lower_name", "country", "municipality_id"
        )
    )


def _insert(rows: list[Row]) -> list[Actor]:
    """bulk_create the actors, then their many-to-many rows, a batch at a time."""
    created: list[Actor] = []
    for batch in _chunks(rows, BATCH_SIZE):
        actors = Actor.objects.bulk_create([row.actor for row in batch])
        created.extend(actors)
        for name in ("themes", "target_groups", "sdgs"):
            pairs = [
                (actor.pk, target)
                for actor, row in zip(actors, batch, strict=True)
                for target in sorted(getattr(row, name))
            ]
            _insert_links(name, pairs)
    return created


def _insert_links(name: str, pairs: list[tuple[int, int]]) -> None:
    """Rows of a many-to-many through table in one statement.

    The ORM's bulk_create would build one model instance per row (about 70,000 for 10,000
    actors), which costs more than all the actors themselves; two arrays unnested by
    PostgreSQL cost nothing.
    """
    if not pairs:
        return
    m2m = Actor._meta.get_field(name)
    quote = connection.ops.quote_name
    table = quote(m2m.remote_field.through._meta.db_table)
    own, other = quote(m2m.m2m_column_name()), quote(m2m.m2m_reverse_name())
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({own}, {other}) "
            "SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING",
            [[a for a, _ in pairs], [b for _, b in pairs]],
        )


def _chunks(items: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _draw_cvr(rng: random.Random, used: set[str]) -> str:
    """A valid CVR number in the 7xxxxxxx range, far above the numbers issued so far."""
    while True:
        number = valid_cvr(rng.randint(7_000_000, 7_999_999))
        if number and number not in used:
            used.add(number)
            return number
