import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from ecosystem.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"


def signup(client, url=SIGNUP, HTTP_HOST="testserver", **overrides):
    data = {
        "full_name": "Karen Jensen",
        "email": "karen@example.dk",
        "password1": "a-long-and-unusual-password",
        "password2": "a-long-and-unusual-password",
        **overrides,
    }
    return client.post(url, data, HTTP_HOST=HTTP_HOST)


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
    assert "Bekræft din e-mailadresse" in mail.outbox[0].subject


def test_a_taken_email_gets_the_same_answer_and_the_holder_is_told_by_mail(client):
    """Enumeration prevention: the page says 'check your mail' whether or not the address
    is taken; the holder gets a mail saying an account exists; nothing is created."""
    UserFactory(email="karen@example.dk")
    taken = signup(client, email="Karen@Example.dk")
    fresh = signup(Client(), email="new-person@example.dk")
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    assert User.objects.filter(email__iexact="karen@example.dk").count() == 1
    to_holder = [m for m in mail.outbox if m.to == ["karen@example.dk"]]
    assert len(to_holder) == 1
    assert "already" in to_holder[0].body.lower()
    assert "/accounts/confirm-email/" not in to_holder[0].body


def test_the_reset_form_answers_the_same_for_known_and_unknown_addresses(client):
    UserFactory(email="known@example.dk")
    known = client.post("/en/accounts/password/reset/", {"email": "known@example.dk"})
    unknown = Client().post("/en/accounts/password/reset/", {"email": "nobody@example.dk"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    reset_mail, unknown_mail = mail.outbox
    assert "/accounts/password/reset/key/" in reset_mail.body
    assert "/accounts/password/reset/key/" not in unknown_mail.body


def test_someone_elses_unverified_address_does_not_block_a_sign_up(client):
    squatter = UserFactory(email="squatter@example.dk")
    squatter.emailaddress_set.create(email="karen@example.dk", verified=False, primary=False)
    response = signup(client)
    assert response.status_code == 302
    karen = User.objects.get(email="karen@example.dk")
    assert karen != squatter
    link = re.search(r"(/en/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    assert EmailAddress.objects.get(user=karen, email="karen@example.dk").verified
    # Only one account can hold it verified: the squatter's copy can never be verified.
    typed_in = squatter.emailaddress_set.get(email="karen@example.dk")
    assert not typed_in.set_verified()


def test_a_password_reset_never_goes_to_an_address_only_typed_into_an_account(client):
    squatter = UserFactory(email="squatter@example.dk")
    squatter.emailaddress_set.create(email="victim@example.dk", verified=False, primary=False)
    response = client.post("/en/accounts/password/reset/", {"email": "victim@example.dk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["victim@example.dk"]
    assert "/accounts/password/reset/key/" not in mail.outbox[0].body


def test_an_account_has_one_address_and_a_new_one_waits_for_verification(client, settings):
    assert settings.ACCOUNT_CHANGE_EMAIL is True
    user = UserFactory(email="first@example.dk")
    client.force_login(user)
    client.post("/en/accounts/email/", {"action_add": "", "email": "second@example.dk"})
    user.refresh_from_db()
    assert user.email == "first@example.dk"
    assert not EmailAddress.objects.get(email="second@example.dk").verified


def test_every_mail_link_is_built_from_site_url(client, settings):
    settings.SITE_URL = "https://portal.example"
    signup(client, HTTP_HOST="localhost")
    UserFactory(email="known@example.dk")
    client.post("/en/accounts/password/reset/", {"email": "known@example.dk"})
    confirm, reset = mail.outbox
    assert "https://portal.example/en/accounts/confirm-email/" in confirm.body
    assert "https://portal.example/en/accounts/password/reset/key/" in reset.body
    for message in (confirm, reset):
        assert "testserver" not in message.body and "localhost" not in message.body


def test_a_very_long_password_is_refused_with_a_message_not_hashed(client):
    response = signup(client, password1="a-long-" * 30, password2="a-long-" * 30)
    assert response.status_code == 200
    assert "too long" in response.content.decode()
    assert not User.objects.filter(email="karen@example.dk").exists()
    UserFactory(email="member@example.dk")
    response = client.post(
        "/en/accounts/login/", {"login": "member@example.dk", "password": "x" * 100_000}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_weak_password_is_refused_and_what_was_typed_is_kept(client):
    response = signup(client, password1="12345678", password2="12345678")
    html = response.content.decode()
    assert response.status_code == 200
    assert "too short" in html and "too common" in html
    assert 'value="karen@example.dk"' in html and 'value="Karen Jensen"' in html
    assert not User.objects.filter(email="karen@example.dk").exists()


def test_a_weak_password_message_is_danish_on_the_danish_page(client):
    response = signup(client, url="/accounts/signup/", password1="12345678", password2="12345678")
    html = response.content.decode()
    assert "for kort" in html and "for almindelig" in html


def test_verification_link_verifies_and_a_broken_link_says_so(client):
    signup(client)
    link = re.search(r"(/en/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    broken = link[:-6] + "XXXXX/"
    response = client.get(broken)
    assert response.status_code == 200
    assert "expired or is invalid" in response.content.decode()
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
    assert response.status_code == 200
    assert "Too many wrong passwords for this address" in response.content.decode()
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

    user = UserFactory(staff_mfa=True, is_superuser=True)
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


def test_the_email_page_shows_the_address_and_the_one_waiting_for_verification(client):
    """One address per account (ACCOUNT_CHANGE_EMAIL): no choice between addresses, the
    new one is shown as waiting until it is verified."""
    user = UserFactory(email="first@example.dk")
    user.emailaddress_set.create(email="second@example.dk", verified=False, primary=False)
    client.force_login(user)
    html = client.get("/en/accounts/email/").content.decode()
    assert 'value="first@example.dk" disabled' in html
    assert "second@example.dk" in html and "pending verification" in html
    assert 'class="form-radio"' not in html


@pytest.mark.parametrize("proxies", [1, 2])
def test_behind_a_proxy_failed_log_ins_are_counted_per_visitor_not_for_everyone(
    client, settings, proxies
):
    """Every request comes from the proxy's address; X-Forwarded-For names the visitor."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    UserFactory(email="member@example.dk")

    def log_in(visitor: str, login: str, password: str = "wrong"):
        forwarded = ", ".join([visitor] + ["10.0.0.2"] * (proxies - 1))
        return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).post(
            "/en/accounts/login/", {"login": login, "password": password}
        )

    for number in range(10):
        log_in("203.0.113.7", f"guess{number}@example.dk")
    blocked = log_in("203.0.113.7", "guess99@example.dk")
    assert blocked.status_code == 200
    assert "Too many wrong passwords" in blocked.content.decode()
    other_visitor = log_in("198.51.100.4", "member@example.dk", PASSWORD)
    assert other_visitor.status_code == 302


def test_failed_log_ins_are_also_limited_per_account(client):
    UserFactory(email="member@example.dk")
    for number in range(5):
        Client(REMOTE_ADDR=f"192.0.2.{number}").post(
            "/en/accounts/login/", {"login": "member@example.dk", "password": "wrong"}
        )
    response = Client(REMOTE_ADDR="192.0.2.99").post(
        "/en/accounts/login/", {"login": "member@example.dk", "password": PASSWORD}
    )
    # The guesser is stopped; the owner is offered a code by mail instead (config/settings.py).
    assert response.status_code == 200
    assert "_auth_user_id" not in response.wsgi_request.session
    assert "Log in with a code that we e-mail you" in response.content.decode()


@pytest.mark.django_db
def test_a_member_chooses_the_language_of_their_e_mails(client, django_capture_on_commit_callbacks):
    """Chosen on the account page in English, a decision mailed by a Danish moderator comes
    in English all the same."""
    from ecosystem import services
    from tests.factories import ActorFactory, MembershipFactory

    member = UserFactory(full_name="Mads Medlem")
    actor = ActorFactory(name="Café Exit", pending=True)
    MembershipFactory(actor=actor, user=member)
    client.force_login(member)
    page = client.get("/accounts/profile/").content.decode()
    assert "Det sprog, jeg sidst brugte portalen på" in page
    response = client.post("/accounts/profile/", {"full_name": "Mads Medlem", "language": "en"})
    assert response.status_code == 302
    moderator = UserFactory(staff=True, groups=["moderators"])
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_actor(actor=actor, action="approve", by=moderator, language="da")
    (message,) = mail.outbox
    assert message.subject == "Café Exit is now published"


def test_confirming_the_address_logs_the_person_in(client):
    """A new user clicked the link and met the log-in form again (19.9)."""
    signup(client)
    assert "_auth_user_id" not in client.session
    link = re.search(r"(/en/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    response = client.post(link)
    assert response.status_code == 302
    user = User.objects.get(email="karen@example.dk")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/en/accounts/profile/").status_code == 200
