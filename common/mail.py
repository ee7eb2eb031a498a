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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.template.loader_tags import BlockNode
from django.utils import translation
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

from common.text import one_line

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
        transaction.on_commit(lambda: get_connection().send_messages(messages))


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
