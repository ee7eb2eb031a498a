"""Policy events: announcement, registration, and the outcome that carries recommendations.

Times are stored in UTC and shown in Europe/Copenhagen (settings.TIME_ZONE). Every text
has a maximum length in the form, the model and the database.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.logs import LogEntry, action_field
from common.search import About, Part, search_vector
from common.text import validate_single_line
from ecosystem.models import Actor, Municipality, Region, Theme

DESCRIPTION_MAX_LENGTH = 5000
SUMMARY_MAX_LENGTH = 5000
NEEDS_MAX_LENGTH = 500
RECOMMENDATION_MAX_LENGTH = 3000

# First path segments of policy/urls.py that an event's slug must never take.
RESERVED_SLUGS = frozenset({"feed.ics", "recommendations", "registrations", "past"})


def _max_length(name: str, column: str, limit: int) -> models.CheckConstraint:
    # A text column has no length of its own: the database holds the limit too.
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(column), limit), name=f"{name}_{column}_max_length"
    )


def _text(label, limit: int) -> models.TextField:
    return models.TextField(
        label, blank=True, max_length=limit, validators=[MaxLengthValidator(limit)]
    )


def _line(label, limit: int = 200, **kwargs) -> models.CharField:
    return models.CharField(label, max_length=limit, validators=[validate_single_line], **kwargs)


class GovernmentLevel(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    EU = "eu", _("EU")


def _this_minute():
    """Now, to the minute: the lists' queries (and so their cached facet counts, keyed by
    the SQL and its parameters) stay the same for a minute instead of changing with every
    request."""
    return timezone.now().replace(second=0, microsecond=0)


class EventQuerySet(models.QuerySet):
    def public(self) -> EventQuerySet:
        """Published and cancelled events: a cancelled event stays visible, marked."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def published(self) -> EventQuerySet:
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self) -> EventQuerySet:
        return self.filter(end__gte=_this_minute())

    def past(self) -> EventQuerySet:
        return self.filter(end__lt=_this_minute())


class Event(models.Model):
    class Kind(models.TextChoices):
        ROUNDTABLE = "roundtable", _("Roundtable")
        POLICY_LAB = "policy_lab", _("Policy lab")
        WORKSHOP = "workshop", _("Workshop")
        NETWORK_MEETING = "network_meeting", _("Network meeting")
        CONFERENCE = "conference", _("Conference")
        WEBINAR = "webinar", _("Webinar")

    class Audience(models.TextChoices):
        DECISION_MAKERS = "decision_makers", _("Decision makers")
        PRACTITIONERS = "practitioners", _("Practitioners")
        FUNDERS = "funders", _("Funders")
        RESEARCHERS = "researchers", _("Researchers")
        EVERYONE = "everyone", _("Everyone")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    class Language(models.TextChoices):
        DANISH = "da", _("Danish")
        ENGLISH = "en", _("English")

    title = _line(_("title"))
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    description = _text(_("description"), DESCRIPTION_MAX_LENGTH)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="events", verbose_name=_("policy themes")
    )
    audience = models.CharField(
        _("intended audience"), max_length=32, choices=Audience.choices, default=Audience.EVERYONE
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue_name = _line(_("venue"), blank=True)
    venue_address = _line(_("address"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    # Set from the municipality on save: a column the region facet can count.
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="events",
        verbose_name=_("region"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed participants."),
    )
    mode = models.GeneratedField(
        expression=Case(
            When(~Q(online_url="") & ~Q(venue_name=""), then=Value("mixed")),
            When(~Q(online_url=""), then=Value("online")),
            default=Value("in_person"),
        ),
        output_field=models.CharField(max_length=16, choices=Mode.choices),
        db_persist=True,
        verbose_name=_("attendance"),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.DANISH
    )
    organisers = models.ManyToManyField(
        Actor, blank=True, related_name="organised_events", verbose_name=_("organisers")
    )
    co_hosts = models.ManyToManyField(
        Actor, blank=True, related_name="co_hosted_events", verbose_name=_("co-hosts")
    )
    capacity = models.PositiveIntegerField(_("seats"), validators=[MinValueValidator(1)])
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    needs_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("For closed roundtables: an event manager approves each registration."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # RFC 5545: raised whenever the event changes, so calendars take the new version.
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Found also by its taxonomies' names and its type's label (common.search).
    search_about = About(relations=("themes",), choices=("kind",))
    # Full-text search in both languages (the portal-wide search), computed by PostgreSQL.
    search_vector = search_vector(
        Part(("title_da",), "A", "danish"),
        Part(("title_en",), "A", "english"),
        Part(("description_da",), "B", "danish"),
        Part(("description_en",), "B", "english"),
        Part(("title_da", "title_en"), "D", "simple"),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["status", "start"], name="event_status_start_idx"),
            GinIndex(fields=["search_vector"], name="event_search_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="event_position_valid",
            ),
            *[
                _max_length("event", column, DESCRIPTION_MAX_LENGTH)
                for column in ("description", "description_da", "description_en")
            ],
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.region_id = self.municipality.region_id if self.municipality_id else None
        if not self._state.adding:
            self.sequence += 1
            fields = kwargs.get("update_fields")
            if fields is not None:
                kwargs["update_fields"] = {*fields, "sequence", "region"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("policy:event_detail", kwargs={"slug": self.slug})

    def get_mode_display(self) -> str:
        """Django makes no get_FOO_display() for a generated field: the list and the page
        showed an empty "Attendance"."""
        return str(self.Mode(self.mode).label) if self.mode in self.Mode.values else ""

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if not self.venue_name and not self.online_url:
            errors["venue_name"] = _("Give a venue, an online link, or both.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the portal; choose another.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_ended(self) -> bool:
        return self.end < timezone.now()

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.status != self.Status.PUBLISHED or now >= self.end:
            return False
        if self.registration_opens and now < self.registration_opens:
            return False
        return not (self.registration_closes and now >= self.registration_closes)


class AgendaItem(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("event")
    )
    time = models.TimeField(_("time"))
    title = _line(_("title"))
    speakers = _line(_("speakers"), 300, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["time", "pk"]

    def __str__(self) -> str:
        return f"{self.time:%H:%M} {self.title}"


class Speaker(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("event")
    )
    name = _line(_("name"), 150)
    title = _line(_("title"), 150, blank=True)
    organisation = _line(_("organisation"), 200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person with an account"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Registration(models.Model):
    """One person's registration for one event. Its states are the transition table in
    policy/services.py; only confirmed and attended registrations hold a seat."""

    class Status(models.TextChoices):
        # A guest's registration until the link in the e-mail confirms the address: it
        # holds no seat and no place on the waiting list.
        UNCONFIRMED = "unconfirmed", _("E-mail not yet confirmed")
        PENDING = "pending", _("Pending approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    SEATED = (Status.CONFIRMED, Status.ATTENDED)
    # What a registrant may change afterwards ("My registration"); the address is the key
    # of their links and stays as it is.
    CHANGEABLE = (
        "name",
        "organisation",
        "role_title",
        "is_decision_maker",
        "decision_level",
        "dietary_needs",
        "accessibility_needs",
    )
    ACTIVE = (Status.UNCONFIRMED, Status.PENDING, Status.CONFIRMED, Status.WAITING, Status.ATTENDED)

    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("user"),
    )
    name = _line(_("name"), 150)
    email = models.EmailField(_("e-mail address"))
    organisation = _line(_("organisation"), 200, blank=True)
    role_title = _line(_("role or title"), 200, blank=True)
    is_decision_maker = models.BooleanField(_("decision maker"), default=False)
    decision_level = models.CharField(
        _("level of government"), max_length=16, choices=GovernmentLevel.choices, blank=True
    )
    dietary_needs = _text(_("dietary needs"), NEEDS_MAX_LENGTH)
    accessibility_needs = _text(_("accessibility needs"), NEEDS_MAX_LENGTH)
    consent = models.BooleanField(_("consent"), default=False)
    language = models.CharField(_("language"), max_length=2, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UNCONFIRMED
    )
    # The order of the waiting list: first in line is promoted first.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "status"], name="registration_event_status"),
            # A person's registrations are found by their account or by an address they
            # verified (the account page, the data export): without it, a scan of all.
            models.Index(Lower("email"), name="registration_email_lower"),
        ]
        constraints = [
            # One registration per person and event: a second attempt (a double click,
            # two tabs) fails here, whatever the application checked before.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=Q(
                    status__in=["unconfirmed", "pending", "confirmed", "waiting", "attended"]
                ),
                name="registration_one_per_email",
            ),
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(
                    status__in=["unconfirmed", "pending", "confirmed", "waiting", "attended"]
                ),
                name="registration_one_per_user",
            ),
            models.CheckConstraint(
                condition=Q(is_decision_maker=False, decision_level="")
                | Q(is_decision_maker=True) & ~Q(decision_level=""),
                name="registration_decision_level",
            ),
            _max_length("registration", "dietary_needs", NEEDS_MAX_LENGTH),
            _max_length("registration", "accessibility_needs", NEEDS_MAX_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.event}"

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEATED

    @property
    def waiting_place(self) -> int | None:
        """The place on the waiting list (1 is the next to get a seat), or None when the
        registration is not waiting. The same order as policy.services.fill_free_seats."""
        if self.status != self.Status.WAITING or self.waiting_since is None:
            return None
        ahead = Registration.objects.filter(
            Q(waiting_since__lt=self.waiting_since)
            | Q(waiting_since=self.waiting_since, pk__lt=self.pk),
            event_id=self.event_id,
            status=self.Status.WAITING,
        )
        return ahead.count() + 1


class EventLogEntry(LogEntry):
    """Who did what to an event or a registration, when: the history staff read. The
    states are the event's or, where `registration` is set, the registration's."""

    class Action(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        EMAIL_CONFIRMED = "email_confirmed", _("E-mail address confirmed")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        PROMOTED = "promoted", _("Given a seat from the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Marked as attended")
        ATTENDANCE_UNDONE = "attendance_undone", _("Attendance undone")
        PUBLISHED = "published", _("Published")

    SUBJECT = "event"
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="log_entries", verbose_name=_("event")
    )
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="log_entries",
        verbose_name=_("registration"),
    )
    action = action_field(Action)

    class Meta(LogEntry.Meta):
        verbose_name = _("event log entry")
        verbose_name_plural = _("event log")


class Outcome(models.Model):
    """What an event led to, published by event managers after it."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="outcome", verbose_name=_("event")
    )
    summary = _text(_("summary"), SUMMARY_MAX_LENGTH)
    actors = models.ManyToManyField(
        Actor, blank=True, related_name="event_outcomes", verbose_name=_("actors involved")
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            _max_length("outcome", column, SUMMARY_MAX_LENGTH)
            for column in ("summary", "summary_da", "summary_en")
        ]

    def __str__(self) -> str:
        return str(self.event)

    def save(self, *args, **kwargs) -> None:
        if self.is_published and not self.published_at:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)


class OutcomeResource(models.Model):
    """Slides, a report: a link, so the outcome can point into the library or elsewhere."""

    outcome = models.ForeignKey(
        Outcome, on_delete=models.CASCADE, related_name="resources", verbose_name=_("outcome")
    )
    title = _line(_("title"))
    url = models.URLField(_("link"))

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class RecommendationQuerySet(models.QuerySet):
    def public(self) -> RecommendationQuerySet:
        return self.filter(
            outcome__is_published=True,
            outcome__event__status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED],
        )


class Recommendation(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ADOPTED = "adopted", _("Adopted")
        IMPLEMENTED = "implemented", _("Implemented")

    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("outcome"),
    )
    title = _line(_("title"))
    text = _text(_("text"), RECOMMENDATION_MAX_LENGTH)
    level = models.CharField(
        _("level of government"), max_length=16, choices=GovernmentLevel.choices
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_on = models.DateField(_("proposed"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    implemented_on = models.DateField(_("implemented"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["outcome", "pk"]
        constraints = [
            _max_length("recommendation", column, RECOMMENDATION_MAX_LENGTH)
            for column in ("text", "text_da", "text_en")
        ]

    def __str__(self) -> str:
        return self.title
