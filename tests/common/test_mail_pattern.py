"""Every mail has one pattern in both languages: "Kære <navn>" (no comma) / "Dear <name>",
the message, then "Venlig hilsen" / "Kind regards" and the centre's name."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.mails import mail_templates, render_all_mails

pytestmark = pytest.mark.django_db

PATTERN = {
    "da": ("Kære ", "Venlig hilsen\nDet Nationale Kompetencecenter for Social Innovation\n"),
    "en": ("Dear ", "Kind regards\nThe National Competence Centre for Social Innovation\n"),
}
# allauth's mails (sign-up, password reset, unknown account …) share one frame.
ALLAUTH_MAILS = [
    "account/email/unknown_account_message.txt",
    "account/email/account_already_exists_message.txt",
]


def test_every_mail_template_is_read():
    assert len(mail_templates()) >= 35


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
    }
    with translation.override(language):
        body = render_to_string(template, context).strip()
    assert body.splitlines()[0].startswith(opening)
    assert not body.splitlines()[0].endswith(",")
    assert closing in body + "\n"
