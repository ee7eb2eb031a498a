"""seed_demo: the demo ecosystem people click through, and the benchmark size.

The default seed runs once for the module (in a transaction rolled back at the end), so the
tests share it; each test's own changes are rolled back as usual.
"""

import io
import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q
from django.utils import translation
from stdnum.dk import cvr

from ecosystem import demo
from ecosystem.models import SDG, Actor, Connection, Membership, Municipality, Region, User

pytestmark = pytest.mark.django_db

DENMARK = {"latitude": (54.5, 57.8), "longitude": (8.0, 15.3)}


def seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    """How many of each kind of row the seed writes."""
    return {
        "actors": Actor.objects.count(),
        "connections": Connection.objects.count(),
        "memberships": Membership.objects.count(),
        "users": User.objects.count(),
        "themes": Actor.themes.through.objects.count(),
        "target groups": Actor.target_groups.through.objects.count(),
        "sdgs": Actor.sdgs.through.objects.count(),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The default demo set, built once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = seed()
        yield output
        transaction.set_rollback(True)


def test_default_seed_makes_about_150_actors_of_every_kind_in_every_region(seeded):
    actors = Actor.objects.all()
    assert 130 <= actors.count() <= 170
    assert set(actors.values_list("kind", flat=True)) == set(Actor.Kind.values)
    danish = actors.filter(country="DK")
    assert set(danish.values_list("region__code", flat=True)) == set(
        Region.objects.values_list("code", flat=True)
    )
    assert danish.values("municipality").distinct().count() >= 40
    # Real municipalities and regions take part under their real names.
    assert actors.filter(name="Aarhus Kommune", kind=Actor.Kind.MUNICIPALITY).exists()
    assert actors.filter(name="Region Nordjylland", kind=Actor.Kind.REGION).exists()
    assert f"Actors: {actors.count()} added" in seeded


def test_danish_actors_have_a_believable_address_and_a_pin_near_their_municipality(seeded):
    danish = Actor.objects.filter(country="DK").select_related("municipality", "region")
    for actor in danish:
        assert re.fullmatch(r"[0-9]{4}", actor.postcode), actor
        assert actor.city and actor.address, actor
        assert actor.region == actor.municipality.region, actor
        low, high = DENMARK["latitude"]
        assert low <= actor.latitude <= high, actor
        low, high = DENMARK["longitude"]
        assert low <= actor.longitude <= high, actor
        assert abs(actor.latitude - actor.municipality.latitude) < 0.01, actor
        assert abs(actor.longitude - actor.municipality.longitude) < 0.01, actor
        assert actor.website.startswith("https://www.example-"), actor
        assert actor.email.endswith(".dk"), actor
    # Two actors in one town do not share one pin.
    positions = list(danish.values_list("latitude", "longitude"))
    assert len(set(positions)) == len(positions)


def test_descriptions_are_in_both_languages_and_a_few_in_one(seeded):
    actors = Actor.objects.all()
    both = actors.exclude(short_description_da=None).exclude(short_description_en=None)
    assert both.exclude(description_da="").exclude(description_en="").count() >= 130
    only_danish = actors.filter(short_description_en=None)
    only_english = actors.filter(short_description_da=None)
    assert only_danish.exists() and only_english.exists()
    # The other language falls back to the one that is there.
    actor = only_danish.first()
    assert actor.short_description_da
    with translation.override("en"):
        assert actor.short_description == actor.short_description_da


def test_actors_carry_themes_target_groups_sdgs_and_partnership_offers(seeded):
    published = Actor.objects.filter(status=Actor.Status.PUBLISHED)
    assert not published.filter(themes=None).exists()
    assert not published.filter(sdgs=None).exists()
    assert published.exclude(target_groups=None).count() >= 100
    assert published.filter(themes__slug="integration-of-marginalised-communities").exists()
    assert SDG.objects.filter(actors__isnull=False).distinct().count() >= 12
    partners = published.filter(open_to_partnerships=True)
    assert partners.count() >= 15
    assert not partners.filter(partnership_text="").exists()
    assert published.exclude(founded_year=None).count() == published.count()


def test_moderators_have_a_queue_and_members_have_drafts(seeded):
    counts = dict(Actor.objects.values_list("status").annotate(n=Count("id")).order_by())
    assert counts[Actor.Status.PUBLISHED] >= 120
    assert counts[Actor.Status.PENDING] >= 4
    assert counts[Actor.Status.DRAFT] >= 3
    pending = Actor.objects.filter(status=Actor.Status.PENDING)
    assert not pending.filter(submitted_at=None).exists()
    # Varied waiting times, so the admin's "days waiting" filter has something to show.
    assert pending.values("submitted_at__date").distinct().count() >= 3
    assert Actor.objects.filter(status=Actor.Status.DRAFT).exclude(rejection_reason="").exists()


def test_a_handful_of_actors_have_valid_cvr_numbers(seeded):
    numbers = list(Actor.objects.exclude(cvr="").values_list("cvr", flat=True))
    assert len(numbers) >= 10
    assert all(cvr.is_valid(number) for number in numbers)
    assert all(Actor.objects.filter(kind=Actor.Kind.RSV).values_list("cvr", flat=True))


def test_the_consortium_partners_abroad_are_on_the_map(seeded):
    abroad = Actor.objects.exclude(country="DK")
    assert {"BE", "IE", "FI", "CZ", "PL"} <= set(abroad.values_list("country", flat=True))
    assert not abroad.filter(Q(municipality__isnull=False) | Q(region__isnull=False)).exists()
    assert not abroad.filter(Q(latitude=None) | Q(longitude=None)).exists()
    helsinki = abroad.get(country="FI")
    assert abs(helsinki.latitude - 60.17) < 0.05 and helsinki.city == "Helsinki"


def test_connections_of_every_kind_link_the_actors(seeded):
    connections = Connection.objects.all()
    assert set(connections.values_list("kind", flat=True)) == set(Connection.Kind.values)
    assert connections.count() >= 100
    for source, kind, target in demo.STORY_CONNECTIONS:
        assert connections.filter(
            from_actor__slug=source, kind=kind, to_actor__slug=target
        ).exists(), (source, kind, target)
    centre = Actor.objects.get(slug="nationalt-kompetencecenter-for-social-innovation")
    partners_abroad = centre.connections_from.filter(kind=Connection.Kind.PARTNER_OF)
    assert partners_abroad.exclude(to_actor__country="DK").count() == 4


def test_the_demo_member_sees_a_published_and_a_draft_organisation(seeded, client):
    member = User.objects.get(email="medlem@demo.socialinnovation.dk")
    owned = Actor.objects.filter(memberships__user=member, memberships__role="owner")
    assert set(owned.values_list("name", "status")) == {
        ("Café Exit", Actor.Status.PUBLISHED),
        ("Kaffebaren Mangfoldighed", Actor.Status.DRAFT),
    }
    client.force_login(member)
    page = client.get("/en/actors/mine/").content.decode()
    assert "Café Exit" in page and "Kaffebaren Mangfoldighed" in page
    # The other demo members own and edit organisations too, and can log in.
    for email, _name in demo.EXTRA_MEMBERS:
        user = User.objects.get(email=email)
        assert user.is_demo and user.check_password("demo-portal-2026")
        assert user.memberships.exists()
    assert "sofie@demo.socialinnovation.dk" in seeded


def test_running_the_default_seed_twice_adds_nothing(seeded):
    before = snapshot()
    output = seed()
    assert snapshot() == before
    assert "Actors: 0 added" in output


def test_if_empty_leaves_a_database_with_users_alone(seeded):
    Actor.objects.all().delete()
    output = seed("--if-empty")
    assert Actor.objects.count() == 0
    assert "left as it is" in output


def test_the_bench_size_fills_up_to_the_asked_number_and_is_idempotent(seeded):
    seed("--actors", "400")
    actors = Actor.objects.all()
    assert actors.count() == 400
    generated = actors.exclude(slug__in=[s.slug for s in demo.curated_specs()])
    assert generated.count() == 400 - len(demo.curated_specs())
    assert set(generated.values_list("region__code", flat=True)) >= set(
        Region.objects.values_list("code", flat=True)
    )
    assert generated.values("municipality").distinct().count() >= 40
    assert not generated.filter(themes=None).exists()
    assert generated.filter(status=Actor.Status.PUBLISHED).count() >= 200
    # Full-text search finds generated actors by an inflected Danish word and in English.
    assert actors.filter(search_vector=SearchQuery("virksomheder", config="danish")).count() > 20
    assert actors.filter(search_vector=SearchQuery("volunteers", config="english")).exists()

    before = snapshot()
    seed("--actors", "400")
    assert snapshot() == before

    # Asking for more continues where the last run stopped, with the same actors.
    names = set(actors.values_list("slug", flat=True))
    seed("--actors", "450")
    assert Actor.objects.count() == 450
    assert names <= set(Actor.objects.values_list("slug", flat=True))


def test_generated_actors_are_the_same_in_every_run(seeded):
    ref = demo.Reference.load()
    first = [demo.generated_row(number, ref).actor for number in range(300)]
    again = [demo.generated_row(number, ref).actor for number in range(300)]
    assert [(a.slug, a.name, a.latitude, a.cvr) for a in first] == [
        (a.slug, a.name, a.latitude, a.cvr) for a in again
    ]
    assert all(cvr.is_valid(a.cvr) for a in first if a.cvr)
    assert all(len(a.short_description_da or "") <= 300 for a in first)
    assert all(len(a.short_description_en or "") <= 300 for a in first)


def test_a_size_below_the_curated_set_makes_exactly_that_many(seeded):
    Actor.objects.all().delete()
    seed("--actors", "20")
    assert Actor.objects.count() == 20
    with pytest.raises(CommandError):
        seed("--actors", "-1")


def test_every_municipality_has_a_plausible_postcode():
    codes = set(Municipality.objects.values_list("code", flat=True))
    assert set(demo.POSTCODES) == codes
    for places in demo.POSTCODES.values():
        assert all(re.fullmatch(r"[0-9]{4}", postcode) for postcode, _ in places)


def test_valid_cvr_computes_the_modulus_11_check_digit():
    assert demo.valid_cvr(1358562) == "13585628"  # a known valid number
    assert cvr.is_valid(demo.valid_cvr(7000001))
    assert demo.valid_cvr(7000013) is None  # the check digit would be 10: no such number
    assert demo.valid_cvr(123) is None
