"""Funding opportunities: calls for grants, loans, investment, outcomes contracts, prizes
and in-kind support that social innovators can apply to, with their deadlines, and the
alerts members subscribe to.

A call is open while it is published and either rolling or has a deadline still to come;
it moves to the archive when staff close it or when its last deadline has passed. Times
are stored in UTC and shown in Europe/Copenhagen with the zone named.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.search import About, Part, search_vector
from common.text import validate_single_line
from ecosystem.models import Actor, Region, TargetGroup, Theme

DESCRIPTION_MAX_LENGTH = 5000
CLOSING_SOON_DAYS = 14


def closing_soon_until(now: datetime) -> datetime:
    """A call whose next deadline falls before this closes soon: it is listed first and
    marked "Closing soon"."""
    return now + timedelta(days=CLOSING_SOON_DAYS)


# First path segments of funding/urls.py that a call's slug must never take.
RESERVED_SLUGS = frozenset(
    {"archive", "arkiv", "deadlines.ics", "rss", "atom", "alerts", "unsubscribe"}
)


def this_minute():
    """Now, to the minute: the lists' queries (and so their cached facet counts, keyed by
    the SQL and its parameters) stay the same for a minute instead of changing with every
    request."""
    return timezone.now().replace(second=0, microsecond=0)


class Kind(models.TextChoices):
    GRANT = "grant", _("Grant")
    LOAN = "loan", _("Loan")
    EQUITY = "equity", _("Equity or quasi-equity")
    OUTCOMES = "outcomes", _("Social impact bond or outcomes-based contract")
    PRIZE = "prize", _("Prize")
    IN_KIND = "in_kind", _("In-kind support")


class Scope(models.TextChoices):
    NATIONAL = "national", _("All of Denmark")
    REGIONAL = "regional", _("Regional or local")
    EU = "eu", _("EU and Europe")


class Currency(models.TextChoices):
    DKK = "DKK", _("Danish kroner (DKK)")
    EUR = "EUR", _("Euro (EUR)")


class OpportunityQuerySet(models.QuerySet):
    def published(self) -> OpportunityQuerySet:
        return self.filter(status=FundingOpportunity.Status.PUBLISHED)

    def public(self) -> OpportunityQuerySet:
        """What a visitor may open: published and closed calls (the archive)."""
        return self.filter(
            status__in=[FundingOpportunity.Status.PUBLISHED, FundingOpportunity.Status.CLOSED]
        )

    def open(self, now=None) -> OpportunityQuerySet:
        """Published and still open: rolling, or a deadline still to come."""
        now = now or this_minute()
        upcoming = Deadline.objects.filter(opportunity=OuterRef("pk"), at__gte=now)
        return self.published().filter(Q(rolling=True) | Exists(upcoming))

    def archived(self, now=None) -> OpportunityQuerySet:
        """Closed by staff, or published with every deadline passed."""
        now = now or this_minute()
        upcoming = Deadline.objects.filter(opportunity=OuterRef("pk"), at__gte=now)
        return self.public().filter(
            Q(status=FundingOpportunity.Status.CLOSED) | Q(~Exists(upcoming), rolling=False)
        )

    def with_deadlines(self, now=None) -> OpportunityQuerySet:
        """Each row with `next_deadline` (the first still to come) and `last_deadline`."""
        now = now or this_minute()
        deadlines = Deadline.objects.filter(opportunity=OuterRef("pk")).values("at")
        return self.annotate(
            next_deadline=Subquery(deadlines.filter(at__gte=now).order_by("at")[:1]),
            last_deadline=Subquery(deadlines.order_by("-at")[:1]),
        )


class FundingOpportunity(models.Model):
    Kind = Kind
    Scope = Scope
    Currency = Currency

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    funder = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_opportunities",
        verbose_name=_("funder in the directory"),
        help_text=_("Choose the funder if it is in the directory; otherwise write its name."),
    )
    funder_name = models.CharField(
        _("funder's name"), max_length=200, blank=True, validators=[validate_single_line]
    )
    programme = models.CharField(
        _("programme or pool"), max_length=200, blank=True, validators=[validate_single_line]
    )
    kind = models.CharField(_("type of funding"), max_length=16, choices=Kind.choices)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    amount_min = models.PositiveBigIntegerField(_("smallest amount"), null=True, blank=True)
    amount_max = models.PositiveBigIntegerField(_("largest amount"), null=True, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.DKK
    )
    eligible_kinds = ArrayField(
        models.CharField(max_length=32, choices=Actor.Kind.choices),
        verbose_name=_("who may apply"),
        default=list,
        blank=True,
        help_text=_("Tick every kind of organisation that may apply."),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="funding_opportunities", verbose_name=_("themes")
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        blank=True,
        related_name="funding_opportunities",
        verbose_name=_("target groups"),
    )
    scope = models.CharField(
        _("geography"), max_length=16, choices=Scope.choices, default=Scope.NATIONAL
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="funding_opportunities",
        verbose_name=_("regions"),
        help_text=_("For regional or local calls: the regions whose applicants may apply."),
    )
    rolling = models.BooleanField(
        _("rolling (no deadline)"),
        default=False,
        help_text=_("Applications are taken all year; no deadlines are needed."),
    )
    link = models.URLField(_("link to the call"), max_length=500)
    financing_models = models.ManyToManyField(
        "resources.Resource",
        blank=True,
        related_name="funding_opportunities",
        limit_choices_to={"kind": "financing_model"},
        verbose_name=_("financing models that explain it"),
        help_text=_("Resources of the type “Financing model” in the knowledge library."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Set the first time the call is published and never moved afterwards: the impact
    # dashboard counts "funding opportunities published" by this date.
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, editable=False, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Found also by its taxonomies' names and its type's label (common.search).
    search_about = About(
        relations=("themes", "target_groups"), choices=("kind",), words="finansiering funding"
    )
    search_vector = search_vector(
        Part(("title_da",), "A", "danish"),
        Part(("title_en",), "A", "english"),
        Part(("funder_name", "programme"), "B", "simple"),
        Part(("description_da",), "C", "danish"),
        Part(("description_en",), "C", "english"),
    )

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding opportunity")
        verbose_name_plural = _("funding opportunities")
        ordering = ["-published_at", "-pk"]
        indexes = [GinIndex(fields=["search_vector"], name="funding_search_gin")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=models.F("amount_max")),
                name="funding_amount_range",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="funding_published_has_date",
            ),
            *[
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(column), DESCRIPTION_MAX_LENGTH),
                    name=f"funding_{column}_max_length",
                )
                for column in ("description", "description_da", "description_en")
            ],
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.status != self.Status.DRAFT and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("funding:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if not self.funder_id and not self.funder_name.strip():
            errors["funder_name"] = _("Choose the funder in the directory or write its name.")
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            errors["amount_max"] = _("The largest amount cannot be smaller than the smallest.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the portal; choose another.")
        if errors:
            raise ValidationError(errors)

    @property
    def funder_display(self) -> str:
        return self.funder.name if self.funder_id and self.funder else self.funder_name

    @property
    def eligible_kinds_display(self) -> list[str]:
        labels = dict(Actor.Kind.choices)
        return [str(labels.get(kind, kind)) for kind in self.eligible_kinds]


class Deadline(models.Model):
    """One deadline of a call (a call may have rounds). An aware time, stored in UTC."""

    opportunity = models.ForeignKey(
        FundingOpportunity,
        on_delete=models.CASCADE,
        related_name="deadlines",
        verbose_name=_("funding opportunity"),
    )
    at = models.DateTimeField(_("deadline"))
    label = models.CharField(
        _("round"),
        max_length=100,
        blank=True,
        validators=[validate_single_line],
        help_text=_("For example “First round” or “Full application”. Optional."),
    )

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["opportunity", "at"], name="funding_deadline_at")]

    def __str__(self) -> str:
        return timezone.localtime(self.at).strftime("%Y-%m-%d %H:%M")


class FundingAlert(models.Model):
    """A member's subscription to new calls that fit their organisation's themes and
    kind. `last_sent_period` is the week (ISO year and week, "2026-W49") of the last digest:
    the digest command sends at most one per period, however often cron runs it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="funding_alerts",
        verbose_name=_("user"),
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="funding_alerts", verbose_name=_("actor")
    )
    language = models.CharField(_("language"), max_length=2, default="da")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_sent_period = models.CharField(_("last digest sent for"), max_length=10, blank=True)
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("funding alert")
        verbose_name_plural = _("funding alerts")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "actor"], name="funding_alert_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.actor}"
