"""A person's staff roles are read once per request (ecosystem.staff), and again after a
change of their groups; an admin list asks for them once, however long it is."""

import pytest
from django.contrib.auth.models import Group

from ecosystem import staff
from ecosystem.models import Actor
from ecosystem.permissions import can_manage_partnerships, is_moderator
from impact.permissions import can_see_dashboard
from policy.permissions import is_event_manager
from resources.permissions import is_editor
from tests.factories import ActorFactory, UserFactory
from validation.permissions import is_validator

pytestmark = pytest.mark.django_db


def test_every_role_question_costs_one_query_and_a_change_is_seen(
    django_assert_num_queries,
):
    person = UserFactory(staff_mfa=True, groups=[staff.EDITORS])
    with django_assert_num_queries(1):
        assert is_editor(person) and can_manage_partnerships(person)
        assert can_see_dashboard(person)
        assert not (is_moderator(person) or is_validator(person) or is_event_manager(person))
    person.groups.add(Group.objects.get(name=staff.MODERATORS))
    assert is_moderator(person)
    person.groups.remove(Group.objects.get(name=staff.EDITORS))
    assert not is_editor(person)
    assert is_moderator(person)


def test_the_moderation_queue_runs_the_same_queries_for_5_and_for_60_actors(
    client, django_assert_num_queries
):
    moderator = UserFactory(staff_mfa=True, groups=[staff.MODERATORS])
    client.force_login(moderator)
    url = "/en/admin/ecosystem/actor/?status__exact=pending"
    ActorFactory.create_batch(5, status=Actor.Status.PENDING)
    client.get(url)
    with django_assert_num_queries(9) as few:
        assert client.get(url).status_code == 200
    ActorFactory.create_batch(55, status=Actor.Status.PENDING)
    with django_assert_num_queries(len(few)):
        body = client.get(url).content.decode()
    assert body.count('name="_selected_action"') == 50  # a page of 50
