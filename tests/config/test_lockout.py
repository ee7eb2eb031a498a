"""Lock-out without a denial of service (issue 16, finding 11): five wrong passwords lock
the password out for five minutes, for everyone; the owner still logs in with a code
mailed to the address, and the limits per client address keep counting."""

import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def test_after_the_lock_out_the_owner_logs_in_with_a_mailed_code():
    owner = UserFactory(email="ejer@example.dk")
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        guesser.post(LOGIN, {"login": owner.email, "password": "wrong-password-123"})
    client = Client(REMOTE_ADDR="198.51.100.7")
    refused = client.post(LOGIN, {"login": owner.email, "password": PASSWORD})
    assert refused.status_code == 200
    assert "Log in with a code that we e-mail you" in refused.content.decode()

    asked = client.post("/en/accounts/login/code/", {"email": owner.email})
    assert asked.status_code == 302
    assert mail.outbox[-1].to == [owner.email]
    code = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s*$", mail.outbox[-1].body, re.M).group(1)
    confirmed = client.post("/en/accounts/login/code/confirm/", {"code": code})
    assert confirmed.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_the_login_page_offers_the_mailed_code():
    page = Client().get(LOGIN).content.decode()
    assert "/en/accounts/login/code/" in page
