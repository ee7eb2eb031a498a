import pytest

from ecosystem import staff
from tests.factories import ActorFactory, CaseApplicationFactory, MembershipFactory, UserFactory


@pytest.fixture
def member():
    return UserFactory(email="member@example.dk")


@pytest.fixture
def lead(member):
    actor = ActorFactory(name="Ungdomsbroen")
    MembershipFactory(actor=actor, user=member)
    return actor


@pytest.fixture
def validator():
    user = UserFactory(email="validator@example.dk", staff_mfa=True, groups=[staff.VALIDATORS])
    return user


@pytest.fixture
def other_staff():
    user = UserFactory(email="moderator@example.dk", staff_mfa=True, groups=[staff.MODERATORS])
    return user


@pytest.fixture
def stranger():
    return MembershipFactory(actor=ActorFactory(name="Naboen")).user


@pytest.fixture
def make_case(lead):
    def make(**kwargs):
        kwargs.setdefault("actor", lead)
        return CaseApplicationFactory(**kwargs)

    return make
