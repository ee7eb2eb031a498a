"""common.generations: one stamp per body of data, renewed by every change to it."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from common.generations import Generation, current_many, read
from ecosystem.facets import GENERATION as ECOSYSTEM
from ecosystem.models import Actor, TargetGroup, Theme
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def generation():
    return Generation("test-generation")


@pytest.fixture
def watched():
    """A generation watching Actor and its themes, disconnected afterwards so that no
    other test pays for its signal handlers."""
    generation = Generation("test-watched")
    generation.watch(Actor, relations=["themes"])
    yield generation
    uid = "generation-test-watched-ecosystem.actor"
    post_save.disconnect(sender=Actor, dispatch_uid=uid + "-save")
    post_delete.disconnect(sender=Actor, dispatch_uid=uid + "-delete")
    m2m_changed.disconnect(sender=Actor.themes.through, dispatch_uid=uid + "-themes")


def test_the_stamp_is_stable_until_renewed(generation):
    first = generation.current()
    assert first
    assert generation.current() == first
    # Another object for the same name reads the same stamp: it lives in the cache.
    assert Generation("test-generation").current() == first
    generation.renew()
    assert generation.current() != first


def test_renewing_one_generation_leaves_the_others_alone(generation):
    other = Generation("test-other")
    before = other.current()
    generation.renew()
    assert other.current() == before


def test_renew_in_a_transaction_changes_the_stamp_now_and_again_on_commit(
    generation, django_capture_on_commit_callbacks
):
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        generation.renew()
        during = generation.current()
        assert during != before
    # A request that read the data before the commit stored its result under `during`;
    # the renewal on commit makes that old.
    assert len(callbacks) == 1
    assert generation.current() not in (before, during)


def test_a_renewal_in_a_rolled_back_transaction_queues_nothing(
    generation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                generation.renew()
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []


def test_watch_renews_on_save(watched):
    actor = ActorFactory()
    before = watched.current()
    actor.name = "Nyt navn"
    actor.save()
    assert watched.current() != before


def test_watch_renews_on_create_and_delete(watched):
    before = watched.current()
    actor = ActorFactory()
    created = watched.current()
    assert created != before
    actor.delete()
    assert watched.current() != created


@pytest.mark.parametrize("change", ["add", "remove", "clear", "set", "reverse add"])
def test_watch_renews_on_every_change_of_a_watched_relation(watched, change):
    actor = ActorFactory()
    theme = Theme.objects.order_by("pk").first()
    if change != "add":
        actor.themes.add(theme)
    before = watched.current()
    if change == "add":
        actor.themes.add(theme)
    elif change == "remove":
        actor.themes.remove(theme)
    elif change == "clear":
        actor.themes.clear()
    elif change == "set":
        actor.themes.set([Theme.objects.order_by("pk").last()])
    else:
        Theme.objects.order_by("pk").last().actors.add(actor)
    assert watched.current() != before


def test_watch_leaves_relations_it_was_not_given_alone(watched):
    actor = ActorFactory()
    before = watched.current()
    actor.target_groups.add(TargetGroup.objects.first())
    assert watched.current() == before


def test_the_ecosystem_generation_follows_actor_changes():
    actor = ActorFactory()
    stamps = [ECOSYSTEM.current()]
    actor.short_description_da = "Ny beskrivelse"
    actor.save()
    stamps.append(ECOSYSTEM.current())
    actor.themes.add(Theme.objects.first())
    stamps.append(ECOSYSTEM.current())
    actor.delete()
    stamps.append(ECOSYSTEM.current())
    assert len(set(stamps)) == 4


def test_a_bulk_update_sends_no_signal_so_renew_is_called_by_hand():
    """As the module says: a queryset update() renews nothing by itself."""
    ActorFactory()
    before = ECOSYSTEM.current()
    Actor.objects.update(city="Odense")
    assert ECOSYSTEM.current() == before
    ECOSYSTEM.renew()
    assert ECOSYSTEM.current() != before


def test_read_returns_stamps_and_cached_values_in_one_query(generation, django_assert_num_queries):
    other = Generation("test-other")
    stamps = current_many([generation, other])
    cache.set("test-value", {"counts": [1, 2]})
    with django_assert_num_queries(1):
        found_stamps, values = read([generation, other], ["test-value", "test-absent"])
    assert found_stamps == stamps
    assert values == {"test-value": {"counts": [1, 2]}}


def test_read_creates_a_missing_stamp_and_keeps_it(generation):
    stamps, values = read([generation], ["test-absent"])
    assert stamps[generation.name]
    assert values == {}
    assert generation.current() == stamps[generation.name]
