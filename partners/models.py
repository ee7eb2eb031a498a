"""Applications to the partner programme, and their history.

An application belongs to an actor (the organisation), never to the person who wrote it:
the actor's owners work on it. Its state changes only through the transition table in
partners/services.py. Approval creates the ecosystem's `Partnership` (what the library
checks for partner-only resources); the application keeps the tier and the contributions
and points at that partnership, so the ecosystem never needs to know of this app.
"""

from __future__ import annotations

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from common.generations import Generation
from common.logs import LogEntry, action_field, status_fields
from ecosystem.models import Actor, Partnership, User

GENERATION = Generation("partners")

MOTIVATION_MAX_LENGTH = 3000
CONTRIBUTION_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 2000
# A yearly fee above this is a typing error, not a partner: it also keeps the number far
# inside PostgreSQL's integer.
FEE_MAX_DKK = 10_000_000
# How long one approval makes an actor a partner.
TERM_DAYS = 365


class Tier(models.TextChoices):
    # Ordered from the most committed: the public page lists the tiers in this order.
    STRATEGIC = "strategic", _("Strategic partner")
    SUPPORTING = "supporting", _("Supporting partner")
    NETWORK = "network", _("Network partner")


TIER_ORDER = [Tier.STRATEGIC, Tier.SUPPORTING, Tier.NETWORK]
# The public page's headings, one per tier.
TIER_GROUPS = {
    Tier.STRATEGIC: _("Strategic partners"),
    Tier.SUPPORTING: _("Supporting partners"),
    Tier.NETWORK: _("Network partners"),
}


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The states the applicant may edit in.
EDITABLE_STATES = (Status.DRAFT, Status.RETURNED)
# The states of an application still open: an actor has at most one at a time.
OPEN_STATES = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)


def _text(verbose_name, max_length: int, **kwargs) -> models.TextField:
    return models.TextField(
        verbose_name,
        blank=True,
        max_length=max_length,
        validators=[MaxLengthValidator(max_length)],
        **kwargs,
    )


class PartnerApplicationQuerySet(models.QuerySet):
    def waiting(self) -> PartnerApplicationQuerySet:
        """Applications waiting for staff."""
        return self.filter(status=Status.SUBMITTED)

    def of_user(self, user) -> PartnerApplicationQuerySet:
        """Applications of the actors this user is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(actor__memberships__user=user)


class PartnerApplication(models.Model):
    actor = models.ForeignKey(
        Actor,
        on_delete=models.CASCADE,
        related_name="partner_applications",
        verbose_name=_("organisation"),
    )
    applicant = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applied by"),
    )
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    fee_dkk = models.PositiveIntegerField(
        _("yearly fee (DKK)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(FEE_MAX_DKK)],
    )
    in_kind = _text(_("in-kind contribution"), CONTRIBUTION_MAX_LENGTH)
    co_hosts_events = models.BooleanField(_("co-hosts events"), default=False)
    other_contribution = _text(_("other contribution"), CONTRIBUTION_MAX_LENGTH)
    motivation = _text(_("motivation"), MOTIVATION_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    decision_reason = _text(_("message from the centre"), NOTE_MAX_LENGTH)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    partnership = models.OneToOneField(
        Partnership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme",
        verbose_name=_("partnership"),
    )
    # The end date the renewal reminder was sent for: the daily command mails once per
    # term, and again if staff move the end date.
    reminded_for = models.DateField(_("renewal reminder sent for"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PartnerApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner application")
        verbose_name_plural = _("partner applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fee_dkk__gte=0) & Q(fee_dkk__lte=FEE_MAX_DKK),
                name="partner_fee_range",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("motivation"), MOTIVATION_MAX_LENGTH)
                & LessThanOrEqual(Length("in_kind"), CONTRIBUTION_MAX_LENGTH)
                & LessThanOrEqual(Length("other_contribution"), CONTRIBUTION_MAX_LENGTH)
                & LessThanOrEqual(Length("decision_reason"), NOTE_MAX_LENGTH),
                name="partner_text_max_length",
            ),
            # One open application per organisation: two owners cannot send two at once.
            models.UniqueConstraint(
                fields=["actor"],
                condition=Q(status__in=["draft", "submitted", "returned"]),
                name="partner_one_open_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} – {self.get_tier_display()}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATES

    def contributions(self) -> list[str]:
        """What the partner gives, as short phrases for lists and the admin."""
        parts = []
        if self.fee_dkk:
            fee = number_format(self.fee_dkk, force_grouping=True)
            parts.append(_("%(fee)s DKK a year") % {"fee": fee})
        if self.in_kind:
            parts.append(_("in kind"))
        if self.co_hosts_events:
            parts.append(_("co-hosts events"))
        if self.other_contribution:
            parts.append(_("other"))
        return [str(part) for part in parts]


class PartnerLogEntry(LogEntry):
    """Who took which step, when, from which state to which, and the message: the history
    applicants and staff read."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        RETURNED = "returned", _("Returned for changes")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REMINDED = "reminded", _("Renewal reminder sent")

    SUBJECT = "application"
    application = models.ForeignKey(
        PartnerApplication,
        on_delete=models.CASCADE,
        related_name="log_entries",
        verbose_name=_("application"),
    )
    action = action_field(Action)
    from_status, to_status = status_fields(Status)

    class Meta(LogEntry.Meta):
        verbose_name = _("partner log entry")
        verbose_name_plural = _("partner log")
