"""The data model's rules, held by the database itself, and the reference data."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from ecosystem.models import (
    SDG,
    Actor,
    Connection,
    JoinRequest,
    Membership,
    Municipality,
    Region,
    TargetGroup,
    Theme,
)
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def refused(**create) -> bool:
    """True when the database refuses the row (the rule holds even past the forms)."""
    model = create.pop("model")
    try:
        with transaction.atomic():
            model.objects.create(**create)
    except IntegrityError:
        return True
    return False


def test_reference_data_has_every_municipality_region_theme_and_goal():
    assert Region.objects.count() == 5
    assert sorted(Region.objects.values_list("code", flat=True)) == [
        "DK01", "DK02", "DK03", "DK04", "DK05",
    ]  # fmt: skip
    assert Municipality.objects.count() == 98
    for municipality in Municipality.objects.all():
        assert len(municipality.code) == 3 and municipality.code.isdigit()
        assert 54.5 <= municipality.latitude <= 57.8 and 8.0 <= municipality.longitude <= 15.2
    assert Municipality.objects.get(code="101").region.code == "DK01"
    assert Municipality.objects.get(code="751").region.code == "DK04"
    assert Theme.objects.count() == 13
    assert SDG.objects.count() == 17 and SDG.objects.get(number=1).name_da == "Afskaf fattigdom"
    assert TargetGroup.objects.filter(slug="migrants-and-refugees").exists()


def test_names_are_shown_in_the_visitors_language():
    copenhagen = Municipality.objects.get(code="101")
    with translation.override("da"):
        assert copenhagen.name == "København"
    with translation.override("en"):
        assert copenhagen.name == "Copenhagen"


def test_a_description_falls_back_to_the_other_language():
    actor = ActorFactory(short_description_en="", short_description_da="Kun på dansk.")
    with translation.override("en"):
        assert actor.short_description == "Kun på dansk."


def test_cvr_numbers_are_unique_but_many_actors_may_have_none():
    ActorFactory(cvr="13585628")
    municipality = Municipality.objects.get(code="461")
    assert refused(
        model=Actor, name="Kopi", slug="kopi", kind="ngo", role="funder", scale="local",
        short_description_da="x", cvr="13585628", municipality=municipality,
    )  # fmt: skip
    ActorFactory(cvr="")
    ActorFactory(cvr="")
    assert Actor.objects.filter(cvr="").count() == 2


def test_a_name_is_unique_within_a_municipality_whatever_its_case():
    actor = ActorFactory(name="Café Exit")
    assert refused(
        model=Actor, name="CAFÉ EXIT", slug="cafe-exit-2", kind="ngo", role="funder",
        scale="local", short_description_da="x", municipality=actor.municipality,
    )  # fmt: skip
    ActorFactory(name="Café Exit", slug="cafe-exit-odense",
                 municipality=Municipality.objects.get(code="461"))  # fmt: skip


def test_a_position_has_both_coordinates_or_none_and_lies_on_earth():
    base = {"model": Actor, "kind": "ngo", "role": "funder", "scale": "local",
            "short_description_da": "x", "municipality": None}  # fmt: skip
    assert refused(**base, name="A", slug="a", latitude=55.0, longitude=None)
    assert refused(**base, name="B", slug="b", latitude=95.0, longitude=10.0)
    assert refused(**base, name="C", slug="c", latitude=55.0, longitude=200.0)
    assert not refused(**base, name="D", slug="d", latitude=None, longitude=None)


def test_connections_are_typed_unique_and_never_to_oneself():
    first, second = ActorFactory(), ActorFactory()
    Connection.objects.create(from_actor=first, to_actor=second, kind="partner_of")
    assert refused(model=Connection, from_actor=first, to_actor=second, kind="partner_of")
    assert not refused(model=Connection, from_actor=first, to_actor=second, kind="funded_by")
    assert refused(model=Connection, from_actor=first, to_actor=first, kind="member_of")


def test_one_membership_per_person_and_actor_and_one_open_join_request():
    membership = MembershipFactory()
    assert refused(model=Membership, user=membership.user, actor=membership.actor, role="editor")
    asker = UserFactory()
    JoinRequest.objects.create(actor=membership.actor, user=asker)
    assert refused(model=JoinRequest, actor=membership.actor, user=asker)
    JoinRequest.objects.filter(user=asker).update(status="declined")
    assert not refused(model=JoinRequest, actor=membership.actor, user=asker)


def test_the_search_vector_is_kept_current_by_the_database():
    actor = ActorFactory(short_description_da="Vi driver et vaskeri.")
    assert Actor.objects.filter(pk=actor.pk, search_vector="vaskeri").exists()
    actor.short_description_da = "Vi driver et bageri."
    actor.save()
    assert not Actor.objects.filter(pk=actor.pk, search_vector="vaskeri").exists()
    assert Actor.objects.filter(pk=actor.pk, search_vector="bageri").exists()
