"""Every "one of" rule holds in the database: ten simultaneous registrations of one
organisation abroad (no municipality) make one actor."""

import pytest

from ecosystem import services
from ecosystem.models import Actor
from tests.concurrency import at_once
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

MESSAGE = "Der er allerede registreret en organisation med dette navn i denne kommune."


def abroad(**overrides):
    return {
        "name": "Svensk Social Innovation",
        "kind": Actor.Kind.NGO,
        "role": Actor.Role.PRACTITIONER,
        "scale": Actor.Scale.INTERNATIONAL,
        "short_description_da": "",
        "short_description_en": "A Swedish network.",
        "country": "SE",
        "municipality": None,
        "region": None,
        "cvr": "",
        **overrides,
    }


def test_ten_simultaneous_registrations_abroad_make_one_actor():
    users = [UserFactory(email=f"person{n}@example.se") for n in range(10)]

    def register(user):
        services.register_actor(by=user, values=abroad(), language="en")
        return "created"

    outcomes = at_once(register, users, refused=services.DuplicateActorError)
    assert Actor.objects.filter(name="Svensk Social Innovation").count() == 1
    assert outcomes.count("created") == 1
    assert len(outcomes) == 10
    assert set(outcomes) - {"created"} == {MESSAGE}, outcomes


def test_the_same_name_in_another_country_is_another_organisation():
    owner = UserFactory()
    services.register_actor(by=owner, values=abroad(), language="en")
    services.register_actor(by=owner, values=abroad(country="NO"), language="en")
    assert Actor.objects.filter(name="Svensk Social Innovation").count() == 2
