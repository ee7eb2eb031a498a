"""Funding calls and alerts for the tests (kept beside them, so the shared factories file
stays as the other apps left it)."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from ecosystem.models import Actor
from funding.models import Deadline, FundingAlert, FundingOpportunity
from tests.factories import ActorFactory, UserFactory


class FundingOpportunityFactory(factory.django.DjangoModelFactory):
    """A published grant open to NGOs and social enterprises, with one deadline in
    `deadline_days` days (30 unless told; pass deadline_days=None and rolling=True for a
    rolling call, or a list for several rounds)."""

    class Meta:
        model = FundingOpportunity
        skip_postgeneration_save = True

    title_da = factory.Sequence(lambda n: f"Pulje til social innovation {n}")
    title_en = factory.Sequence(lambda n: f"Social innovation fund {n}")
    slug = factory.Sequence(lambda n: f"pulje-{n}")
    funder_name = "Velux Fonden"
    programme = "Fællesskaber"
    kind = FundingOpportunity.Kind.GRANT
    description_da = "Fonden støtter nye fællesskaber for ældre."
    description_en = "The foundation supports new communities for older people."
    amount_min = 100_000
    amount_max = 500_000
    eligible_kinds = factory.LazyFunction(lambda: [Actor.Kind.NGO, Actor.Kind.SOCIAL_ENTERPRISE])
    link = "https://example.org/opslag"
    status = FundingOpportunity.Status.PUBLISHED

    class Params:
        draft = factory.Trait(status=FundingOpportunity.Status.DRAFT)
        closed = factory.Trait(status=FundingOpportunity.Status.CLOSED)

    @factory.post_generation
    def deadline_days(obj, create, extracted, **kwargs):
        if not create or obj.rolling:
            return
        days = [30] if extracted is None else extracted
        days = days if isinstance(days, list | tuple) else [days]
        now = timezone.now()
        Deadline.objects.bulk_create(
            Deadline(opportunity=obj, at=now + timedelta(days=d)) for d in days
        )

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)


class FundingAlertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingAlert

    user = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(ActorFactory)
    language = "da"
