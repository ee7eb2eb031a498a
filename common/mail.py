"""Mail: rendered in each recipient's language, sent after the transaction commits.

A template is a text file that starts with `{% block subject %}…{% endblock subject %}`;
the rest is the body. The subject block is rendered on its own and folded to one line, so
a line break inside a name (or anything else a visitor typed) can neither cut the
subject short nor start a header. Every
message has that plain-text body and an HTML part made from it (escaped, links made
clickable, paragraphs kept), so no second template can drift from the first. Each
recipient gets their own message, so nobody sees the others' addresses, in their own
language: the one they chose, else the one they last used the portal in, else the
language of the request that caused the mail.

Sending is a task (django-tasks): with the database backend the task's row is written in
the same transaction as the change, so a mail is queued exactly when the change is kept,
and the worker (`manage.py db_worker`) sends it. A mail server that is down makes the
worker log the failure and try again later, with growing pauses (MAIL_RETRY_DELAYS); the
visitor who caused the mail never sees an error. Staff see queued and failed mails in the
admin (Tasks → DB task results). In development and in tests the immediate backend sends
once the transaction commits, so the console and the test outbox still show the mail.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.template.loader_tags import BlockNode
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from django_tasks import default_task_backend, task

from common.text import one_line

logger = logging.getLogger(__name__)

LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Recipient:
    address: str
    language: str = ""


def recipient(user: Any) -> Recipient:
    """A person with an account: their chosen language, else the one they last used."""
    language = getattr(user, "language", "") or getattr(user, "last_language", "")
    return Recipient(user.email, language if language in LANGUAGES else "")


def render(template: str, context: dict[str, Any], *, language: str) -> tuple[str, str]:
    """(subject, body) of `template` in `language`."""
    context = {**context, "site_url": settings.SITE_URL, "portal_name": settings.PORTAL_NAME}
    compiled = get_template(template).template
    with translation.override(language):
        text = compiled.render(Context(context, autoescape=False))
        subject = _render_block(compiled, "subject", context)
    if text.startswith(subject):
        body = text[len(subject) :]
    else:  # no subject block: the first line is the subject
        subject, _newline, body = text.strip().partition("\n")
    return one_line(subject), body.strip() + "\n"


def _render_block(compiled, name: str, context: dict[str, Any]) -> str:
    for node in compiled.nodelist.get_nodes_by_type(BlockNode):
        if node.name == name:
            render_context = Context(context, autoescape=False)
            with render_context.render_context.push_state(compiled):
                render_context.template = compiled
                return node.nodelist.render(render_context)
    return ""


def html_body(body: str) -> str:
    """The HTML part: the text escaped, paragraphs kept, and links made only of the portal's
    own addresses. A name like "Visit https://evil.example" stays text, never a link."""
    own = re.compile(re.escape(escape(settings.SITE_URL)) + r"""[^\s<>"']*""")
    linked = own.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escape(body))
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - escaped above


def _message(template: str, context: dict, to: Recipient, language: str, attachments=()):
    subject, body = render(template, context, language=to.language or language)
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=[to.address], reply_to=[settings.CONTACT_EMAIL]
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    html = render_to_string(
        "email/body.html",
        {"body": html_body(body), "subject": subject, "language": to.language or language},
    )
    message.attach_alternative(html, "text/html")
    return message


def send_after_commit(
    *,
    template: str,
    recipients: Iterable[Recipient | str],
    context: dict[str, Any],
    language: str = "",
    attachments: Iterable[tuple[str, str | bytes, str]] = (),
) -> None:
    """Render now, send once the transaction commits (nothing is sent if it rolls back).

    `recipients` are Recipients (from `recipient(user)`) or bare addresses; `language` is
    for those without a language of their own: the language of the request that caused
    the mail. `attachments` are (filename, content, mimetype), the same for every
    recipient (a calendar file).
    """
    attachments = list(attachments)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    seen: set[str] = set()
    messages = []
    for to in recipients:
        to = Recipient(to) if isinstance(to, str) else to
        if not to.address or to.address.lower() in seen:
            continue
        seen.add(to.address.lower())
        messages.append(_message(template, context, to, language, attachments))
    if messages:
        queue(messages)


def queue(messages: Iterable[EmailMultiAlternatives], *, with_change: bool = True) -> None:
    """Hand `messages` to the worker. A durable backend (the database) writes them in the
    current transaction, so they are queued exactly when the change commits; a backend
    that runs at once (development, tests) waits for the commit, so that nothing is sent
    for a change that rolls back. `with_change=False`: mail that belongs to no change
    (allauth's), handed over at once."""
    payloads = [_payload(message) for message in messages]

    def enqueue() -> None:
        for payload in payloads:
            deliver.enqueue(payload)

    if default_task_backend.supports_defer or not with_change:
        enqueue()
    else:
        transaction.on_commit(enqueue)


def _payload(message: EmailMultiAlternatives) -> dict[str, Any]:
    """A message as JSON, for the task's row."""

    def encoded(content: str | bytes) -> str:
        return base64.b64encode(content.encode() if isinstance(content, str) else content).decode()

    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [filename, encoded(content), mimetype]
            for filename, content, mimetype in message.attachments
        ],
    }


def _from_payload(payload: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in payload["attachments"]:
        data = base64.b64decode(content)
        if mimetype.startswith("text/"):
            data = data.decode()
        message.attach(filename, data, mimetype)
    return message


@task()
def deliver(payload: dict[str, Any], attempt: int = 1) -> None:
    """Send one queued message. On failure: log it, queue the next attempt after the
    next pause of MAIL_RETRY_DELAYS, and fail this one (staff see it in the admin)."""
    to = ", ".join(payload["to"])
    try:
        get_connection().send_messages([_from_payload(payload)])
    except Exception:
        delays = settings.MAIL_RETRY_DELAYS
        if attempt <= len(delays) and default_task_backend.supports_defer:
            delay = delays[attempt - 1]
            logger.warning(
                "Mail to %s failed (attempt %d); retrying in %d s",
                to,
                attempt,
                delay,
                exc_info=True,
                extra={"mail_to": to, "attempt": attempt},
            )
            run_after = timezone.now() + timedelta(seconds=delay)
            deliver.using(run_after=run_after).enqueue(payload, attempt + 1)
        else:
            logger.error(
                "Mail to %s failed (attempt %d); giving up",
                to,
                attempt,
                exc_info=True,
                extra={"mail_to": to, "attempt": attempt},
            )
        raise
    if attempt > 1:
        logger.info("Mail to %s sent on attempt %d", to, attempt)


class RememberLanguageMiddleware:
    """Keeps `last_language` of a logged-in user who has such a field, so that mail sent
    to them later (a decision, a reminder) comes in the language they use the portal in.
    Writes only when it changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        language = getattr(request, "LANGUAGE_CODE", "")
        if (
            user is not None
            and user.is_authenticated
            and language in LANGUAGES
            and hasattr(user, "last_language")
            and user.last_language != language
        ):
            user._meta.model._default_manager.filter(pk=user.pk).update(last_language=language)
            user.last_language = language
        return response
