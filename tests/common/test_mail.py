"""common.mail: one message per recipient, in their language, sent only after commit."""

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from common.mail import Recipient, RememberLanguageMiddleware, recipient, send_after_commit
from tests.factories import ActorFactory, UserFactory

pytestmark = pytest.mark.django_db

TEMPLATE = "ecosystem/email/actor_approved.txt"


def subject_in(language: str, name: str) -> str:
    with translation.override(language):
        return translation.gettext("%(name)s is now published") % {"name": name}


@pytest.fixture
def actor():
    return ActorFactory(name="Æblehaven")


def send(actor, recipients, **kwargs):
    send_after_commit(template=TEMPLATE, recipients=recipients, context={"actor": actor}, **kwargs)


def test_the_danish_and_english_subjects_differ():
    """The language tests below mean something only if the template is translated."""
    assert subject_in("da", "X") != subject_in("en", "X")


def test_nothing_is_sent_until_the_transaction_commits(actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send(actor, ["a@example.dk"])
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [["a@example.dk"]]


def test_nothing_is_sent_when_the_transaction_rolls_back(actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            send(actor, ["a@example.dk"])
            raise RuntimeError
    assert callbacks == []
    assert mail.outbox == []


def test_each_recipient_gets_a_message_in_their_own_language(
    actor, django_capture_on_commit_callbacks
):
    english = UserFactory(email="en@example.dk", language="en", last_language="da")
    danish = UserFactory(email="da@example.dk", language="da", last_language="en")
    last_used = UserFactory(email="last@example.dk", language="", last_language="en")
    neither = UserFactory(email="neither@example.dk", language="", last_language="")
    with django_capture_on_commit_callbacks(execute=True):
        send(
            actor,
            [recipient(u) for u in (english, danish, last_used, neither)] + ["bare@example.dk"],
            language="da",
        )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "en@example.dk": subject_in("en", "Æblehaven"),
        "da@example.dk": subject_in("da", "Æblehaven"),
        "last@example.dk": subject_in("en", "Æblehaven"),
        # No language of their own: the language of the request that caused the mail.
        "neither@example.dk": subject_in("da", "Æblehaven"),
        "bare@example.dk": subject_in("da", "Æblehaven"),
    }
    for message in mail.outbox:
        assert len(message.to) == 1 and message.cc == [] and message.bcc == []


def test_without_a_language_argument_the_active_language_is_used(
    actor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        send(actor, ["a@example.dk"])
    assert mail.outbox[0].subject == subject_in("en", "Æblehaven")


def test_recipient_takes_the_chosen_language_then_the_last_used_one():
    assert recipient(UserFactory.build(email="a@x.dk", language="en", last_language="da")) == (
        Recipient("a@x.dk", "en")
    )
    assert recipient(UserFactory.build(email="b@x.dk", language="", last_language="en")) == (
        Recipient("b@x.dk", "en")
    )
    assert recipient(UserFactory.build(email="c@x.dk", language="", last_language="")) == (
        Recipient("c@x.dk", "")
    )
    assert recipient(UserFactory.build(email="d@x.dk", language="", last_language="fr")) == (
        Recipient("d@x.dk", "")
    )


def test_a_line_break_in_a_name_cannot_add_a_header(django_capture_on_commit_callbacks):
    actor = ActorFactory(name="Evil\r\nBcc: victim@example.com", slug="evil")
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        send(actor, ["a@example.dk"])
    message = mail.outbox[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.subject.startswith("Evil")
    assert message.bcc == []
    headers = message.message()
    assert headers.get_all("Bcc") is None
    assert "\n" not in headers["Subject"]


def test_the_html_part_escapes_what_the_text_holds(django_capture_on_commit_callbacks):
    actor = ActorFactory(name="<script>alert(1)</script>", slug="script")
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        send(actor, ["a@example.dk"])
    message = mail.outbox[0]
    assert "<script>alert(1)</script>" in message.body  # plain text is shown as text
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<html lang="en">' in html
    # Links in the text are clickable in the HTML part.
    assert f'<a href="{settings.SITE_URL}/' in html


def test_an_address_given_twice_gets_one_message(actor, django_capture_on_commit_callbacks):
    user = UserFactory(email="Anna@Example.dk", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        send(actor, [recipient(user), "anna@example.dk", "ANNA@EXAMPLE.DK", "", "bo@example.dk"])
    # The account keeps its local part as typed; UTS #46 writes the domain in lower case.
    assert sorted(m.to[0] for m in mail.outbox) == ["Anna@example.dk", "bo@example.dk"]


def test_no_recipients_queues_nothing(actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send(actor, [])
    assert callbacks == [] and mail.outbox == []


# --- RememberLanguageMiddleware ----------------------------------------------------------


def test_a_logged_in_visitor_of_an_english_page_gets_english_mail_later(client):
    user = UserFactory(language="", last_language="da")
    client.force_login(user)
    assert client.get("/en/actors/").status_code == 200
    user.refresh_from_db()
    assert user.last_language == "en"
    assert recipient(user).language == "en"


def middleware_request(user, language):
    request = RequestFactory().get("/")
    request.user = user
    request.LANGUAGE_CODE = language
    return request


def test_the_middleware_writes_only_when_the_language_changes(django_assert_num_queries):
    user = UserFactory(last_language="")
    middleware = RememberLanguageMiddleware(lambda request: HttpResponse())
    with django_assert_num_queries(1):
        middleware(middleware_request(user, "en"))
    with django_assert_num_queries(0):
        middleware(middleware_request(user, "en"))
    user.refresh_from_db()
    assert user.last_language == "en"


def test_the_middleware_ignores_other_languages_and_anonymous_visitors(
    django_assert_num_queries,
):
    from django.contrib.auth.models import AnonymousUser

    user = UserFactory(last_language="da")
    middleware = RememberLanguageMiddleware(lambda request: HttpResponse())
    with django_assert_num_queries(0):
        middleware(middleware_request(user, "de"))
        middleware(middleware_request(AnonymousUser(), "en"))
    user.refresh_from_db()
    assert user.last_language == "da"


def test_an_attachment_reaches_every_recipient(actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(
            actor,
            ["a@example.dk", "b@example.dk"],
            attachments=[("event.ics", "BEGIN:VCALENDAR\r\n", "text/calendar")],
        )
    assert [m.attachments[0][0] for m in mail.outbox] == ["event.ics", "event.ics"]


def test_a_line_break_in_a_name_is_folded_into_the_subject(django_capture_on_commit_callbacks):
    actor = ActorFactory(name="Evil\r\nBcc: victim@example.com", slug="evil")
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        send_after_commit(
            template="ecosystem/email/actor_approved.txt",
            recipients=["a@example.dk"],
            context={"actor": actor},
        )
    message = mail.outbox[0]
    assert message.subject == "Evil Bcc: victim@example.com is now published"
    assert message.body.startswith("Dear member of Evil")  # every mail opens the same way
    assert "Good news:" in message.body
