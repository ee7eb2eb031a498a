"""Alerts and the weekly digest: the operations that change rows or send mail.

Which calls an alert matches: a call published since the alert's last digest (or since
the alert was made), still open, that the alert's organisation may apply to (its kind is
among the call's eligible kinds) and that shares at least one theme with it. A call with
no themes, or an organisation with none, counts as sharing: a broad call fits everyone,
and an organisation that named no themes still wants the calls it may apply to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from common import mail
from common.workflow import DomainError
from ecosystem.models import Actor, Membership
from funding import permissions
from funding.models import FundingAlert, FundingOpportunity

DIGEST_TEMPLATE = "funding/email/digest.txt"
DIGEST_LIMIT = 30  # calls listed in one mail; the rest are a link away


class AlertError(DomainError):
    """Why an alert could not be made, for the member to read."""


def subscribe(*, user, actor: Actor, language: str) -> FundingAlert:
    """`user` subscribes to new calls for `actor` (one of their organisations)."""
    if not permissions.alert_actors(user).filter(pk=actor.pk).exists():
        raise AlertError("not a member")
    try:
        with transaction.atomic():
            alert, created = FundingAlert.objects.get_or_create(
                user=user, actor=actor, defaults={"language": language}
            )
    except IntegrityError:  # two clicks at once: the other request made it
        alert, created = FundingAlert.objects.get(user=user, actor=actor), False
    if not created and alert.language != language:
        alert.language = language
        alert.save(update_fields=["language"])
    return alert


def unsubscribe(alert: FundingAlert) -> None:
    FundingAlert.objects.filter(pk=alert.pk).delete()


def period(moment: datetime) -> str:
    """The digest period a moment falls in: its ISO week in Copenhagen, "2026-W49"."""
    year, week, _day = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def matching(alert: FundingAlert, *, since: datetime, until: datetime) -> QuerySet:
    """The open calls published in (since, until] that fit the alert's organisation."""
    actor = alert.actor
    theme_ids = list(actor.themes.values_list("pk", flat=True))
    rows = (
        FundingOpportunity.objects.open(until)
        .filter(published_at__gt=since, published_at__lte=until)
        .filter(eligible_kinds__contains=[actor.kind])
    )
    if theme_ids:
        through = FundingOpportunity.themes.through
        shared = through.objects.filter(
            fundingopportunity_id=OuterRef("pk"), theme_id__in=theme_ids
        )
        any_theme = through.objects.filter(fundingopportunity_id=OuterRef("pk"))
        rows = rows.filter(Exists(shared) | ~Exists(any_theme))
    return rows.with_deadlines(until).select_related("funder").order_by("-published_at", "pk")


@dataclass(frozen=True)
class DigestReport:
    sent: int
    skipped: int  # already had this period's digest, or nothing new matched


def send_digests(*, now: datetime | None = None) -> DigestReport:
    """One digest per alert per period. Safe to run as often as cron likes: an alert that
    has this period's digest already is skipped, and each alert is locked while its digest
    is made, so two runs at the same moment cannot both send it."""
    now = now or timezone.now()
    this_period = period(now)
    sent = skipped = 0
    still_member = Membership.objects.filter(user=OuterRef("user"), actor=OuterRef("actor"))
    candidates = (
        FundingAlert.objects.filter(Exists(still_member), user__is_active=True)
        .exclude(last_sent_period=this_period)
        .values_list("pk", flat=True)
    )
    for pk in candidates:
        with transaction.atomic():
            alert = (
                FundingAlert.objects.select_for_update(of=("self",))
                .select_related("user", "actor")
                .filter(pk=pk)
                .exclude(last_sent_period=this_period)
                .first()
            )
            if alert is None:  # another run took it meanwhile
                skipped += 1
                continue
            since = alert.last_sent_at or alert.created_at
            calls = list(matching(alert, since=since, until=now)[: DIGEST_LIMIT + 1])
            if calls:
                _mail_digest(alert, calls)
                sent += 1
            else:
                skipped += 1
            alert.last_sent_period = this_period
            alert.last_sent_at = now
            alert.save(update_fields=["last_sent_period", "last_sent_at"])
    return DigestReport(sent=sent, skipped=skipped)


def _mail_digest(alert: FundingAlert, calls: list[FundingOpportunity]) -> None:
    # The person's own language (chosen on the account page, else the one they last used),
    # else the language of the page they subscribed on.
    language = (
        mail.recipient(alert.user).language
        or (alert.language if alert.language in mail.LANGUAGES else "")
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        unsubscribe_url = settings.SITE_URL + reverse(
            "funding:unsubscribe", kwargs={"token": permissions.make_unsubscribe_token(alert)}
        )
        list_url = settings.SITE_URL + reverse("funding:index")
        alerts_url = settings.SITE_URL + reverse("funding:alerts")
    mail.send_after_commit(
        template=DIGEST_TEMPLATE,
        recipients=[mail.Recipient(alert.user.email, language)],
        context={
            "alert": alert,
            "actor": alert.actor,
            "calls": calls[:DIGEST_LIMIT],
            "more": len(calls) > DIGEST_LIMIT,
            "unsubscribe_url": unsubscribe_url,
            "list_url": list_url,
            "alerts_url": alerts_url,
        },
        language=language,
    )
