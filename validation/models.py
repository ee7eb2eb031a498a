"""EU case applications: what a SIM case page holds, the review, and the history.

An application belongs to an actor (the lead organisation), never to the person who
started it: any member of that actor may work on it. Its state changes only through the
transition table in validation/services.py. Every text has a maximum length in the form,
the model and the database.
"""

from __future__ import annotations

import uuid

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries  # noqa: I001

from common.logs import LogEntry, action_field, status_fields
from common.search import About, Part, search_vector
from common.text import validate_single_line
from ecosystem.models import SDG, Actor, TargetGroup, Theme, User
from validation.querysets import CaseQuerySet

TEXT_MAX_LENGTH = 5000
SUMMARY_MAX_LENGTH = 600
SHORT_TEXT_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 2000
FIRST_START_YEAR = 1950


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    VALIDATED = "validated", _("Validated")
    REJECTED = "rejected", _("Rejected")
    PUBLISHED = "published", _("Published on SIM")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The states whose case is public on the portal (with the applicant's consent).
PUBLIC_STATES = (Status.VALIDATED, Status.PUBLISHED)
# The states an applicant may edit in.
EDITABLE_STATES = (Status.DRAFT, Status.CHANGES_REQUESTED)
# The states that wait for a validator.
WAITING_STATES = (Status.SUBMITTED, Status.IN_REVIEW, Status.RESUBMITTED)


class Level(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    TRANSNATIONAL = "transnational", _("Transnational")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    IMPLEMENTED = "implemented", _("Implemented")
    SCALED = "scaled", _("Scaled")


class FundingSource(models.TextChoices):
    ESF_PLUS = "esf_plus", _("ESF+")
    OTHER_EU = "other_eu", _("Other EU funding")
    PUBLIC = "public", _("Public funding")
    FOUNDATION = "foundation", _("Foundations")
    PRIVATE = "private", _("Private funding")
    OWN = "own", _("Own funds")


def _text(verbose_name, max_length: int = TEXT_MAX_LENGTH, **kwargs) -> models.TextField:
    return models.TextField(
        verbose_name,
        blank=True,
        max_length=max_length,
        validators=[MaxLengthValidator(max_length)],
        **kwargs,
    )


def _line(verbose_name, max_length: int = 200, **kwargs) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=max_length, blank=True, validators=[validate_single_line], **kwargs
    )


# Text columns and their limits, for the database's check constraints.
TEXT_LIMITS = {
    "summary": SUMMARY_MAX_LENGTH,
    "summary_da": SUMMARY_MAX_LENGTH,
    "problem": TEXT_MAX_LENGTH,
    "solution": TEXT_MAX_LENGTH,
    "results": TEXT_MAX_LENGTH,
    "evidence": TEXT_MAX_LENGTH,
    "lessons": TEXT_MAX_LENGTH,
    "funding_details": SHORT_TEXT_MAX_LENGTH,
    "other_partners": SHORT_TEXT_MAX_LENGTH,
    "partner_text": SHORT_TEXT_MAX_LENGTH,
}


class CaseApplication(models.Model):
    """An application to become an official EU social-innovation case, and once validated,
    the public case."""

    actor = models.ForeignKey(
        Actor,
        # Actors are archived, not deleted; a superuser's deletion takes its cases along,
        # as it does its memberships.
        on_delete=models.CASCADE,
        related_name="case_applications",
        verbose_name=_("lead organisation"),
    )
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    # A double-submitted "new application" form carries the same token twice: one row.
    creation_token = models.UUIDField(unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Counts saves: a save based on an older version is told, not silently overwritten.
    version = models.PositiveIntegerField(_("version"), default=1)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)

    # --- The case, in English as SIM requires ------------------------------------------
    title = _line(_("title"))
    summary = _text(_("short summary"), SUMMARY_MAX_LENGTH)
    summary_da = _text(_("short summary in Danish"), SUMMARY_MAX_LENGTH)
    problem = _text(_("problem addressed"))
    solution = _text(_("innovative solution"))
    results = _text(_("key results and benefits"))
    evidence = _text(_("evidence of the results"))
    lessons = _text(_("lessons learned"))
    funding_sources = ArrayField(
        models.CharField(max_length=20, choices=FundingSource.choices),
        verbose_name=_("funding sources"),
        default=list,
        blank=True,
    )
    funding_details = _text(_("funding amounts and details"), SHORT_TEXT_MAX_LENGTH)
    partners = models.ManyToManyField(
        Actor, blank=True, related_name="partner_in_cases", verbose_name=_("partners")
    )
    other_partners = _text(_("other partners"), SHORT_TEXT_MAX_LENGTH)
    countries = ArrayField(
        models.CharField(max_length=2),
        verbose_name=_("countries where it runs"),
        default=list,
        blank=True,
    )
    level = models.CharField(_("level of action"), max_length=16, choices=Level.choices, blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="case_applications", verbose_name=_("themes")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="case_applications", verbose_name=_("target groups")
    )
    sdgs = models.ManyToManyField(
        SDG, blank=True, related_name="case_applications", verbose_name=_("SDGs")
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_START_YEAR), MaxValueValidator(2100)],
    )
    website = models.URLField(_("website"), blank=True)
    image = models.ImageField(_("image"), upload_to="cases/images/", blank=True)
    image_description = _line(_("image description"))
    # Shown to staff only, never on a public page or in an export.
    contact_name = _line(_("contact person"), 150)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    seeks_partners = models.BooleanField(_("seeks partners"), default=False)
    partner_countries = ArrayField(
        models.CharField(max_length=2),
        verbose_name=_("partner countries sought"),
        default=list,
        blank=True,
    )
    partner_kinds = ArrayField(
        models.CharField(max_length=32, choices=Actor.Kind.choices),
        verbose_name=_("kinds of partner sought"),
        default=list,
        blank=True,
    )
    partner_text = _text(_("what partners are sought for"), SHORT_TEXT_MAX_LENGTH)
    consent_portal = models.BooleanField(_("consent to publication on the portal"), default=False)
    consent_sim = models.BooleanField(_("consent to publication on SIM"), default=False)

    # --- The workflow's dates and the staff's side -------------------------------------
    assigned_to = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("validator"),
    )
    submitted_at = models.DateTimeField(_("waiting since"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    sim_url = models.URLField(_("link on SIM"), blank=True)
    sim_published_on = models.DateField(_("published on SIM"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Found also by its taxonomies' names and its type's label (common.search).
    search_about = About(relations=("themes", "target_groups", "sdgs"))
    search_vector = search_vector(
        Part(("title",), "A", "english"),
        Part(("summary", "problem", "solution"), "B", "english"),
        Part(("summary_da",), "B", "danish"),
        Part(("results", "lessons"), "C", "english"),
        Part(("title", "summary"), "D", "simple"),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case application")
        verbose_name_plural = _("case applications")
        ordering = ["-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="case_search_idx"),
            models.Index(fields=["status", "-validated_at"], name="case_status_validated_idx"),
        ]
        constraints = [
            *[
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(column), limit),
                    name=f"case_{column}_max_length",
                )
                for column, limit in TEXT_LIMITS.items()
            ],
            models.CheckConstraint(condition=Q(version__gte=1), name="case_version_positive"),
        ]

    def __str__(self) -> str:
        return self.title or str(_("Untitled application"))

    def get_absolute_url(self) -> str:
        return reverse("validation:case_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATES and self.consent_portal

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATES

    @property
    def funding_source_labels(self) -> list[str]:
        labels = dict(FundingSource.choices)
        return [str(labels.get(code, code)) for code in self.funding_sources]

    @property
    def country_names(self) -> list[str]:
        return [str(all_countries.name(code)) for code in self.countries]

    @property
    def partner_country_names(self) -> list[str]:
        return [str(all_countries.name(code)) for code in self.partner_countries]

    @property
    def other_partner_lines(self) -> list[str]:
        return [line.strip() for line in self.other_partners.splitlines() if line.strip()]


class CaseLogEntry(LogEntry):
    """Who took which step, when, from which state to which, and the comment: the history
    applicants and validators read. Messages to the applicant are the notes of the steps
    that carry one (changes requested, rejected)."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        SUBMITTED = "submitted", _("Submitted")
        REVIEW_STARTED = "review_started", _("Review started")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        VALIDATED = "validated", _("Validated")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Published on SIM")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ASSIGNED = "assigned", _("Validator assigned")

    SUBJECT = "case"
    case = models.ForeignKey(
        CaseApplication,
        on_delete=models.CASCADE,
        related_name="log_entries",
        verbose_name=_("application"),
    )
    action = action_field(Action)
    from_status, to_status = status_fields(Status)

    class Meta(LogEntry.Meta):
        verbose_name = _("case log entry")
        verbose_name_plural = _("case log")


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]
CRITERIA = ("scope", "approach", "results", "scaling")


def _score(verbose_name) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        choices=SCORE_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


class CaseReview(models.Model):
    """The validator's scores on the SIM checklist and the eligibility checks. Internal:
    never shown to the applicant."""

    case = models.OneToOneField(
        CaseApplication, on_delete=models.CASCADE, related_name="review", verbose_name=_("case")
    )
    scope_score = _score(_("scope of the problem addressed"))
    scope_comment = _text(_("comment on the scope"), NOTE_MAX_LENGTH)
    approach_score = _score(_("approach and methodology"))
    approach_comment = _text(_("comment on the approach"), NOTE_MAX_LENGTH)
    results_score = _score(_("key results and benefits"))
    results_comment = _text(_("comment on the results"), NOTE_MAX_LENGTH)
    scaling_score = _score(_("potential for scaling up and transfer"))
    scaling_comment = _text(_("comment on the potential for scaling"), NOTE_MAX_LENGTH)
    fits_policy_area = models.BooleanField(_("fits an ESF+ policy area"), default=False)
    written_in_english = models.BooleanField(_("written in English"), default=False)
    consent_given = models.BooleanField(_("consent given"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{c}_score__isnull": True})
                    | Q(**{f"{c}_score__gte": 1, f"{c}_score__lte": 5}),
                    name=f"case_review_{c}_score_range",
                )
                for c in CRITERIA
            ],
            *[
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(f"{c}_comment"), NOTE_MAX_LENGTH),
                    name=f"case_review_{c}_comment_max_length",
                )
                for c in CRITERIA
            ],
        ]

    def __str__(self) -> str:
        return str(self.case)


class InterestMessage(models.Model):
    """A member of another organisation's "express interest" message, relayed by the
    portal to the case's contact; recorded for both sides."""

    case = models.ForeignKey(
        CaseApplication,
        on_delete=models.CASCADE,
        related_name="interest_messages",
        verbose_name=_("case"),
    )
    sender = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="+", verbose_name=_("sender")
    )
    sender_actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="+", verbose_name=_("sender's organisation")
    )
    message = models.TextField(
        _("message"),
        max_length=SHORT_TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(SHORT_TEXT_MAX_LENGTH)],
    )
    answer = _text(_("answer"), SHORT_TEXT_MAX_LENGTH)
    # The secret in the contact's answer link: whoever holds the mail may answer.
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("message"), SHORT_TEXT_MAX_LENGTH),
                name="case_interest_message_max_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("answer"), SHORT_TEXT_MAX_LENGTH),
                name="case_interest_answer_max_length",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender_actor} → {self.case}"


class CaseSubmission(models.Model):
    """What the applicant sent, each time they sent it: a snapshot of the application's
    fields (validation.review.snapshot_of), so the applicant can read back what they sent
    and the validator sees what changed since the previous submission."""

    case = models.ForeignKey(
        CaseApplication,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("application"),
    )
    number = models.PositiveSmallIntegerField(_("submission"))
    submitted_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    submitted_at = models.DateTimeField(_("sent"))
    data = models.JSONField(_("what was sent"), default=dict)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="case_submission_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.case} #{self.number}"
