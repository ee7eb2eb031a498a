"""Moderators work in the admin: the queue, the workflow actions, the reason, the log."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from ecosystem import staff
from ecosystem.models import Actor, ActorLogEntry, Membership, Region
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/ecosystem/actor/"


@pytest.fixture
def moderator():
    return UserFactory(
        email="mod@example.dk",
        full_name="Mona Moderator",
        staff_mfa=True,
        groups=[staff.MODERATORS],
    )


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def pending():
    actor = ActorFactory(name="Ventende Forening", pending=True, submitted_at=timezone.now())
    MembershipFactory(actor=actor, user=UserFactory(email="owner@example.dk"))
    return actor


def change_form_data(client, actor, **changes) -> dict:
    """What the admin's change form would post back unchanged, plus `changes`."""
    form = client.get(f"{CHANGELIST}{actor.pk}/change/").context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name == "logo" or value is None:
            continue
        if isinstance(value, list | tuple):
            data[name] = [getattr(item, "pk", item) for item in value]
        else:
            data[name] = getattr(value, "pk", value)
    for prefix in ("memberships", "connections_from", "log_entries"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(changes)
    return data


def act(client, action, *actors, **extra):
    data = {"action": action, "_selected_action": [a.pk for a in actors], **extra}
    return client.post(CHANGELIST, data, follow=True)


def test_the_moderators_group_has_its_permissions_from_the_migration():
    codenames = set(
        Group.objects.get(name=staff.MODERATORS).permissions.values_list("codename", flat=True)
    )
    assert {"view_actor", "change_actor", "view_actorlogentry", "change_membership"} <= codenames
    assert "delete_actor" not in codenames


def test_the_queue_shows_pending_actors_first_the_longest_waiting_on_top(moderator_client):
    ActorFactory(name="Aaa Published")
    ActorFactory(name="New", pending=True, submitted_at=timezone.now())
    ActorFactory(name="Old", pending=True, submitted_at=timezone.now() - timedelta(days=10))
    page = moderator_client.get(CHANGELIST).content.decode()
    assert page.index(">Old</a>") < page.index(">New</a>") < page.index(">Aaa Published</a>")
    assert "days waiting" in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("status__exact=pending", ["Waiting long", "Waiting short"], ["Published one"]),
        ("waiting=gt7", ["Waiting long"], ["Waiting short", "Published one"]),
        ("waiting=lt3", ["Waiting short"], ["Waiting long"]),
        ("kind__exact=ngo", ["Published one"], ["Waiting long"]),
    ],
)
def test_the_queue_filters(moderator_client, query, shown, hidden):
    now = timezone.now()
    ActorFactory(name="Waiting long", pending=True, submitted_at=now - timedelta(days=9))
    ActorFactory(name="Waiting short", pending=True, submitted_at=now - timedelta(hours=5))
    ActorFactory(name="Published one", kind=Actor.Kind.NGO)
    page = moderator_client.get(f"{CHANGELIST}?{query}").content.decode()
    assert all(name in page for name in shown)
    assert not any(f">{name}<" in page for name in hidden)


def test_filter_by_region(moderator_client):
    north = Region.objects.get(code="DK05")
    ActorFactory(name="Nordligt", municipality=north.municipalities.first())
    ActorFactory(name="Sydligt")
    page = moderator_client.get(f"{CHANGELIST}?region__id__exact={north.pk}").content.decode()
    assert ">Nordligt<" in page and ">Sydligt<" not in page


def test_approve_publishes_logs_and_mails(
    moderator_client, moderator, pending, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = act(moderator_client, "approve", pending)
    assert "1 actor was approved and published." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Actor.Status.PUBLISHED
    entry = pending.log_entries.get()
    assert (entry.action, entry.user) == (ActorLogEntry.Action.APPROVED, moderator)
    assert mail.outbox[0].to == ["owner@example.dk"]
    assert mail.outbox[0].subject == "Ventende Forening is now published"


def test_reject_asks_for_a_reason_on_its_own_page_and_mails_it(
    moderator_client, pending, django_capture_on_commit_callbacks
):
    page = act(moderator_client, "reject", pending).content.decode()
    assert "Reject actors" in page and "Ventende Forening" in page and 'name="reason"' in page
    # The page's form posts the same action again, for the same actor.
    assert f'name="_selected_action" value="{pending.pk}"' in page
    assert 'name="action" value="reject"' in page
    page = act(moderator_client, "reject", pending, apply="1", reason="").content.decode()
    assert "This field is required." in page
    assert Actor.objects.get(pk=pending.pk).status == Actor.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            moderator_client,
            "reject",
            pending,
            apply="1",
            reason="Please describe what you do in English too.",
        )
    assert "1 actor was rejected; the reason was sent by e-mail." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Actor.Status.DRAFT
    assert pending.rejection_reason == "Please describe what you do in English too."
    assert "Please describe what you do in English too." in mail.outbox[0].body
    assert pending.log_entries.get().note == "Please describe what you do in English too."


@pytest.mark.parametrize(
    ("action", "before", "after", "message"),
    [
        ("unpublish", "published", "draft", "1 actor was unpublished."),
        ("archive", "published", "archived", "1 actor was archived."),
        ("restore", "archived", "published", "1 actor was published again."),
    ],
)
def test_unpublish_archive_and_restore(moderator_client, action, before, after, message):
    actor = ActorFactory(status=before)
    response = act(moderator_client, action, actor)
    assert message in response.content.decode()
    actor.refresh_from_db()
    assert actor.status == after


def test_a_forbidden_step_is_refused_with_the_reason(moderator_client):
    draft = ActorFactory(name="Kladden", draft=True)
    response = act(moderator_client, "approve", draft)
    assert "only an actor waiting for review can be approved" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Actor.Status.DRAFT and not draft.log_entries.exists()


def test_the_change_page_shows_history_members_connections_and_the_next_steps(
    moderator_client, moderator, pending
):
    ActorLogEntry.objects.create(
        actor=pending, user=moderator, action="edited", changes={"city": ["Aarhus", "Odense"]}
    )
    page = moderator_client.get(f"{CHANGELIST}{pending.pk}/change/").content.decode()
    assert "city: Aarhus → Odense" in page
    owner = pending.memberships.get().user
    assert f"{owner.full_name} – Ventende Forening (Owner)" in page  # the members
    assert 'id="connections_from-group"' in page  # the connections
    assert "Approve and publish" in page and "Reject with a reason" in page
    assert "Unpublish" not in page


def test_a_moderators_edit_is_logged_field_by_field(moderator_client, moderator):
    actor = ActorFactory(name="Før", city="Aarhus")
    data = change_form_data(moderator_client, actor, name="Efter", city="Odense")
    response = moderator_client.post(f"{CHANGELIST}{actor.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = actor.log_entries.get()
    assert entry.user == moderator
    assert entry.changes["name"] == ["Før", "Efter"] and entry.changes["city"] == [
        "Aarhus",
        "Odense",
    ]


def test_actors_cannot_be_added_or_deleted_in_the_admin(moderator_client, pending):
    assert moderator_client.get(f"{CHANGELIST}add/").status_code == 403
    assert moderator_client.get(f"{CHANGELIST}{pending.pk}/delete/").status_code == 403


@pytest.mark.parametrize("group", [staff.EDITORS, staff.VALIDATORS, staff.EVENT_MANAGERS])
def test_other_staff_cannot_see_actors_in_the_admin(client, pending, group):
    client.force_login(UserFactory(staff_mfa=True, groups=[group]))
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{pending.pk}/change/").status_code == 403


def test_staff_given_actor_permissions_by_hand_still_need_the_moderators_group(client, pending):
    user = UserFactory(staff_mfa=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_actor", "change_actor"])
    )
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 403
    response = client.post(CHANGELIST, {"action": "approve", "_selected_action": [pending.pk]})
    assert response.status_code == 403
    assert Actor.objects.get(pk=pending.pk).status == Actor.Status.PENDING


def test_a_superuser_moderates_too(client, pending):
    client.force_login(UserFactory(staff_mfa=True, is_superuser=True))
    act(client, "approve", pending)
    assert Actor.objects.get(pk=pending.pk).status == Actor.Status.PUBLISHED


def test_reference_data_is_read_only_for_moderators(moderator_client):
    assert moderator_client.get("/en/admin/ecosystem/municipality/").status_code == 200
    assert moderator_client.get("/en/admin/ecosystem/municipality/add/").status_code == 403
    assert moderator_client.get("/en/admin/ecosystem/region/").status_code == 200


def test_membership_changes_in_the_admin_are_logged(moderator_client, moderator, pending):
    membership = pending.memberships.get()
    data = change_form_data(moderator_client, pending)
    data.update(
        {
            "memberships-TOTAL_FORMS": 1,
            "memberships-INITIAL_FORMS": 1,
            "memberships-0-id": membership.pk,
            "memberships-0-actor": pending.pk,
            "memberships-0-user": membership.user_id,
            "memberships-0-role": "editor",
        }
    )
    response = moderator_client.post(f"{CHANGELIST}{pending.pk}/change/", data)
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == "editor"
    entry = pending.log_entries.get()
    assert entry.user == moderator and entry.changes["member"] == "owner@example.dk"
