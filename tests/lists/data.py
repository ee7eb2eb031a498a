"""A few items in every public list, for the tests of the one list layout."""

from django.utils import timezone

from ecosystem.models import Actor, Municipality
from pages.models import NewsArticle
from policy.models import Outcome, Recommendation
from tests.factories import ActorFactory, CaseApplicationFactory, EventFactory, ResourceFactory
from tests.funding.factories import FundingOpportunityFactory

# Every public list, by URL name: the layout of templates/includes/list.html serves them all.
LISTS = [
    "ecosystem:index",
    "resources:index",
    "validation:index",
    "policy:index",
    "policy:past",
    "policy:recommendations",
    "funding:index",
    "funding:archive",
    "matching:find_partner",
    "pages:news_list",
]
# The lists with filters (the news has none to choose).
FILTERED_LISTS = [name for name in LISTS if name != "pages:news_list"]


def make_every_list() -> dict:
    aarhus = Municipality.objects.get(code="751")
    actors = [
        ActorFactory(
            name=f"Velfærdslab {n}",
            kind=Actor.Kind.NGO if n % 2 else Actor.Kind.MUNICIPALITY,
            municipality=aarhus,
            open_to_partnerships=True,
        )
        for n in range(3)
    ]
    for n in range(3):
        ResourceFactory(title=f"Guide til samskabelse {n}")
        CaseApplicationFactory(actor=actors[n], validated=True, title=f"Job bridges {n}")
        EventFactory(title_da=f"Policylab {n}", title_en=f"Policy lab {n}")
        FundingOpportunityFactory()
    FundingOpportunityFactory(deadline_days=-3)
    past = EventFactory(past=True, title_da="Rundbord om bolig", title_en="Roundtable on housing")
    outcome = Outcome.objects.create(event=past, summary_da="Resultat", is_published=True)
    Recommendation.objects.create(
        outcome=outcome, title_da="Housing First i alle kommuner", level="municipal"
    )
    for n in range(2):
        NewsArticle.objects.create(
            slug=f"nyhed-{n}",
            title_da=f"Nyhed {n}",
            summary_da="Kort.",
            body_da="Tekst.",
            published_at=timezone.now(),
        )
    return {"actors": actors, "past": past}
