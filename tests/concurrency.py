"""Calls made at the same moment, each in its own thread on its own database connection: the
shape of every race test (row locks, unique constraints, seats)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connections


def at_once(
    attempt: Callable[[Any], Any],
    arguments: Iterable[Any],
    *,
    refused: type[Exception] | tuple[type[Exception], ...] = (),
) -> list[Any]:
    """Call `attempt(argument)` for every argument at once (a barrier starts them together).

    Returns one outcome per call, in the order they finished: what `attempt` returned, or
    for an exception of a `refused` type its message (a DomainError's `message`). Any other
    exception is raised here, once every thread has ended, so a test cannot miss it.
    """
    arguments = list(arguments)
    barrier = threading.Barrier(len(arguments))
    outcomes: list[Any] = []
    errors: list[BaseException] = []

    def run(argument: Any) -> None:
        try:
            barrier.wait()
            outcomes.append(attempt(argument))
        except refused as error:
            outcomes.append(str(getattr(error, "message", error)))
        except Exception as error:  # noqa: BLE001 - raised below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return outcomes


def decide_at_once(
    take_step: Callable[[str, Any], Any],
    decisions: dict[str, Any],
    *,
    refused: type[Exception] | tuple[type[Exception], ...],
) -> list[str]:
    """People take different steps on one row at the same moment: `take_step(action, by)`
    for every action → person of `decisions`. Returns the actions that were taken; every
    other one must have been refused with `refused`."""

    def decide(decision: tuple[str, Any]) -> str:
        take_step(*decision)
        return decision[0]

    outcomes = at_once(decide, decisions.items(), refused=refused)
    assert len(outcomes) == len(decisions)
    return [outcome for outcome in outcomes if outcome in decisions]
