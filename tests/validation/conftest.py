import pytest

from ecosystem import staff
from tests.factories import ActorFactory, CaseApplicationFactory, MembershipFactory, UserFactory
from tests.people import maker, staff_user, stranger  # noqa: F401 - stranger is a fixture


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
    return staff_user("validator@example.dk", staff.VALIDATORS)


@pytest.fixture
def other_staff():
    return staff_user("moderator@example.dk", staff.MODERATORS)


@pytest.fixture
def make_case(lead):
    return maker(CaseApplicationFactory, actor=lead)
