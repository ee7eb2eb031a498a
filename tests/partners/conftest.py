import datetime

import factory
import pytest

from ecosystem import staff
from ecosystem.models import Membership, Partnership
from partners.models import PartnerApplication, Status, Tier
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.people import maker, staff_user, stranger  # noqa: F401 - stranger is a fixture


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
    return staff_user("moderator@example.dk", staff.MODERATORS, language="en")


@pytest.fixture
def other_staff():
    return staff_user("validator@example.dk", staff.VALIDATORS)


@pytest.fixture
def make_application(actor):
    return maker(PartnerApplicationFactory, actor=actor)
