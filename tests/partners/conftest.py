import datetime

import factory
import pytest

from ecosystem import staff
from ecosystem.models import Membership, Partnership
from partners.models import PartnerApplication, Status, Tier
from tests.factories import ActorFactory, MembershipFactory, UserFactory


class PartnerApplicationFactory(factory.django.DjangoModelFactory):
    """An application in a given state: `PartnerApplicationFactory(status="submitted")`;
    `approved=True` also makes the partnership it created (a term that holds today)."""

    class Meta:
        model = PartnerApplication
        skip_postgeneration_save = True

    actor = factory.SubFactory(ActorFactory)
    tier = Tier.SUPPORTING
    fee_dkk = 25_000
    motivation = "Vi vil bære centret videre."
    status = Status.DRAFT

    class Params:
        approved = factory.Trait(
            status=Status.APPROVED,
            partnership=factory.LazyAttribute(
                lambda o: Partnership.objects.create(
                    actor=o.actor,
                    starts_on=datetime.date.today() - datetime.timedelta(days=30),
                    ends_on=datetime.date.today() + datetime.timedelta(days=335),
                )
            ),
        )


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.dk", language="da")


@pytest.fixture
def actor(owner):
    actor = ActorFactory(name="Ungdomsbroen")
    MembershipFactory(actor=actor, user=owner, role=Membership.Role.OWNER)
    return actor


@pytest.fixture
def editor(actor):
    """A member of the organisation who is not an owner."""
    user = UserFactory(email="editor@example.dk")
    MembershipFactory(actor=actor, user=user, role=Membership.Role.EDITOR)
    return user


@pytest.fixture
def partner_staff():
    user = UserFactory(
        email="moderator@example.dk", staff_mfa=True, groups=[staff.MODERATORS], language="en"
    )
    return user


@pytest.fixture
def other_staff():
    user = UserFactory(email="validator@example.dk", staff_mfa=True, groups=[staff.VALIDATORS])
    return user


@pytest.fixture
def stranger():
    return MembershipFactory(actor=ActorFactory(name="Naboen")).user


@pytest.fixture
def make_application(actor):
    def make(**kwargs):
        kwargs.setdefault("actor", actor)
        return PartnerApplicationFactory(**kwargs)

    return make
