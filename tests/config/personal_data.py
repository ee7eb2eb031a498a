"""What the personal-data tests share: the account's addresses, and the two people of their
worlds with the organisation they share and the one only the other belongs to."""

from __future__ import annotations

from ecosystem.models import Membership
from tests.factories import ActorFactory, MembershipFactory, UserFactory

# Danish addresses, so the pages answer in Danish whatever language a test left active.
ACCOUNT_URL = "/accounts/profile/"
DATA_URL = "/accounts/profile/data/"
DELETE_URL = "/accounts/profile/delete/"


def two_people(person_role: str) -> dict:
    """Karen (`person`, with `person_role` in the shared organisation) and Ole (`other`, an
    owner of both the shared organisation and of his own, `elsewhere`)."""
    person = UserFactory(email="karen@example.dk", full_name="Karen Jensen")
    other = UserFactory(email="ole@example.dk", full_name="Ole Olsen")
    shared = ActorFactory(name="Fælles Forening")
    MembershipFactory(user=person, actor=shared, role=person_role)
    MembershipFactory(user=other, actor=shared, role=Membership.Role.OWNER)
    elsewhere = ActorFactory(name="Oles Egen Virksomhed")
    MembershipFactory(user=other, actor=elsewhere, role=Membership.Role.OWNER)
    return {"person": person, "other": other, "shared": shared, "elsewhere": elsewhere}
