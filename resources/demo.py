"""The library's demo content: the curated resources of `demo_data/library.yaml` (about 60,
of every type, Danish first and some in English), each with a real small PDF or DOCX file
written at seed time from its own text, some for partners only; two collections, and a few
demo actors marked as partners. A larger `total` adds plain
resources in bulk for `make bench` (50,000 in well under a minute).

Idempotent: resources, collections and partnerships are looked up by slug or actor first.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from common import demodata
from ecosystem.models import Actor, Membership, Partnership, TargetGroup, Theme
from resources import services
from resources.documents import make_docx, make_pdf
from resources.models import Collection, CollectionItem, Resource

BULK_BATCH = 5000
PARTNER_MEMBER = "medlem@demo.socialinnovation.dk"


def library() -> dict:
    """The curated set of demo_data/library.yaml: `resources` and `collections`."""
    return demodata.load(__file__, "library")


def demo_resources() -> list[dict]:
    return library()["resources"]


@dataclass
class LibraryReport:
    resources_created: int = 0
    resources_total: int = 0
    files_created: int = 0
    partners_created: int = 0


def seed_library(*, total: int | None = None) -> LibraryReport:
    report = LibraryReport()
    rng = random.Random(8)
    themes, groups = list(Theme.objects.all()), list(TargetGroup.objects.all())
    actors = list(Actor.objects.published().order_by("pk")[:30])
    with transaction.atomic():
        _partners(report, actors)
        _seed_demo_set(report)
        _collections()
        count = len(demo_resources())
        if total is not None and total > count:
            _bulk(report, rng, total - count, themes, groups, actors)
    report.resources_total = Resource.objects.count()
    return report


def _partners(report: LibraryReport, actors: list[Actor]) -> None:
    """The demo member's organisations and two more actors are partners of the centre."""
    member_actors = list(
        Membership.objects.filter(user__email=PARTNER_MEMBER).values_list("actor_id", flat=True)
    )
    chosen = set(member_actors[:1]) | {actor.pk for actor in actors[:2]}
    start = timezone.localdate() - datetime.timedelta(days=365)
    for actor_id in sorted(chosen):
        _partnership, created = Partnership.objects.get_or_create(
            actor_id=actor_id, defaults={"starts_on": start, "note": "Demo"}
        )
        report.partners_created += created


def _seed_demo_set(report: LibraryReport) -> None:
    """Each resource of the data file that is missing, with its file written from its text."""
    rows = demo_resources()
    existing = set(
        Resource.objects.filter(slug__in=[r["slug"] for r in rows]).values_list("slug", flat=True)
    )
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    publishers = Actor.objects.in_bulk(
        [r["publisher"] for r in rows if r["publisher"]], field_name="slug"
    )
    now = timezone.now()
    for row in rows:
        if row["slug"] in existing:
            continue
        publisher = publishers.get(row["publisher"])
        resource = Resource.objects.create(
            slug=row["slug"],
            title=row["title"],
            summary=row["summary"],
            body=row["text"][0],  # the file holds the rest
            kind=row["kind"],
            language=row["language"],
            audience=row["audience"],
            access=row["access"],
            authors=publisher.name if publisher else "",
            published_on=row["published"],
            featured=row.get("featured", False),
            external_url=row.get("url", ""),
            status=Resource.Status.PUBLISHED,
            published_at=now,
        )
        resource.themes.set([themes[s] for s in row["themes"] if s in themes])
        resource.target_groups.set([groups[s] for s in row["groups"] if s in groups])
        if publisher:
            resource.publishers.set([publisher])
        if row.get("file"):
            _add_file(resource, row)
            report.files_created += 1
        report.resources_created += 1


def _add_file(resource: Resource, row: dict) -> None:
    """A real PDF or DOCX whose text is the resource's title, summary and text."""
    paragraphs = [row["summary"], *row["text"]]
    kind = row["file"]
    make = make_docx if kind == "docx" else make_pdf
    name = f"{row['slug']}.{kind}"
    upload = SimpleUploadedFile(name, make(row["title"], paragraphs))
    upload.kind = kind
    services.add_file(resource=resource, upload=upload, original_name=name)


def _collections() -> None:
    for position, spec in enumerate(library()["collections"]):
        fields = {k: v for k, v in spec.items() if k not in ("slug", "resources")}
        collection, created = Collection.objects.get_or_create(
            slug=spec["slug"], defaults={**fields, "is_published": True, "position": position}
        )
        if not created:
            continue
        by_slug = Resource.objects.in_bulk(spec["resources"], field_name="slug")
        chosen = [by_slug[slug] for slug in spec["resources"] if slug in by_slug]
        CollectionItem.objects.bulk_create(
            CollectionItem(collection=collection, resource=resource, position=index)
            for index, resource in enumerate(chosen)
        )


def _bulk(report, rng, count: int, themes, groups, actors) -> None:
    """Plain resources for the benchmark, in batches; no signals (the caller renews the
    generation)."""
    existing = set(
        Resource.objects.filter(slug__startswith="bench-ressource-").values_list("slug", flat=True)
    )
    kinds = [value for value, _label in Resource.Kind.choices]
    topics = [(r["title"], r["summary"], r["language"]) for r in demo_resources()]
    now = timezone.now()
    for start in range(0, count, BULK_BATCH):
        batch = []
        for number in range(start, min(count, start + BULK_BATCH)):
            slug = f"bench-ressource-{number + 1}"
            if slug in existing:
                continue
            title, summary, language = topics[number % len(topics)]
            batch.append(
                Resource(
                    title=f"{title} {number + 1}",
                    slug=slug,
                    summary=summary,
                    kind=kinds[number % len(kinds)],
                    language=language,
                    audience="everyone",
                    access="partners" if number % 7 == 0 else "public",
                    status=Resource.Status.PUBLISHED,
                    published_on=datetime.date(2010 + number % 16, 1 + number % 12, 1),
                    published_at=now,
                )
            )
        created = Resource.objects.bulk_create(batch)
        Resource.themes.through.objects.bulk_create(
            Resource.themes.through(resource=r, theme=t)
            for r in created
            for t in (rng.sample(themes, 2) if themes else [])
        )
        Resource.target_groups.through.objects.bulk_create(
            Resource.target_groups.through(resource=r, targetgroup=g)
            for r in created
            for g in (rng.sample(groups, 1) if groups else [])
        )
        if actors:
            Resource.publishers.through.objects.bulk_create(
                Resource.publishers.through(resource=r, actor=rng.choice(actors)) for r in created
            )
        report.resources_created += len(created)
