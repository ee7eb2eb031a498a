"""The actor workflow and the membership operations, called directly."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.utils import timezone, translation

from ecosystem import services
from ecosystem.models import (
    Actor,
    ActorLogEntry,
    Invitation,
    JoinRequest,
    Membership,
    Municipality,
    Theme,
)
from tests.concurrency import decide_at_once
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.workflow_checks import assert_refused, assert_taken, every_step_from_every_state

pytestmark = pytest.mark.django_db

Status = Actor.Status
ALL_STATUSES = list(Status.values)


@pytest.fixture(autouse=True)
def _in_english():
    """The messages are read in English here, whichever language an earlier test left
    active in this thread (the locale middleware activates one per request)."""
    with translation.override("en"):
        yield


@pytest.fixture
def moderator():
    return UserFactory(email="moderator@example.dk", staff=True, groups=["moderators"])


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.dk")


def actor_in(status: str, owner) -> Actor:
    actor = ActorFactory(status=status, submitted_at=timezone.now())
    MembershipFactory(actor=actor, user=owner, role=Membership.Role.OWNER)
    return actor


# --- Every allowed and every forbidden transition -------------------------------------------

TRANSITIONS = every_step_from_every_state(services.WORKFLOW, ALL_STATUSES)


@pytest.mark.parametrize(("action", "status"), TRANSITIONS)
def test_every_transition_from_every_status(
    action, status, owner, moderator, django_capture_on_commit_callbacks
):
    transition = services.WORKFLOW[action]
    actor = actor_in(status, owner)
    by = owner if transition.by == "member" else moderator
    reason = "The description is missing." if transition.needs_reason else ""

    if status == transition.source:
        with django_capture_on_commit_callbacks(execute=True):
            services.transition_actor(
                actor=actor, action=action, by=by, reason=reason, language="en"
            )
        assert_taken(actor, transition, by, status, reason)
        assert actor.log_entries.get().changes == {"status": [status, transition.target]}
        expected_to = moderator.email if transition.notify == "moderators" else owner.email
        assert [m.to for m in mail.outbox] == [[expected_to]]
    else:
        with pytest.raises(services.ActorTransitionError) as error:
            services.transition_actor(
                actor=actor, action=action, by=by, reason=reason, language="en"
            )
        assert actor.name in str(error.value.message)
        assert_refused(actor, status)
        assert mail.outbox == []


@pytest.mark.parametrize("action", [a for a, t in services.WORKFLOW.items() if t.by == "moderator"])
def test_members_cannot_take_a_moderators_step(action, owner):
    actor = actor_in(services.WORKFLOW[action].source, owner)
    with pytest.raises(services.ActorTransitionError) as error:
        services.transition_actor(actor=actor, action=action, by=owner, reason="x", language="en")
    assert str(error.value.message) == "Only a moderator can do this."
    assert Actor.objects.get(pk=actor.pk).status == services.WORKFLOW[action].source


@pytest.mark.parametrize("who", ["stranger", "moderator", "anonymous"])
def test_only_members_send_their_draft_for_review(who, owner, moderator):
    actor = actor_in(Status.DRAFT, owner)
    by = {
        "stranger": MembershipFactory().user,
        "moderator": moderator,
        "anonymous": AnonymousUser(),
    }[who]
    with pytest.raises(services.ActorTransitionError) as error:
        services.transition_actor(actor=actor, action="submit", by=by, language="en")
    assert "members" in str(error.value.message)
    assert Actor.objects.get(pk=actor.pk).status == Status.DRAFT


def test_an_editor_may_send_for_review_too(owner):
    actor = actor_in(Status.DRAFT, owner)
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR).user
    services.transition_actor(actor=actor, action="submit", by=editor, language="en")
    assert actor.status == Status.PENDING
    assert actor.submitted_at is not None


def test_an_unknown_step_is_refused(owner, moderator):
    actor = actor_in(Status.PENDING, owner)
    with pytest.raises(services.ActorTransitionError):
        services.transition_actor(actor=actor, action="delete", by=moderator)


def test_rejecting_needs_a_reason_and_mails_it_to_every_member(
    owner, moderator, django_capture_on_commit_callbacks
):
    actor = actor_in(Status.PENDING, owner)
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR).user
    with pytest.raises(services.ActorTransitionError) as error:
        services.transition_actor(actor=actor, action="reject", by=moderator, reason="  ")
    assert "reason" in str(error.value.message)

    with django_capture_on_commit_callbacks(execute=True):
        services.transition_actor(
            actor=actor,
            action="reject",
            by=moderator,
            reason="Add an English text.",
            language="en",
        )
    actor.refresh_from_db()
    assert actor.status == Status.DRAFT
    assert actor.rejection_reason == "Add an English text."
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, editor.email])
    message = mail.outbox[0]
    assert message.subject == f"{actor.name} was not approved"
    assert "Add an English text." in message.body
    assert f"/en/actors/{actor.slug}/edit/" in message.body
    assert actor.log_entries.get().note == "Add an English text."


def test_the_mail_follows_the_language_of_the_request(
    owner, moderator, django_capture_on_commit_callbacks
):
    actor = actor_in(Status.PENDING, owner)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_actor(
            actor=actor, action="reject", by=moderator, reason="Mangler tekst.", language="da"
        )
    body = mail.outbox[0].body
    assert f"/aktoerer/{actor.slug}/edit/" in body and "/en/" not in body
    assert mail.outbox[0].reply_to


def test_no_mail_leaves_when_the_transaction_rolls_back(owner, moderator):
    actor = actor_in(Status.PENDING, owner)
    services.transition_actor(actor=actor, action="approve", by=moderator, language="en")
    # pytest-django's transaction never commits here: the mail is still waiting.
    assert mail.outbox == []


def test_approving_publishes_and_resubmitting_clears_the_old_reason(owner, moderator):
    actor = actor_in(Status.PENDING, owner)
    services.transition_actor(actor=actor, action="reject", by=moderator, reason="No text.")
    services.transition_actor(actor=actor, action="submit", by=owner)
    assert actor.rejection_reason == ""
    services.transition_actor(actor=actor, action="approve", by=moderator)
    actor.refresh_from_db()
    assert actor.is_published and actor.published_at is not None
    assert list(
        actor.log_entries.order_by("created_at", "pk").values_list("action", flat=True)
    ) == ["rejected", "submitted", "approved"]


def test_allowed_actions_lists_what_the_user_may_do_now(owner, moderator):
    actor = actor_in(Status.PUBLISHED, owner)
    assert services.allowed_actions(actor=actor, user=moderator) == ["unpublish", "archive"]
    assert services.allowed_actions(actor=actor, user=owner) == []
    actor.status = Status.DRAFT
    assert services.allowed_actions(actor=actor, user=owner) == ["submit"]


@pytest.mark.django_db(transaction=True)
def test_two_moderators_deciding_at_once_give_one_decision():
    """The row lock: approve and reject racing on the same pending actor; one wins."""
    owner = UserFactory(email="owner@example.dk")
    moderator = UserFactory(email="moderator@example.dk", staff=True, groups=["moderators"])
    other = UserFactory(email="moderator2@example.dk", staff=True, groups=["moderators"])
    actor = actor_in(Status.PENDING, owner)

    def decide(action, by):
        actor_now = Actor.objects.get(pk=actor.pk)
        services.transition_actor(actor=actor_now, action=action, by=by, reason="No.")

    decisions = {"approve": moderator, "reject": other}
    taken = decide_at_once(decide, decisions, refused=services.ActorTransitionError)
    assert len(taken) == 1
    assert ActorLogEntry.objects.filter(actor=actor).count() == 1


# --- Registering and editing ----------------------------------------------------------------


def registration_values(**overrides):
    aarhus = Municipality.objects.get(code="751")
    values = {
        "name": "Æblehaven",
        "kind": Actor.Kind.NGO,
        "role": Actor.Role.PRACTITIONER,
        "scale": Actor.Scale.LOCAL,
        "short_description_da": "En have for alle.",
        "short_description_en": "",
        "country": "DK",
        "municipality": aarhus,
        "region": aarhus.region,
        "latitude": aarhus.latitude,
        "longitude": aarhus.longitude,
        "cvr": "13585628",
        "themes": list(Theme.objects.all()[:2]),
    }
    values.update(overrides)
    return values


def test_register_creates_a_pending_actor_owned_by_the_user(
    owner, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actor = services.register_actor(by=owner, values=registration_values(), language="en")
    assert actor.status == Status.PENDING and actor.submitted_at is not None
    assert actor.slug == "aeblehaven"
    assert actor.memberships.get().role == Membership.Role.OWNER
    assert actor.themes.count() == 2
    assert sorted(actor.log_entries.values_list("action", flat=True)) == ["created", "submitted"]
    assert [m.to for m in mail.outbox] == [[moderator.email], [owner.email]]
    assert mail.outbox[0].subject == "New organisation waiting for review: Æblehaven"
    assert f"/en/admin/ecosystem/actor/{actor.pk}/change/" in mail.outbox[0].body
    # The person who registered gets a receipt (19.9).
    assert mail.outbox[1].subject == "We have received your registration of Æblehaven"
    assert "A moderator reviews the registration" in mail.outbox[1].body


def test_register_the_same_organisation_twice_gives_one_actor(owner):
    first = services.register_actor(by=owner, values=registration_values(), language="en")
    with pytest.raises(services.DuplicateActorError) as error:
        services.register_actor(by=owner, values=registration_values(), language="en")
    assert error.value.existing == first
    assert Actor.objects.count() == 1
    assert Membership.objects.count() == 1


def test_the_same_name_in_the_same_municipality_is_a_duplicate(owner):
    first = services.register_actor(by=owner, values=registration_values(), language="en")
    with pytest.raises(services.DuplicateActorError) as error:
        services.register_actor(
            by=owner, values=registration_values(name="ÆBLEHAVEN", cvr=""), language="en"
        )
    assert error.value.existing == first
    assert "name" in str(error.value.message)


def test_slugs_are_unique_readable_and_never_a_url_of_the_app(owner):
    odense = Municipality.objects.get(code="461")
    first = services.register_actor(by=owner, values=registration_values(), language="en")
    second = services.register_actor(
        by=owner,
        values=registration_values(cvr="", municipality=odense, region=odense.region),
        language="en",
    )
    assert (first.slug, second.slug) == ("aeblehaven", "aeblehaven-2")
    assert services.unique_slug("Register") == "register-org"
    assert services.unique_slug("Map") == "map-org"
    assert services.unique_slug("!!!") == "actor"


def test_update_logs_who_changed_which_field_from_what_to_what(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    theme = Theme.objects.first()
    old_name = actor.name
    changes = services.update_actor(
        actor=actor,
        by=owner,
        values={"name": "Nyt navn", "phone": "", "themes": [theme], "city": actor.city},
    )
    assert changes == {"name": [old_name, "Nyt navn"], "themes": [[], [str(theme)]]}
    entry = ActorLogEntry.objects.get(actor=actor)
    assert entry.action == "edited" and entry.user == owner
    assert entry.changes["name"][1] == "Nyt navn"
    actor.refresh_from_db()
    assert actor.name == "Nyt navn" and actor.status == Status.PUBLISHED  # live at once


def test_an_edit_that_changes_nothing_is_not_logged(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    assert services.update_actor(actor=actor, by=owner, values={"name": actor.name}) == {}
    assert not actor.log_entries.exists()


def test_an_edit_to_another_actors_cvr_is_refused_and_nothing_changes(owner):
    ActorFactory(cvr="13585628")
    actor = actor_in(Status.PUBLISHED, owner)
    with pytest.raises(services.DuplicateActorError):
        services.update_actor(actor=actor, by=owner, values={"cvr": "13585628", "name": "X"})
    actor.refresh_from_db()
    assert actor.cvr == "" and actor.name != "X"
    assert not actor.log_entries.exists()


def test_strangers_cannot_update(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    with pytest.raises(services.ActorServiceError):
        services.update_actor(actor=actor, by=UserFactory(), values={"name": "Hacked"})
    assert Actor.objects.get(pk=actor.pk).name != "Hacked"


# --- Members ------------------------------------------------------------------------------


def test_invite_and_accept(owner, django_capture_on_commit_callbacks):
    actor = actor_in(Status.PUBLISHED, owner)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite_member(
            actor=actor, by=owner, email="new@example.dk", language="en"
        )
    assert len(invitation.token) >= 40
    assert mail.outbox[0].to == ["new@example.dk"]
    assert f"/en/actors/invitations/{invitation.token}/" in mail.outbox[0].body

    newcomer = UserFactory(email="New@Example.dk")
    membership = services.accept_invitation(token=invitation.token, user=newcomer)
    assert membership.role == Membership.Role.EDITOR
    assert actor.log_entries.exclude(action="invited").get().action == "member_added"
    with pytest.raises(services.MembershipError, match="already been used"):
        services.accept_invitation(token=invitation.token, user=newcomer)


def test_an_invitation_is_for_the_address_it_was_sent_to(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    invitation = services.invite_member(actor=actor, by=owner, email="a@example.dk", language="en")
    with pytest.raises(services.MembershipError, match="sent to a@example.dk"):
        services.accept_invitation(token=invitation.token, user=UserFactory(email="b@example.dk"))
    assert actor.memberships.count() == 1


def test_an_old_invitation_has_expired(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    invitation = services.invite_member(actor=actor, by=owner, email="a@example.dk", language="en")
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=services.INVITATION_VALID_DAYS + 1)
    )
    with pytest.raises(services.MembershipError, match="expired"):
        services.accept_invitation(token=invitation.token, user=UserFactory(email="a@example.dk"))


def test_inviting_again_replaces_the_old_link_and_members_are_not_invited(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    first = services.invite_member(actor=actor, by=owner, email="a@example.dk", language="en")
    second = services.invite_member(actor=actor, by=owner, email="A@example.dk", language="en")
    assert list(actor.invitations.all()) == [second] and first.token != second.token
    with pytest.raises(services.MembershipError, match="already a member"):
        services.invite_member(actor=actor, by=owner, email=owner.email, language="en")


def test_editors_cannot_invite_or_remove(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR)
    with pytest.raises(services.MembershipError):
        services.invite_member(actor=actor, by=editor.user, email="x@example.dk", language="en")
    with pytest.raises(services.MembershipError):
        services.remove_member(membership=actor.memberships.get(user=owner), by=editor.user)
    assert actor.memberships.count() == 2


def test_the_last_owner_cannot_be_removed_but_an_editor_can(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR)
    own = actor.memberships.get(user=owner)
    with pytest.raises(services.MembershipError, match="at least one owner"):
        services.remove_member(membership=own, by=owner)
    services.remove_member(membership=editor, by=owner)
    assert list(actor.memberships.all()) == [own]
    entry = actor.log_entries.get()
    assert entry.action == "member_removed" and entry.changes["member"] == editor.user.email


def test_one_of_two_owners_may_leave(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    MembershipFactory(actor=actor, role=Membership.Role.OWNER)
    services.remove_member(membership=actor.memberships.get(user=owner), by=owner)
    assert not actor.memberships.filter(user=owner).exists()


def test_join_request_approved_makes_an_editor(owner, django_capture_on_commit_callbacks):
    actor = actor_in(Status.PUBLISHED, owner)
    person = UserFactory(email="person@example.dk")
    with django_capture_on_commit_callbacks(execute=True):
        join_request = services.request_to_join(
            actor=actor, by=person, message="I run the café.", language="en"
        )
    assert mail.outbox[-1].to == [owner.email]
    assert "I run the café." in mail.outbox[-1].body
    with pytest.raises(services.MembershipError, match="already asked"):
        services.request_to_join(actor=actor, by=person, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_join_request(
            join_request=join_request, by=owner, approve=True, language="en"
        )
    assert actor.memberships.get(user=person).role == Membership.Role.EDITOR
    assert mail.outbox[-1].to == [person.email]
    assert mail.outbox[-1].subject == f"You are now a member of {actor.name}"
    with pytest.raises(services.MembershipError, match="already been answered"):
        services.decide_join_request(
            join_request=join_request, by=owner, approve=False, language="en"
        )


def test_join_request_declined_adds_nobody(owner):
    actor = actor_in(Status.PENDING, owner)
    person = UserFactory()
    join_request = services.request_to_join(actor=actor, by=person, language="en")
    services.decide_join_request(join_request=join_request, by=owner, approve=False, language="en")
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DECLINED
    assert join_request.decided_by == owner
    assert not actor.memberships.filter(user=person).exists()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.ARCHIVED])
def test_hidden_actors_take_no_join_requests(status, owner):
    actor = actor_in(status, owner)
    with pytest.raises(services.MembershipError):
        services.request_to_join(actor=actor, by=UserFactory(), language="en")
    assert not JoinRequest.objects.exists()


def test_only_owners_answer_join_requests(owner):
    actor = actor_in(Status.PUBLISHED, owner)
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR).user
    join_request = services.request_to_join(actor=actor, by=UserFactory(), language="en")
    with pytest.raises(services.MembershipError):
        services.decide_join_request(
            join_request=join_request, by=editor, approve=True, language="en"
        )
    assert JoinRequest.objects.get().status == JoinRequest.Status.PENDING
