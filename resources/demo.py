"""The library's demo content: about 60 resources of every type in both languages, with
real small PDF and DOCX files whose text is searchable, some for partners only, two
collections, and a few demo actors marked as partners. A larger `total` adds plain
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

from ecosystem.models import Actor, Membership, Partnership, TargetGroup, Theme
from resources import services
from resources.documents import make_docx, make_pdf
from resources.models import Collection, CollectionItem, Resource

DEMO_COUNT = 60
BULK_BATCH = 5000
PARTNER_MEMBER = "medlem@demo.socialinnovation.dk"

TOPICS_DA = [
    ("Finansieringsmodeller for social innovation", "Sociale investeringer, resultatkontrakter og fonde: sådan finansieres nye løsninger."),  # noqa: E501
    ("Kom godt i gang med social innovation i kommunen", "En trin-for-trin-vejledning til kommuner, der vil udvikle velfærden sammen med borgerne."),  # noqa: E501
    ("Samskabelse med civilsamfundet", "Metoder til at skabe løsninger sammen med foreninger og frivillige."),  # noqa: E501
    ("Effektmåling af sociale indsatser", "Sådan dokumenterer du, hvad en indsats skaber for borgerne."),  # noqa: E501
    ("Socialøkonomiske virksomheder i Danmark", "Status over de registrerede socialøkonomiske virksomheder og deres vilkår."),  # noqa: E501
    ("Partnerskaber mellem kommuner og fonde", "Erfaringer med at bygge partnerskaber om finansiering af nye indsatser."),  # noqa: E501
]  # fmt: skip
TOPICS_EN = [
    ("Financing models for social innovation", "Social impact bonds, outcome funds and blended finance explained for practitioners."),  # noqa: E501
    ("Scaling social innovation across Europe", "What it takes to bring a proven local solution to other countries."),  # noqa: E501
    ("Measuring social impact", "A practical guide to evidence, indicators and evaluation."),
    ("Policy brief: public procurement for social outcomes", "How public buyers can reward social value."),  # noqa: E501
    ("Social economy in the Nordic countries", "A comparative report on the social economy's size and support."),  # noqa: E501
    ("Co-creation toolkit for municipalities", "Exercises and templates for co-creating services with citizens."),  # noqa: E501
]  # fmt: skip


@dataclass
class LibraryReport:
    resources_created: int = 0
    resources_total: int = 0
    files_created: int = 0
    partners_created: int = 0


def _paragraphs(title: str, summary: str, number: int, language: str) -> list[str]:
    """A file's text, all of it in the resource's own language."""
    if language == "da":
        return [
            summary,
            f"{title}. Denne ressource indeholder eksempler, erfaringer og anbefalinger. "
            "Finansiering, partnerskaber og samskabelse er centrale temaer.",
            f"Ressource nummer {number} i demobiblioteket.",
        ]
    return [
        summary,
        f"{title}. This resource holds examples, experience and recommendations.",
        "Financing, partnerships and co-creation are central themes of this resource, "
        f"number {number} in the demo library.",
    ]


def _demo_resources(rng: random.Random) -> list[dict]:
    kinds = [value for value, _label in Resource.Kind.choices]
    audiences = [value for value, _label in Resource.Audience.choices]
    rows = []
    for number in range(DEMO_COUNT):
        danish = number % 2 == 0
        topics = TOPICS_DA if danish else TOPICS_EN
        title, summary = topics[(number // 2) % len(topics)]
        access = "public"
        if number % 5 == 3:
            access = "partners"
        elif number % 11 == 7:
            access = "registered"
        elif number == 59:
            access = "staff"
        rows.append(
            {
                "title": f"{title} ({number + 1})",
                "slug": f"demo-ressource-{number + 1}",
                "summary": summary,
                "body": f"## {'Indhold' if danish else 'Contents'}\n\n{summary}\n\n"
                f"- {'Baggrund' if danish else 'Background'}\n- "
                f"{'Eksempler' if danish else 'Examples'}\n",
                "kind": kinds[number % len(kinds)],
                "language": "da" if danish else "en",
                "audience": audiences[number % len(audiences)],
                "access": access,
                "authors": "Kompetencecentret for social innovation",
                "published_on": datetime.date(2018 + number % 8, 1 + number % 12, 1),
                "featured": number < 4,
            }
        )
    return rows


def seed_library(*, total: int | None = None) -> LibraryReport:
    report = LibraryReport()
    rng = random.Random(8)
    themes, groups = list(Theme.objects.all()), list(TargetGroup.objects.all())
    actors = list(Actor.objects.published().order_by("pk")[:30])
    with transaction.atomic():
        _partners(report, actors)
        demo = _seed_demo_set(report, rng, themes, groups, actors)
        _collections(demo)
        if total is not None and total > DEMO_COUNT:
            _bulk(report, rng, total - DEMO_COUNT, themes, groups, actors)
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


def _seed_demo_set(report, rng, themes, groups, actors) -> list[Resource]:
    existing = {r.slug: r for r in Resource.objects.filter(slug__startswith="demo-ressource-")}
    resources = []
    for number, row in enumerate(_demo_resources(rng)):
        resource = existing.get(row["slug"])
        if resource is None:
            resource = Resource.objects.create(
                **row, status=Resource.Status.PUBLISHED, published_at=timezone.now()
            )
            resource.themes.set(rng.sample(themes, 2) if themes else [])
            resource.target_groups.set(rng.sample(groups, 2) if groups else [])
            if actors:
                resource.publishers.set([actors[number % len(actors)]])
            if row["kind"] != Resource.Kind.LINK:
                _add_file(resource, number)
                report.files_created += 1
            else:
                resource.external_url = "https://socialinnovation.dk/"
                resource.save(update_fields=["external_url"])
            report.resources_created += 1
        resources.append(resource)
    return resources


def _add_file(resource: Resource, number: int) -> None:
    paragraphs = _paragraphs(resource.title, resource.summary, number, resource.language)
    if number % 3 == 2:
        content, kind, name = make_docx(resource.title, paragraphs), "docx", "notat.docx"
    else:
        content, kind, name = make_pdf(resource.title, paragraphs), "pdf", "rapport.pdf"
    upload = SimpleUploadedFile(name, content)
    upload.kind = kind
    services.add_file(resource=resource, upload=upload, original_name=name)


COLLECTIONS = [
    (
        "finansiering-af-social-innovation",
        "Finansiering af social innovation",
        "Financing social innovation",
        "Modeller, fonde og erfaringer med at finansiere nye sociale løsninger.",
        "Models, funds and experience in financing new social solutions.",
        "Financing",
    ),
    (
        "kom-i-gang-i-kommunen",
        "Kom i gang med social innovation i en kommune",
        "Getting started with social innovation in a municipality",
        "Det første, en kommune bør læse: metoder, cases og skabeloner.",
        "What a municipality should read first: methods, cases and templates.",
        "",
    ),
]


def _collections(resources: list[Resource]) -> None:
    for position, (slug, title_da, title_en, intro_da, intro_en, word) in enumerate(COLLECTIONS):
        collection, created = Collection.objects.get_or_create(
            slug=slug,
            defaults={
                "title_da": title_da,
                "title_en": title_en,
                "introduction_da": intro_da,
                "introduction_en": intro_en,
                "is_published": True,
                "position": position,
            },
        )
        if not created:
            continue
        chosen = [r for r in resources if word in r.title or "Finansiering" in r.title][:8]
        if not word:
            chosen = resources[1:40:5]
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
    topics = TOPICS_DA + TOPICS_EN
    now = timezone.now()
    for start in range(0, count, BULK_BATCH):
        batch = []
        for number in range(start, min(count, start + BULK_BATCH)):
            slug = f"bench-ressource-{number + 1}"
            if slug in existing:
                continue
            title, summary = topics[number % len(topics)]
            batch.append(
                Resource(
                    title=f"{title} {number + 1}",
                    slug=slug,
                    summary=summary,
                    kind=kinds[number % len(kinds)],
                    language="da" if (number % len(topics)) < len(TOPICS_DA) else "en",
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
