"""Demo funding calls for seed_demo: open ones, some closing within days, rolling ones,
closed ones in the archive, and a draft, from Danish foundations, municipalities, the
state and EU programmes, in Danish and English. A history of earlier rounds, published over
the last two years (more each quarter), lets the impact charts show a trend.

With --funding N (the benchmark: 2,000) generated calls are added up to N.
Idempotent: calls are looked up by slug; generated ones are added only up to N.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import formats, timezone, translation

from ecosystem.models import Actor, Region, TargetGroup, Theme
from funding.facets import GENERATION
from funding.models import Deadline, FundingOpportunity, Kind, Scope
from resources.models import Resource

SEED = 20262
BULK_BATCH = 500
K = Actor.Kind
NGO_LIKE = [K.NGO, K.SOCIAL_ENTERPRISE, K.RSV, K.NETWORK]
PUBLIC = [K.MUNICIPALITY, K.REGION]
ALL_KINDS = [value for value, _label in K.choices]


def add_arguments(parser) -> None:
    parser.add_argument(
        "--funding",
        type=int,
        default=None,
        help="How many funding calls in all (default: the demo set; 2000 for benchmarks).",
    )


@dataclass(frozen=True)
class Call:
    slug: str
    funder: str  # an actor's name in the directory, or the funder's own name
    programme: str
    kind: str
    title_da: str
    title_en: str
    text_da: str
    text_en: str
    deadlines: tuple[int, ...]  # days from today; negative: passed; empty: rolling
    published_days_ago: int
    amount: tuple[int | None, int | None] = (None, None)
    currency: str = "DKK"
    eligible: tuple[str, ...] = tuple(NGO_LIKE)
    themes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    scope: str = Scope.NATIONAL
    regions: tuple[str, ...] = ()
    link: str = "https://www.socialinnovation.dk/"
    status: str = "published"
    models: tuple[str, ...] = field(default=("grant",))


CALLS = [
    Call("velux-fonden-aeldre-og-faellesskaber", "Velux Fonden", "Ældre og fællesskaber",
         Kind.GRANT, "Støtte til projekter mod ensomhed blandt ældre",
         "Grants for projects against loneliness among older people",
         "Velux Fonden støtter projekter, der skaber nye fællesskaber for ældre, gerne i "
         "samarbejde mellem frivillige, foreninger og kommuner. Der lægges vægt på, at "
         "indsatsen kan leve videre, når støtten slutter.",
         "The Velux Foundation supports projects that create new communities for older "
         "people, preferably as a partnership of volunteers, associations and municipalities. "
         "Projects should be able to continue when the grant ends.",
         (9,), 40, (100_000, 1_500_000), themes=("active-inclusion",),
         groups=("older-people",), link="https://veluxfondene.dk/"),
    Call("novo-nordisk-fonden-social-innovation", "Novo Nordisk Fonden", "Social innovation",
         Kind.GRANT, "Sociale innovationsprojekter for børn og unges mentale sundhed",
         "Social innovation for the mental health of children and young people",
         "Fonden støtter afprøvning og skalering af nye løsninger, der styrker børn og unges "
         "mentale sundhed. Projekterne skal have en forandringsteori og en plan for at måle "
         "effekten.",
         "The foundation supports testing and scaling new solutions that strengthen the mental "
         "health of children and young people. Projects need a theory of change and a plan to "
         "measure their effect.",
         (5, 96), 60, (500_000, 5_000_000),
         eligible=(*NGO_LIKE, K.UNIVERSITY, K.MUNICIPALITY),
         themes=("access-to-services-and-social-protection",),
         groups=("children-and-young-people", "people-with-mental-illness"),
         link="https://novonordiskfonden.dk/"),
    Call("nordea-fonden-gode-liv", "Nordea-fonden", "Gode liv i lokalsamfundet",
         Kind.GRANT, "Lokale fællesskaber, der giver gode liv",
         "Local communities that make for good lives",
         "Nordea-fonden giver tilskud til foreninger og lokale initiativer, der samler "
         "mennesker om fællesskab, natur, motion og kultur.",
         "The Nordea Foundation gives grants to associations and local initiatives that bring "
         "people together around community, nature, exercise and culture.",
         (33,), 20, (25_000, 400_000), eligible=(K.NGO, K.NETWORK),
         themes=("social-integration-at-risk-of-poverty",), groups=("families",),
         link="https://nordeafonden.dk/"),
    Call("trygfonden-tryghed-udsatte-unge", "TrygFonden", "Tryghed for udsatte unge",
         Kind.GRANT, "Partnerskaber for udsatte unges tryghed",
         "Partnerships for the safety of vulnerable young people",
         "TrygFonden søger partnerskaber mellem civilsamfund og kommuner, der vil udvikle og "
         "dokumentere nye veje til uddannelse og job for unge i udsatte positioner.",
         "TrygFonden seeks partnerships of civil society and municipalities that develop and "
         "document new routes to education and work for young people in vulnerable positions.",
         (12, 70), 35, (250_000, 3_000_000), eligible=(*NGO_LIKE, *PUBLIC),
         themes=("access-to-employment", "equal-access-to-education"),
         groups=("children-and-young-people", "unemployed-people"),
         link="https://www.trygfonden.dk/"),
    Call("sbm-pulje-socialoekonomiske-virksomheder", "Social- og Boligministeriet",
         "Puljen til socialøkonomiske virksomheder", Kind.GRANT,
         "Pulje til udvikling af socialøkonomiske virksomheder",
         "Pool for developing social enterprises",
         "Puljen støtter socialøkonomiske virksomheder, der ansætter eller opkvalificerer "
         "mennesker på kanten af arbejdsmarkedet. Midlerne kan bruges til forretningsudvikling "
         "og rådgivning.",
         "The pool supports social enterprises that employ or upskill people on the edge of "
         "the labour market. The money may pay for business development and advice.",
         (24,), 30, (200_000, 1_000_000), eligible=(K.SOCIAL_ENTERPRISE, K.RSV),
         themes=("access-to-employment", "active-inclusion"), groups=("unemployed-people",),
         link="https://www.sm.dk/"),
    Call("sbm-satspulje-hjemloeshed", "Social- og Boligministeriet",
         "Pulje til nye indsatser mod hjemløshed", Kind.GRANT,
         "Nye indsatser mod hjemløshed blandt unge",
         "New approaches to youth homelessness",
         "Kommuner kan søge om midler til at afprøve boligsociale indsatser efter Housing "
         "First-principperne i samarbejde med frivillige organisationer.",
         "Municipalities may apply for funds to test housing-led support following Housing "
         "First principles together with voluntary organisations.",
         (3,), 75, (1_000_000, 8_000_000), eligible=(K.MUNICIPALITY,),
         themes=("access-to-services-and-social-protection",), groups=("homeless-people",),
         link="https://www.sm.dk/"),
    Call("aarhus-kommune-frivillighedspulje", "Aarhus Kommune", "Frivillighedspuljen",
         Kind.GRANT, "Aarhus Kommunes pulje til frivilligt socialt arbejde",
         "Aarhus Municipality's fund for voluntary social work",
         "Foreninger i Aarhus Kommune kan søge tilskud til frivilligt socialt arbejde efter "
         "servicelovens § 18. Der er ansøgningsfrist to gange om året.",
         "Associations in Aarhus Municipality may apply for grants for voluntary social work "
         "under section 18 of the Social Services Act. There are two deadlines a year.",
         (45, 228), 15, (5_000, 150_000), eligible=(K.NGO,), scope=Scope.REGIONAL,
         regions=("midtjylland",), themes=("active-inclusion",),
         groups=("poverty-and-social-exclusion",), link="https://www.aarhus.dk/"),
    Call("koebenhavns-kommune-samskabelse", "Københavns Kommune", "Samskabelsespuljen",
         Kind.GRANT, "Samskabelse om velfærd i København", "Co-creating welfare in Copenhagen",
         "Puljen støtter partnerskaber mellem Københavns Kommune og civilsamfundet om nye "
         "løsninger for borgere med psykisk sårbarhed.",
         "The fund supports partnerships between the City of Copenhagen and civil society on "
         "new solutions for citizens with mental health problems.",
         (11,), 25, (50_000, 500_000), eligible=(K.NGO, K.SOCIAL_ENTERPRISE),
         scope=Scope.REGIONAL, regions=("hovedstaden",),
         groups=("people-with-mental-illness",), link="https://www.kk.dk/"),
    Call("esf-plus-social-inklusion", "Styrelsen for Erhvervsfremme",
         "Socialfonden Plus (ESF+) 2021–2027", Kind.GRANT,
         "ESF+: Social inklusion og vejen til job", "ESF+: Social inclusion and the way to work",
         "Socialfonden Plus medfinansierer projekter, der bringer mennesker langt fra "
         "arbejdsmarkedet tættere på job og uddannelse. Projekterne skal have offentlig eller "
         "privat medfinansiering.",
         "The European Social Fund Plus co-finances projects that bring people far from the "
         "labour market closer to work and education. Projects need public or private "
         "co-financing.",
         (52,), 50, (1_000_000, 15_000_000), eligible=(*NGO_LIKE, *PUBLIC, K.KNOWLEDGE_CENTRE),
         scope=Scope.EU, themes=("access-to-employment", "active-inclusion"),
         groups=("unemployed-people", "migrants-and-refugees"),
         link="https://erhvervsfremmestyrelsen.dk/"),
    Call("easi-social-innovation-call", "Europa-Kommissionen", "ESF+, EaSI-delprogrammet",
         Kind.GRANT, "EaSI: Innovative løsninger for social inklusion i Europa",
         "EaSI: Social innovations for inclusion across Europe",
         "Europa-Kommissionens EaSI-program støtter tværnationale partnerskaber, der afprøver og "
         "skalerer sociale innovationer. Mindst tre lande skal deltage.",
         "The European Commission's EaSI strand supports transnational partnerships that test "
         "and scale social innovations. At least three countries must take part.",
         (68,), 45, (500_000, 2_500_000), currency="EUR",
         eligible=(*NGO_LIKE, *PUBLIC, K.UNIVERSITY, K.KNOWLEDGE_CENTRE), scope=Scope.EU,
         themes=("integration-of-marginalised-communities",),
         groups=("poverty-and-social-exclusion",),
         link="https://ec.europa.eu/social/easi"),
    Call("easi-microfinance-social-enterprise", "Den Europæiske Investeringsfond",
         "EaSI-garantiordningen", Kind.LOAN,
         "Lån og garantier til socialøkonomiske virksomheder gennem EaSI",
         "Loans and guarantees for social enterprises through EaSI",
         "Socialøkonomiske virksomheder kan få lån op til 500.000 euro gennem banker og "
         "mikrofinansinstitutter, der har en EaSI-garanti.",
         "Social enterprises can get loans of up to EUR 500,000 through banks and microfinance "
         "providers that hold an EaSI guarantee.",
         (), 300, (None, 500_000), currency="EUR", eligible=(K.SOCIAL_ENTERPRISE, K.RSV),
         scope=Scope.EU, themes=("access-to-employment",), link="https://www.eif.org/",
         models=("loan",)),
    Call("social-impact-kapital-tidlig-fase", "Social Impact Kapital", "Tidlig fase",
         Kind.EQUITY, "Egenkapital til socialøkonomiske virksomheder i vækst",
         "Equity for growing social enterprises",
         "Vi investerer 0,5–3 mio. kr. som egenkapital eller konvertible lån i "
         "socialøkonomiske virksomheder med dokumenteret effekt og en plan for vækst.",
         "We invest DKK 0.5–3 million as equity or convertible loans in social enterprises "
         "with documented impact and a plan for growth.",
         (), 200, (500_000, 3_000_000), eligible=(K.SOCIAL_ENTERPRISE, K.RSV, K.BUSINESS),
         themes=("access-to-employment",), models=("equity",)),
    Call("kapital-til-forandring-laan", "Kapital til Forandring", "Brolån",
         Kind.LOAN, "Brolån til socialøkonomiske virksomheder",
         "Bridge loans for social enterprises",
         "Rentefrie brolån, der dækker tiden mellem en bevilling og udbetalingen, så gode "
         "projekter ikke går i stå.",
         "Interest-free bridge loans that cover the time between a grant award and its payment, "
         "so good projects do not stall.",
         (), 150, (50_000, 750_000), eligible=(K.SOCIAL_ENTERPRISE, K.RSV, K.NGO),
         models=("loan",)),
    Call("udfaldskontrakt-beskaeftigelse-midtjylland", "Midtjysk Social Investeringsfond",
         "Sociale resultatkontrakter", Kind.OUTCOMES,
         "Resultatkontrakt: Flere udsatte ledige i job",
         "Outcomes contract: more long-term unemployed people in work",
         "Fonden forudfinansierer en beskæftigelsesindsats, og kommunen betaler kun, hvis "
         "flere borgere kommer i job. Vi søger leverandører og kommuner, der vil være med.",
         "The fund pre-finances an employment programme, and the municipality pays only if "
         "more citizens find work. We seek providers and municipalities to take part.",
         (40,), 28, (2_000_000, 12_000_000), eligible=(K.MUNICIPALITY, K.SOCIAL_ENTERPRISE, K.NGO),
         scope=Scope.REGIONAL, regions=("midtjylland",), themes=("access-to-employment",),
         groups=("unemployed-people",), models=("outcomes",)),
    Call("socialinnovationsprisen", "Fonden for Socialt Ansvar", "Socialinnovationsprisen",
         Kind.PRIZE, "Socialinnovationsprisen 2027", "The Social Innovation Prize 2027",
         "Prisen går til en social innovation, der har vist resultater og kan bruges andre "
         "steder i landet. Vinderen får 250.000 kr. og hjælp til at sprede løsningen.",
         "The prize goes to a social innovation that has shown results and can be used "
         "elsewhere in the country. The winner receives DKK 250,000 and help to spread it.",
         (19,), 55, (250_000, 250_000), eligible=ALL_KINDS, themes=("active-inclusion",)),
    Call("pro-bono-raadgivning", "Kjærs Fond for Socialt Entreprenørskab", "Pro bono-programmet",
         Kind.IN_KIND, "Gratis rådgivning om jura, økonomi og strategi",
         "Free advice on law, finance and strategy",
         "Advokater, revisorer og konsulenter giver 20 timers gratis rådgivning til sociale "
         "iværksættere. Ansøgning hele året.",
         "Lawyers, accountants and consultants give 20 hours of free advice to social "
         "entrepreneurs. Apply at any time.",
         (), 400, eligible=(K.SOCIAL_ENTERPRISE, K.RSV, K.NGO), themes=("adaptation-to-change",),
         models=()),
    # The archive: closed rounds.
    Call("velux-fonden-aeldre-2025", "Velux Fonden", "Ældre og fællesskaber",
         Kind.GRANT, "Støtte til ældres fællesskaber (runde 2025)",
         "Grants for older people's communities (2025 round)",
         "Forrige runde af fondens program for ældre og fællesskaber.",
         "The previous round of the foundation's programme for older people and communities.",
         (-300,), 420, (100_000, 1_500_000), themes=("active-inclusion",),
         groups=("older-people",)),
    Call("sbm-pulje-inklusion-2025", "Social- og Boligministeriet", "Pulje til social inklusion",
         Kind.GRANT, "Pulje til social inklusion af udsatte borgere",
         "Pool for the social inclusion of vulnerable citizens",
         "Puljen er lukket; midlerne er fordelt til 23 projekter.",
         "The pool is closed; the funds went to 23 projects.",
         (-45,), 160, (300_000, 2_000_000), eligible=(*NGO_LIKE, K.MUNICIPALITY),
         themes=("social-integration-at-risk-of-poverty",)),
    Call("nordea-fonden-foraar-2026", "Nordea-fonden", "Gode liv i lokalsamfundet",
         Kind.GRANT, "Lokale fællesskaber (forårsrunden 2026)",
         "Local communities (spring round 2026)",
         "Forårsrunden er afsluttet. Næste runde er åben nu.",
         "The spring round has closed. The next round is open now.",
         (-150,), 260, (25_000, 400_000), eligible=(K.NGO, K.NETWORK), groups=("families",)),
    Call("esf-2024-digital-inklusion", "Styrelsen for Erhvervsfremme",
         "Socialfonden Plus (ESF+) 2021–2027", Kind.GRANT,
         "ESF+: Digitale færdigheder for ledige (2024)",
         "ESF+: Digital skills for unemployed people (2024)",
         "Lukket opslag under Socialfonden Plus.", "A closed call under the ESF+.",
         (-420,), 560, (1_000_000, 10_000_000), scope=Scope.EU,
         eligible=(*NGO_LIKE, *PUBLIC), themes=("lifelong-learning",),
         groups=("unemployed-people",)),
    Call("tidlig-lukket-pulje", "Bornholms Fællesfond", "Fællesskabspuljen",
         Kind.GRANT, "Fællesskabspuljen på Bornholm", "The Bornholm community fund",
         "Puljen er lukket før tid, fordi midlerne er brugt.",
         "The fund closed early because the money has been spent.",
         (60,), 90, (10_000, 100_000), eligible=(K.NGO,), scope=Scope.REGIONAL,
         regions=("hovedstaden",), status="closed"),
    Call("kladde-kommende-pulje", "Social- og Boligministeriet", "Kommende pulje",
         Kind.GRANT, "Kommende pulje til civilsamfundets sociale indsatser (kladde)",
         "Upcoming pool for civil society's social work (draft)",
         "Ikke offentliggjort endnu.", "Not published yet.",
         (120,), 0, (100_000, 1_000_000), status="draft"),
]  # fmt: skip

# The library's financing models (resources/demo_data/library.yaml) that explain each kind,
# by slug: the library's demo owns them; the calls only link them.
MODELS = {
    "grant": ["finansieringsmodeller-overblik", "financing-models-grants-loans-equity"],
    "loan": ["laan-og-egenkapital", "financing-models-grants-loans-equity"],
    "equity": ["laan-og-egenkapital", "financing-models-grants-loans-equity"],
    "outcomes": ["sociale-investeringer-resultatkontrakter", "outcome-funds"],
}


def seed(*, options: dict, stdout) -> None:
    with transaction.atomic():
        created = build_curated()
        history = build_history()
        generated = build_generated(total=options.get("funding"))
    GENERATION.renew()  # bulk inserts send no signals
    stdout.write(
        f"Funding calls: {created + history + generated} added, "
        f"{FundingOpportunity.objects.count()} in all."
    )


def _deadline(days: int, hour: int = 12) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _financing_models() -> dict[str, list[Resource]]:
    found: dict[str, list[Resource]] = {}
    models = (
        Resource.objects.published()
        .filter(kind=Resource.Kind.FINANCING_MODEL)
        .in_bulk(field_name="slug")
    )
    for key, slugs in MODELS.items():
        found[key] = [models[slug] for slug in slugs if slug in models]
    return found


def build_curated() -> int:
    existing = set(FundingOpportunity.objects.values_list("slug", flat=True))
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    actors = {
        a.name: a for a in Actor.objects.published().filter(name__in={c.funder for c in CALLS})
    }
    models = _financing_models()
    now = timezone.now()
    created = 0
    for spec in CALLS:
        if spec.slug in existing:
            continue
        call = FundingOpportunity(
            slug=spec.slug,
            title_da=spec.title_da,
            title_en=spec.title_en,
            description_da=spec.text_da,
            description_en=spec.text_en,
            funder=actors.get(spec.funder),
            funder_name=spec.funder,
            programme=spec.programme,
            kind=spec.kind,
            amount_min=spec.amount[0],
            amount_max=spec.amount[1],
            currency=spec.currency,
            eligible_kinds=list(spec.eligible),
            scope=spec.scope,
            rolling=not spec.deadlines,
            link=spec.link,
            status=spec.status,
        )
        call.save()
        if spec.status != "draft":
            # The date it was first published here, back in time for the demo's history.
            FundingOpportunity.objects.filter(pk=call.pk).update(
                published_at=now - timedelta(days=spec.published_days_ago)
            )
        Deadline.objects.bulk_create(
            Deadline(opportunity=call, at=_deadline(d)) for d in spec.deadlines
        )
        call.themes.set([themes[s] for s in spec.themes if s in themes])
        call.target_groups.set([groups[s] for s in spec.groups if s in groups])
        call.regions.set([regions[s] for s in spec.regions if s in regions])
        call.financing_models.set([r for m in spec.models for r in models.get(m, [])])
        created += 1
    return created


# A curated call's own round in its title ("(forårsrunden 2026)"), left out of earlier rounds.
ROUND_SUFFIX = re.compile(r"\s*\([^)]*\)$")


def build_history() -> int:
    """Earlier rounds of the curated calls, each closed, published over the last two years
    with more in each quarter: enough for the impact charts to show a trend."""
    if FundingOpportunity.objects.filter(slug__startswith="tidligere-runde-").exists():
        return 0
    rng = random.Random(SEED)
    templates = [c for c in CALLS if c.status == "published"]
    themes = list(Theme.objects.all())
    now = timezone.now()
    rows, deadlines, links = [], [], []
    number = 0
    for month in range(24, 0, -1):
        for _ in range(1 + (24 - month) // 6 + rng.randint(0, 2)):
            number += 1
            spec = templates[number % len(templates)]
            published = now - timedelta(days=30 * month + rng.randint(0, 25))
            title_da, title_en = _round_titles(spec, published)
            call = FundingOpportunity(
                slug=f"tidligere-runde-{number}",
                title_da=title_da,
                title_en=title_en,
                description_da=spec.text_da,
                description_en=spec.text_en,
                funder_name=spec.funder,
                programme=spec.programme,
                kind=spec.kind,
                amount_min=spec.amount[0],
                amount_max=spec.amount[1],
                currency=spec.currency,
                eligible_kinds=list(spec.eligible),
                scope=spec.scope,
                link=spec.link,
                status=FundingOpportunity.Status.PUBLISHED,
                published_at=published,
            )
            rows.append(call)
            deadlines.append(published + timedelta(days=rng.randint(20, 28)))
    FundingOpportunity.objects.bulk_create(rows)
    Deadline.objects.bulk_create(
        Deadline(opportunity=call, at=at) for call, at in zip(rows, deadlines, strict=True)
    )
    if themes:
        links = [
            FundingOpportunity.themes.through(fundingopportunity=call, theme=rng.choice(themes))
            for call in rows
        ]
        FundingOpportunity.themes.through.objects.bulk_create(links)
    return len(rows)


def _round_titles(spec, published: datetime) -> tuple[str, str]:
    """An earlier round is named by the month it opened, as funders name their rounds."""
    titles = []
    for language, title, pattern in (
        ("da", spec.title_da, "runden i {}"),
        ("en", spec.title_en, "{} round"),
    ):
        with translation.override(language):
            month = formats.date_format(timezone.localtime(published), "F Y")
        titles.append(f"{ROUND_SUFFIX.sub('', title)} ({pattern.format(month)})")
    return titles[0], titles[1]


def build_generated(*, total: int | None) -> int:
    """Calls for the benchmark, up to `total` in all, in batches; no signals."""
    if not total:
        return 0
    missing = total - FundingOpportunity.objects.count()
    if missing <= 0:
        return 0
    rng = random.Random(SEED + 1)
    themes = list(Theme.objects.all())
    groups = list(TargetGroup.objects.all())
    kinds = [value for value, _label in Kind.choices]
    scopes = [value for value, _label in Scope.choices]
    start = FundingOpportunity.objects.filter(slug__startswith="bench-pulje-").count()
    now = timezone.now()
    created = 0
    for first in range(0, missing, BULK_BATCH):
        batch = []
        for number in range(start + first, start + min(missing, first + BULK_BATCH)):
            spec = CALLS[number % 16]
            batch.append(
                FundingOpportunity(
                    slug=f"bench-pulje-{number + 1}",
                    title_da=f"{spec.title_da} {number + 1}",
                    title_en=f"{spec.title_en} {number + 1}",
                    description_da=spec.text_da,
                    description_en=spec.text_en,
                    funder_name=spec.funder,
                    programme=spec.programme,
                    kind=kinds[number % len(kinds)],
                    amount_min=10_000 * (1 + number % 20),
                    amount_max=10_000 * (1 + number % 20) * (2 + number % 10),
                    eligible_kinds=rng.sample(ALL_KINDS, 4),
                    scope=scopes[number % len(scopes)],
                    rolling=number % 9 == 0,
                    link=spec.link,
                    status=FundingOpportunity.Status.PUBLISHED,
                    published_at=now - timedelta(days=number % 700),
                )
            )
        made = FundingOpportunity.objects.bulk_create(batch)
        Deadline.objects.bulk_create(
            Deadline(opportunity=call, at=_deadline(rng.randint(-400, 300)))
            for call in made
            if not call.rolling
        )
        FundingOpportunity.themes.through.objects.bulk_create(
            FundingOpportunity.themes.through(fundingopportunity=call, theme=theme)
            for call in made
            for theme in rng.sample(themes, min(2, len(themes)))
        )
        FundingOpportunity.target_groups.through.objects.bulk_create(
            FundingOpportunity.target_groups.through(fundingopportunity=call, targetgroup=group)
            for call in made
            for group in rng.sample(groups, min(1, len(groups)))
        )
        created += len(made)
    return created
