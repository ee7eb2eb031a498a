"""Setting up the second factor leads back to where staff were going: the admin passes
`next`, the set-up keeps it, the recovery codes offer it as the way on; a `next` that
leaves the site is dropped."""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def recently_reauthenticated(client) -> None:
    """allauth asks for the password again before a second factor is added."""
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": timezone.now().timestamp(), "reauthenticated": True}
    ]
    session.save()


def test_the_admin_sends_staff_to_the_set_up_with_where_they_were_going(client):
    client.force_login(UserFactory(staff=True, groups=["moderators"]))
    response = client.get("/admin/ecosystem/actor/?status__exact=pending")
    assert response["Location"] == (
        "/accounts/2fa/totp/activate/?next=%2Fadmin%2Fecosystem%2Factor%2F%3Fstatus__exact%3Dpending"
    )


@pytest.mark.parametrize(
    ("next_url", "kept"),
    [
        ("/admin/policy/event/", True),
        ("https://evil.example/", False),
        ("//evil.example/", False),
        ("javascript:alert(1)", False),
    ],
)
def test_the_set_up_form_keeps_only_a_next_on_this_site(client, next_url, kept):
    client.force_login(UserFactory(staff=True))
    recently_reauthenticated(client)
    response = client.get("/accounts/2fa/totp/activate/", {"next": next_url})
    assert response.status_code == 200
    action = response.context["action_url"]
    assert ("?next=" in action) is kept
    secret = response.context["form"].secret
    assert f'aria-describedby="totp-secret-hint">{secret}</code>' in response.content.decode()


@pytest.mark.parametrize(
    ("staff", "next_url", "way_on"),
    [
        (True, "/admin/policy/event/", "/admin/policy/event/"),
        (True, "https://evil.example/", "/admin/"),
        (True, "", "/admin/"),
        (False, "", "/accounts/profile/"),
    ],
)
def test_the_recovery_codes_offer_the_way_on(client, staff, next_url, way_on):
    user = UserFactory(staff=staff)
    RecoveryCodes.activate(user)
    client.force_login(user)
    response = client.get("/accounts/2fa/recovery-codes/", {"next": next_url} if next_url else {})
    assert response.status_code == 200
    assert f'href="{way_on}">Jeg har gemt koderne – fortsæt</a>' in response.content.decode()
