"""Every mail has one pattern in both languages: "Kære <navn>" (no comma) / "Dear <name>",
the message, then "Venlig hilsen" / "Kind regards" and the centre's name."""

from pathlib import Path
from types import SimpleNamespace

import allauth
import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from tests.mails import mail_templates, render_all_mails

pytestmark = pytest.mark.django_db

PATTERN = {
    "da": ("Kære ", "Venlig hilsen\nDet Nationale Kompetencecenter for Social Innovation\n"),
    "en": ("Dear ", "Kind regards\nThe National Competence Centre for Social Innovation\n"),
}
# allauth's mails (sign-up, password reset, log-in code, unknown account, the account and
# two-factor notices …) share one frame: every message template of the account and mfa
# apps, but the frames themselves and the security keys the portal does not offer.
_ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"
ALLAUTH_MAILS = sorted(
    str(path.relative_to(_ALLAUTH_TEMPLATES))
    for app in ("account", "mfa")
    for path in (_ALLAUTH_TEMPLATES / app / "email").glob("*_message.txt")
    if not path.name.startswith(("base_", "webauthn_"))
)


def test_every_mail_template_is_read():
    assert len(mail_templates()) >= 35
    assert "account/email/login_code_message.txt" in ALLAUTH_MAILS
    assert "mfa/email/totp_activated_message.txt" in ALLAUTH_MAILS


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_portal_mail_opens_and_closes_the_same_way(language):
    opening, closing = PATTERN[language]
    wrong = []
    for template, text in render_all_mails(language).items():
        _subject, _blank, body = text.partition("\n\n")
        greeting = body.splitlines()[0]
        if not greeting.startswith(opening) or greeting.endswith(","):
            wrong.append(f"{template} opens with {greeting!r}")
        if closing not in body + "\n":
            wrong.append(f"{template} does not close with {closing!r}")
        if "\n-- \n" in body:
            wrong.append(f"{template} still has the old signature")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("template", ALLAUTH_MAILS)
def test_allauths_mails_open_and_close_the_same_way(language, template):
    opening, closing = PATTERN[language]
    context = {
        "current_site": {"name": "Socialinnovation.dk", "domain": "socialinnovation.dk"},
        "email": "mette@example.dk",
        "signup_url": "https://example.dk/",
        "password_reset_url": "https://example.dk/",
        "activate_url": "https://example.dk/",
        "user_display": "Mette Hansen",
        "user": SimpleNamespace(full_name="Mette Hansen"),
        "code": "K7QX2M",
        "from_email": "mette@example.dk",
        "to_email": "mette.hansen@example.dk",
        "deleted_email": "mette@example.dk",
        "ip": "192.0.2.1",
        "user_agent": "Firefox",
        "timestamp": "21. maj 2026 kl. 9.00",
    }
    with translation.override(language):
        body = render_to_string(template, context).strip()
    assert body.splitlines()[0] == f"{opening}Mette Hansen"
    assert closing in body + "\n"


@pytest.mark.parametrize(("language", "greeting"), [("da", "Kære"), ("en", "Dear")])
def test_the_log_in_code_mail_greets_the_account_holder_by_name(client, language, greeting):
    """allauth sends the code mail without the user; the portal finds the holder, so the
    mail opens with their name like every other, not with "Dear user of the portal"."""
    UserFactory(email="mette@example.dk", full_name="Mette Hansen")
    with translation.override(language):
        url = reverse("account_request_login_code")
    client.post(url, {"email": "mette@example.dk"})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert body.splitlines()[0] == f"{greeting} Mette Hansen"
    assert PATTERN[language][1] in body + "\n"
