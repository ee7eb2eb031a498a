"""Setting up the second factor leads back to where staff were going: the admin passes
`next`, the set-up keeps it, the recovery codes offer it as the way on; a `next` that
leaves the site is dropped."""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def signed_in_just_now(client, **kwargs):
    """Signed in, with the password given again (allauth asks for it before a second
    factor is added or its codes shown)."""
    user = UserFactory(**kwargs)
    user.set_password("Secret-pass-123")
    user.save()
    client.force_login(user)
    response = client.post("/accounts/reauthenticate/", {"password": "Secret-pass-123"})
    assert response.status_code == 302
    return user


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
    signed_in_just_now(client, staff=True)
    response = client.get("/accounts/2fa/totp/activate/", {"next": next_url})
    assert response.status_code == 200
    action = response.context["action_url"]
    assert ("?next=" in action) is kept
    secret = response.context["form"].secret
    assert f"<code>{secret}</code>" in response.content.decode()  # the whole secret, as text


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
    user = signed_in_just_now(client, staff=staff)
    RecoveryCodes.activate(user)
    response = client.get("/accounts/2fa/recovery-codes/", {"next": next_url} if next_url else {})
    assert response.status_code == 200
    assert f'href="{way_on}">Jeg har gemt koderne – fortsæt</a>' in response.content.decode()
