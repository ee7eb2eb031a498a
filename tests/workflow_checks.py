"""What every app's workflow test checks after a step (common.workflow): the row moved and
one log row says who, from, to, why; or the step was refused and nothing changed."""

from __future__ import annotations

from typing import Any


def every_step_from_every_state(transitions: dict, states: list[str]) -> list[tuple[str, str]]:
    """(action, state) for every step of a workflow table and every state of its model."""
    return [(action, state) for action in transitions for state in states]


def assert_taken(row: Any, transition: Any, by: Any, state: str, reason: str) -> None:
    """The step from `state` was taken: the row is in its target state, with one log row."""
    row.refresh_from_db()
    assert row.status == transition.target
    entry = row.log_entries.get()
    assert (entry.action, entry.user, entry.from_status, entry.to_status, entry.note) == (
        transition.log,
        by,
        state,
        transition.target,
        reason,
    )


def assert_refused(row: Any, state: str) -> None:
    """The step was refused: the row is still in `state` and nothing was logged."""
    row.refresh_from_db()
    assert row.status == state
    assert not row.log_entries.exists()
