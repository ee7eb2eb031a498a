"""common.workflow: a table of transitions and the one function that applies them.

A small workflow over Actor, declared here, so the tests are about the mechanism and not
about the ecosystem's own table (tests/ecosystem/test_services.py covers that)."""

import pytest
from django.core import mail
from django.utils import timezone, translation

from common.workflow import Transition, TransitionError, Workflow, apply_transition
from ecosystem.models import Actor, ActorLogEntry
from tests.concurrency import at_once
from tests.factories import ActorFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Actor.Status
Log = ActorLogEntry.Action

OWNER_ADDRESS = "owner@example.dk"

TRANSITIONS = {
    "publish": Transition(
        source=Status.DRAFT,
        target=Status.PUBLISHED,
        by="editor",
        log=Log.APPROVED,
        label="Publish",
        not_allowed="only a draft can be published.",
        mail="actor_approved",
    ),
    "archive": Transition(
        source=Status.PUBLISHED,
        target=Status.ARCHIVED,
        by="editor",
        log=Log.ARCHIVED,
        label="Archive",
        not_allowed="only a published actor can be archived.",
        needs_reason=True,
    ),
    "restore": Transition(
        source=Status.ARCHIVED,
        target=Status.PUBLISHED,
        by="admin",
        log=Log.RESTORED,
        label="Restore",
        not_allowed="only an archived actor can be restored.",
    ),
}


def may(user, actor, role):
    if role == "editor":
        return user.is_staff
    if role == "admin":
        return user.is_superuser
    return False


def write_log(actor, transition, user, old_state, reason):
    return ActorLogEntry.objects.create(
        actor=actor,
        user=user,
        action=transition.log,
        changes={"status": [old_state, actor.status]},
        note=reason,
    )


def stamp_publication(actor, transition, reason, now):
    if transition.target == Status.PUBLISHED:
        actor.published_at = now
        return ["published_at"]
    return []


def make_workflow(**overrides) -> Workflow:
    return Workflow(
        **{
            "model": Actor,
            "transitions": TRANSITIONS,
            "may": may,
            "write_log": write_log,
            "recipients": lambda actor, transition: [OWNER_ADDRESS],
            "mail_folder": "ecosystem/email",
            "refusals": {"admin": "Only an administrator can restore."},
            "on_apply": stamp_publication,
            "unknown": "No such step.",
            "reason_needed": "Say why.",
            **overrides,
        }
    )


WORKFLOW = make_workflow()


@pytest.fixture
def editor():
    return UserFactory(email="editor@example.dk", staff=True)


@pytest.fixture
def draft():
    return ActorFactory(draft=True, published_at=None)


def refused(action, actor, by, **kwargs) -> str:
    with pytest.raises(TransitionError) as caught:
        apply_transition(WORKFLOW, actor, action, by=by, **kwargs)
    return str(caught.value.message)


def assert_unchanged(actor, status):
    actor.refresh_from_db()
    assert actor.status == status
    assert not ActorLogEntry.objects.filter(actor=actor).exists()


def test_an_unknown_action_is_refused(draft, editor):
    assert refused("delete", draft, editor) == "No such step."
    assert_unchanged(draft, Status.DRAFT)


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_a_step_that_needs_a_reason_is_refused_without_one(editor, reason):
    actor = ActorFactory()
    assert refused("archive", actor, editor, reason=reason) == "Say why."
    assert_unchanged(actor, Status.PUBLISHED)


def test_a_role_without_a_refusal_message_gets_the_default(draft):
    stranger = UserFactory()
    with translation.override("en"):
        assert refused("publish", draft, stranger) == "You may not take this step."
    assert_unchanged(draft, Status.DRAFT)


def test_a_role_with_a_refusal_message_gets_it(editor):
    actor = ActorFactory(archived=True)
    assert refused("restore", actor, editor) == "Only an administrator can restore."
    assert_unchanged(actor, Status.ARCHIVED)


def test_the_wrong_state_is_refused_with_the_transitions_message(editor):
    actor = ActorFactory(archived=True)
    assert refused("publish", actor, editor) == "only a draft can be published."
    assert_unchanged(actor, Status.ARCHIVED)


def test_the_workflows_wrong_state_message_wins(editor):
    actor = ActorFactory(archived=True, name="Æblehaven")
    workflow = make_workflow(
        wrong_state=lambda row, transition: f"{row.name} is {row.status}: {transition.not_allowed}"
    )
    with pytest.raises(TransitionError) as caught:
        apply_transition(workflow, actor, "publish", by=editor)
    assert caught.value.message == "Æblehaven is archived: only a draft can be published."


def test_the_role_is_checked_before_the_state():
    actor = ActorFactory(draft=True)
    assert refused("restore", actor, UserFactory()) == "Only an administrator can restore."


def test_a_step_changes_the_state_logs_it_and_mails_after_commit(
    draft, editor, django_capture_on_commit_callbacks
):
    before = draft.updated_at
    with django_capture_on_commit_callbacks(execute=True):
        saved = apply_transition(WORKFLOW, draft, "publish", by=editor, language="en")
        assert mail.outbox == []  # not before the commit
    # The row passed in follows, as does the database.
    assert draft.status == saved.status == Status.PUBLISHED
    assert draft.published_at is not None and draft.updated_at > before
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at == saved.published_at
    [entry] = ActorLogEntry.objects.filter(actor=draft)
    assert (entry.user, entry.action, entry.changes) == (
        editor,
        Log.APPROVED,
        {"status": ["draft", "published"]},
    )
    [message] = mail.outbox
    assert message.to == [OWNER_ADDRESS]
    assert draft.name in message.subject
    assert "is now published" in message.subject  # language="en" for a bare address


def test_the_reason_is_logged_stripped(editor):
    actor = ActorFactory()
    apply_transition(WORKFLOW, actor, "archive", by=editor, reason="  Closed down.\n")
    assert ActorLogEntry.objects.get(actor=actor).note == "Closed down."
    assert Actor.objects.get(pk=actor.pk).status == Status.ARCHIVED


def test_a_step_without_mail_sends_none(editor, django_capture_on_commit_callbacks):
    actor = ActorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(WORKFLOW, actor, "archive", by=editor, reason="Closed.")
    assert actor.status == Status.ARCHIVED
    assert mail.outbox == []


def test_a_failing_log_undoes_the_step_and_its_mail(
    draft, editor, django_capture_on_commit_callbacks
):
    def broken_log(*args):
        raise RuntimeError("log table unavailable")

    workflow = make_workflow(write_log=broken_log)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        apply_transition(workflow, draft, "publish", by=editor)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.published_at is None
    assert mail.outbox == []


def test_allowed_lists_the_steps_this_user_may_take_now(editor):
    admin = UserFactory(email="admin@example.dk", staff=True, is_superuser=True)
    stranger = UserFactory()
    draft, published, archived = (
        ActorFactory(draft=True),
        ActorFactory(),
        ActorFactory(archived=True),
    )
    assert WORKFLOW.allowed(draft, editor) == ["publish"]
    assert WORKFLOW.allowed(published, editor) == ["archive"]
    assert WORKFLOW.allowed(archived, editor) == []
    assert WORKFLOW.allowed(archived, admin) == ["restore"]
    assert [WORKFLOW.allowed(a, stranger) for a in (draft, published, archived)] == [[], [], []]


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_same_step_at_once_take_it_once():
    """The row lock: both read "draft"; without it both would publish, log and mail."""
    editors = [UserFactory(email=f"editor{n}@example.dk", staff=True) for n in (1, 2)]
    actor = ActorFactory(draft=True)

    def publish(row_and_editor):
        row, by = row_and_editor
        apply_transition(WORKFLOW, row, "publish", by=by, language="en")
        return "published"

    # Both rows are read before either step starts: both say "draft".
    rows = [(Actor.objects.get(pk=actor.pk), by) for by in editors]
    outcomes = at_once(publish, rows, refused=TransitionError)
    assert sorted(outcomes) == ["only a draft can be published.", "published"]
    assert ActorLogEntry.objects.filter(actor=actor).count() == 1
    assert len(mail.outbox) == 1
    actor.refresh_from_db()
    assert actor.status == Status.PUBLISHED
    assert actor.published_at <= timezone.now()
