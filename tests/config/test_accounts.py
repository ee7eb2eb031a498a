import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from ecosystem.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"


def signup(client, url=SIGNUP, **overrides):
    data = {
        "full_name": "Karen Jensen",
        "email": "karen@example.dk",
        "password1": "a-long-and-unusual-password",
        "password2": "a-long-and-unusual-password",
        **overrides,
    }
    return client.post(url, data)


def test_sign_up_sends_a_verification_mail_and_keeps_the_name(client):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="karen@example.dk")
    assert user.full_name == "Karen Jensen"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_sign_up_mail_is_in_danish_for_a_danish_visitor(client):
    signup(client, url="/accounts/signup/")
    assert len(mail.outbox) == 1
    assert "Bekræft" in mail.outbox[0].subject or "bekræft" in mail.outbox[0].body


def test_a_taken_email_is_refused_with_a_clear_message_and_nothing_is_created(client):
    UserFactory(email="karen@example.dk")
    response = signup(client, email="Karen@Example.dk")
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert User.objects.filter(email__iexact="karen@example.dk").count() == 1
    assert mail.outbox == []


def test_a_weak_password_is_refused_and_what_was_typed_is_kept(client):
    response = signup(client, password1="12345678", password2="12345678")
    html = response.content.decode()
    assert response.status_code == 200
    assert "too short" in html or "too common" in html
    assert 'value="karen@example.dk"' in html and 'value="Karen Jensen"' in html
    assert not User.objects.filter(email="karen@example.dk").exists()


def test_a_weak_password_message_is_danish_on_the_danish_page(client):
    response = signup(client, url="/accounts/signup/", password1="12345678", password2="12345678")
    assert "for kort" in response.content.decode() or "for almindelig" in response.content.decode()


def test_verification_link_verifies_and_a_broken_link_says_so(client):
    signup(client)
    link = re.search(r"(/en/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    broken = link[:-6] + "XXXXX/"
    response = client.get(broken)
    assert response.status_code == 404 or "expired or is invalid" in response.content.decode()
    assert not EmailAddress.objects.get(email="karen@example.dk").verified

    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="karen@example.dk").verified


def test_an_expired_verification_link_is_refused(client, settings):
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 0
    signup(client)
    link = re.search(r"(/en/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link)
    assert "expired or is invalid" in response.content.decode()
    client.post(link)
    assert not EmailAddress.objects.get(email="karen@example.dk").verified


def test_unverified_user_cannot_log_in(client):
    UserFactory(email="new@example.dk", verified=False)
    response = client.post("/en/accounts/login/", {"login": "new@example.dk", "password": PASSWORD})
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_login_and_logout(client):
    UserFactory(email="member@example.dk", full_name="Mads Medlem")
    response = client.post(
        "/en/accounts/login/", {"login": "member@example.dk", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "Mads Medlem" in client.get("/en/accounts/profile/").content.decode()
    client.post("/en/accounts/logout/")
    assert client.get("/en/accounts/profile/").status_code == 302


def test_many_wrong_passwords_are_rate_limited(client):
    UserFactory(email="member@example.dk")
    for _ in range(5):
        response = client.post(
            "/en/accounts/login/", {"login": "member@example.dk", "password": "wrong"}
        )
        assert "not correct" in response.content.decode()
    response = client.post(
        "/en/accounts/login/", {"login": "member@example.dk", "password": PASSWORD}
    )
    assert (
        response.status_code == 429 or "Too many failed login attempts" in response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_account_page_changes_the_name_and_reports_errors(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/en/accounts/profile/", {"full_name": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    response = client.post("/en/accounts/profile/", {"full_name": "Nyt Navn"}, follow=True)
    assert "Your details have been saved" in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Nyt Navn"


def test_staff_without_second_factor_is_sent_to_set_one_up(client):
    client.force_login(UserFactory(staff=True, groups=["moderators"]))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate")


def test_demo_staff_skip_the_second_factor_only_when_debug_is_on(client, settings):
    client.force_login(UserFactory(staff=True, is_demo=True))
    settings.DEBUG = False
    assert client.get("/admin/").status_code == 302
    settings.DEBUG = True
    assert client.get("/admin/").status_code == 200


def test_staff_with_totp_reach_the_danish_admin_with_the_portal_name(client):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = UserFactory(staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Socialinnovation.dk" in html
    assert 'lang="da"' in html and "Administration af portalen" in html


def test_admin_login_page_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_field_errors_show_under_their_own_field_and_are_announced(client):
    response = signup(client, email="not-an-address")
    html = response.content.decode()
    assert 'class="form-group form-error"' in html
    assert 'id="id_email_error"' in html
    assert (
        'aria-describedby="id_email_error"' in html
        or 'id_email_error"' in html.split('id="id_email"')[1].split(">")[0]
    )


def test_the_email_page_shows_a_visible_choice_between_addresses(client):
    user = UserFactory(email="first@example.dk")
    user.emailaddress_set.create(email="second@example.dk", verified=False, primary=False)
    client.force_login(user)
    html = client.get("/en/accounts/email/").content.decode()
    assert html.count('class="form-radio"') == 2
    assert html.count('<div class="form-group-radio">') == 2
    assert '<label class="form-label" for="' in html
