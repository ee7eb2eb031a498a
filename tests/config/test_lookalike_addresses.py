"""One identity per mailbox (issue 16, findings 1, 2 and 5): an address that reaches the
same mailbox as an account's, or looks like it, never becomes a second account, and the
personal-data registry never hands one person's rows to a look-alike account."""

import importlib

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps as django_apps
from django.core import mail
from django.test import Client

from common import personal_data
from ecosystem.models import User
from policy.personal_data import registrations_of
from tests.factories import PASSWORD, CaseApplicationFactory, RegistrationFactory, UserFactory
from validation.personal_data import applications_of

pytestmark = pytest.mark.django_db

REAL = "sofie@demo.socialinnovation.dk"
LOOK_ALIKES = {
    "dotless ı in the domain": "sofie@demo.soc\u0131alinnovation.dk",
    "zero-width space in the domain": "sofie@demo.socialinnovation.dk\u200b",
    "zero-width space in the local part": "so\u200bfie@demo.socialinnovation.dk",
    "Cyrillic а in the domain": "sofie@demo.soci\u0430linnovation.dk",
    "Cyrillic о in the local part": "s\u043efie@demo.socialinnovation.dk",
    "full-width letters": "\uff53\uff4f\uff46\uff49\uff45@demo.socialinnovation.dk",
    "capitals": "Sofie@Demo.SocialInnovation.DK",
}


def log_in(email: str) -> int:
    return Client().post("/en/accounts/login/", {"login": email, "password": PASSWORD}).status_code


@pytest.mark.parametrize("look_alike", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_look_alike_sign_up_makes_no_second_account_and_the_real_one_still_logs_in(look_alike):
    UserFactory(email=REAL, staff=True, is_superuser=True)
    assert log_in(REAL) == 302
    Client().post(
        "/en/accounts/signup/",
        {
            "full_name": "Mallory",
            "email": look_alike,
            "password1": "a-long-and-unusual-password",
            "password2": "a-long-and-unusual-password",
        },
    )
    assert User.objects.count() == 1
    assert log_in(REAL) == 302
    assert not [m for m in mail.outbox if "/accounts/confirm-email/" in m.body]


def test_a_look_alike_sign_up_is_told_to_use_another_address():
    UserFactory(email=REAL)
    response = Client().post(
        "/en/accounts/signup/",
        {
            "email": LOOK_ALIKES["dotless ı in the domain"],
            "password1": "a-long-and-unusual-password",
            "password2": "a-long-and-unusual-password",
        },
    )
    assert response.status_code == 200
    assert "can be mistaken for another address" in response.content.decode()


def test_the_database_refuses_a_twin_made_past_the_forms():
    UserFactory(email=REAL)
    with pytest.raises(Exception, match="email_key"):
        User.objects.create_user(email="sofie@demo.socialinnovation.dk\u200b")


def test_log_in_matches_the_address_and_never_folds_a_dotless_i():
    """PostgreSQL's UPPER() makes ı an I: `iexact` matched both accounts (500)."""
    real = UserFactory(email=REAL)
    twin = User(email="sofie@demo.socialinnovat\u0131on.dk")
    twin.set_password(PASSWORD)
    twin.save()
    assert log_in(REAL) == 302
    assert User.objects.get_by_natural_key("SOFIE@demo.socialinnovation.dk") == real


def test_the_registry_ignores_a_look_alike_account():
    victim_registration = RegistrationFactory(email="anna@ministeriet.dk", name="Anna Holm")
    CaseApplicationFactory(contact_email="anna@ministeriet.dk")
    look_alike = UserFactory(email="anna@min\u0131steriet.dk")
    assert not registrations_of(look_alike).exists()
    assert not applications_of(look_alike).exists()
    exported = personal_data.export(look_alike)
    assert "Anna Holm" not in str(exported)
    personal_data.erase(look_alike)
    victim_registration.refresh_from_db()
    assert victim_registration.name == "Anna Holm"
    assert victim_registration.anonymised_at is None


def test_the_registry_gives_only_rows_of_the_account_or_its_verified_addresses():
    anna = UserFactory(email="anna@ministeriet.dk")
    mine = RegistrationFactory(email="Anna@Ministeriet.dk")
    unverified = UserFactory(email="bo@ministeriet.dk", verified=False)
    RegistrationFactory(email="bo@ministeriet.dk")
    assert list(registrations_of(anna)) == [mine]
    assert not registrations_of(unverified).exists()


def test_the_migration_keeps_both_twins_and_lists_the_later_one_to_staff(client):
    fill_keys = importlib.import_module(
        "ecosystem.migrations.0017_email_key_and_skeleton"
    ).fill_keys
    older = UserFactory(email=REAL)
    later = UserFactory(email="twin@example.dk")
    # The twin the old sign-up let in, written past save() as the old code stored it.
    User.objects.filter(pk=later.pk).update(email="sofie@demo.socialinnovation.dk\u200b")
    User.objects.update(email_key=None, email_skeleton="")
    fill_keys(django_apps, None)
    assert User.objects.filter(pk__in=[older.pk, later.pk]).count() == 2
    assert User.objects.get(pk=older.pk).email_key == REAL
    assert User.objects.get(pk=later.pk).email_key is None
    staff = UserFactory(email="staff@socialinnovation.dk", staff=True, is_superuser=True)
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    listed = client.get("/en/admin/ecosystem/user/?twin=yes").content.decode()
    assert "sofie@demo.socialinnovation.dk\u200b" in listed
    assert f"/admin/ecosystem/user/{older.pk}/change/" not in listed
