"""The people that the workflow apps' tests share: staff with a second factor in one group,
a member of another organisation, and a maker of rows led by the test's organisation.

A conftest imports the fixtures it offers (`from tests.people import stranger`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import ActorFactory, MembershipFactory, UserFactory


def staff_user(email: str, group: str, **kwargs: Any):
    """A staff member with a second factor, in one staff group."""
    return UserFactory(email=email, staff_mfa=True, groups=[group], **kwargs)


def maker(factory: Callable[..., Any], **defaults: Any) -> Callable[..., Any]:
    """`factory` with `defaults` (the organisation it belongs to) that a test may override."""

    def make(**kwargs: Any) -> Any:
        return factory(**{**defaults, **kwargs})

    return make


@pytest.fixture
def stranger():
    """A member of another organisation."""
    return MembershipFactory(actor=ActorFactory(name="Naboen")).user
