"""Actors (organisations), their connections, their history and their partnerships with
the centre."""

from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common.logs import LogEntry, action_field, status_fields
from common.search import About, Part, search_vector
from common.text import validate_single_line
from ecosystem import citynames
from ecosystem.models.people import User
from ecosystem.models.reference import SDG, Municipality, Region, TargetGroup, Theme
from ecosystem.querysets import ActorQuerySet

# Every text has a maximum length, in the form, the model and the database.
DESCRIPTION_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 1000


class Actor(models.Model):
    """An organisation in the ecosystem. What its members edit or apply for belongs to it."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region")
        STATE_AGENCY = "state_agency", _("State agency")
        FOUNDATION = "foundation", _("Foundation")
        SOCIAL_INVESTOR = "social_investor", _("Social investor")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
        RSV = "rsv", _("Registered social enterprise (RSV)")
        NGO = "ngo", _("NGO or civil society")
        UNIVERSITY = "university", _("University or research")
        KNOWLEDGE_CENTRE = "knowledge_centre", _("Knowledge or development centre")
        BUSINESS = "business", _("Business")
        NETWORK = "network", _("Network or alliance")
        OTHER = "other", _("Other")

    class Role(models.TextChoices):
        PRACTITIONER = "practitioner", _("Practitioner")
        FUNDER = "funder", _("Funder")
        RESEARCHER = "researcher", _("Researcher")
        POLICY_MAKER = "policy_maker", _("Policy maker")
        INTERMEDIARY = "intermediary", _("Intermediary or support organisation")

    class Scale(models.TextChoices):
        LOCAL = "local", _("Local")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")
        INTERNATIONAL = "international", _("International")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Pending review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    short_description = models.CharField(_("short description"), max_length=300)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="actors", verbose_name=_("themes")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="actors", verbose_name=_("target groups")
    )
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="actors", verbose_name=_("SDGs"))
    role = models.CharField(_("role in the ecosystem"), max_length=32, choices=Role.choices)
    scale = models.CharField(_("scale"), max_length=16, choices=Scale.choices)
    country = CountryField(_("country"), default="DK")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actors",
        verbose_name=_("municipality"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actors",
        verbose_name=_("region"),
    )
    address = models.CharField(
        _("address"), max_length=200, blank=True, validators=[validate_single_line]
    )
    postcode = models.CharField(
        _("postcode"), max_length=10, blank=True, validators=[validate_single_line]
    )
    city = models.CharField(
        _("city"), max_length=100, blank=True, validators=[validate_single_line]
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(
        _("public phone"), max_length=30, blank=True, validators=[validate_single_line]
    )
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True)
    logo = models.ImageField(_("logo"), upload_to="actors/logos/", blank=True)
    open_to_partnerships = models.BooleanField(_("open to partnerships"), default=False)
    partnership_text = models.CharField(
        _("what we look for in partners"), max_length=500, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded"), null=True, blank=True, validators=[MinValueValidator(1000)]
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        max_length=REASON_MAX_LENGTH,
        validators=[MaxLengthValidator(REASON_MAX_LENGTH)],
    )
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    members = models.ManyToManyField(
        User, through="Membership", related_name="actors", verbose_name=_("members")
    )

    # Found also by its taxonomies' names and its type's label (common.search).
    search_about = About(relations=("themes", "target_groups", "sdgs"), choices=("kind", "role"))
    # Full-text search in both languages, computed by PostgreSQL and indexed (GIN).
    search_vector = search_vector(
        Part(("name",), "A", "danish"),
        Part(("name",), "A", "english"),
        Part(("short_description_da", "description_da"), "B", "danish"),
        Part(("short_description_en", "description_en"), "B", "english"),
        Part(("city",), "C", "simple"),
        # Unstemmed words too, for the prefix match of a word still being typed: the
        # stemmed "virksom" is no match for "virksomh:*", the whole "virksomhed" is.
        Part(
            ("name", "short_description_da", "short_description_en"),
            "D",
            "simple",
        ),
    )

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]
        indexes = [
            GinIndex(fields=["search_vector"], name="actor_search_idx"),
            models.Index(fields=["status", "name"], name="actor_status_name_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["cvr"], condition=~Q(cvr=""), name="actor_cvr_unique"),
            # One name per place. NULLS NOT DISTINCT (PostgreSQL 15): an actor abroad has
            # no municipality, and without it ten simultaneous registrations of one Swedish
            # organisation made several actors.
            models.UniqueConstraint(
                Lower("name"),
                "country",
                "municipality",
                nulls_distinct=False,
                name="actor_name_municipality_unique",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="actor_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="actor_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="actor_position_both_or_neither",
            ),
            # A text column has no length of its own: the database holds the limit too.
            *[
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(column), DESCRIPTION_MAX_LENGTH),
                    name=f"actor_{column}_max_length",
                )
                for column in ("description", "description_da", "description_en")
            ],
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("rejection_reason"), REASON_MAX_LENGTH),
                name="actor_rejection_reason_max_length",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ecosystem:actor_detail", kwargs={"slug": self.slug})

    @property
    def city_name(self) -> str:
        """The city in the page's language (Prag, Warszawa on a Danish page; see
        ecosystem.citynames)."""
        return citynames.city_name(self.city, self.country) if self.city else ""

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Connection(models.Model):
    """A typed link between two actors, shown on both actors' pages."""

    class Kind(models.TextChoices):
        PARTNER_OF = "partner_of", _("partner of")
        MEMBER_OF = "member_of", _("member of")
        FUNDED_BY = "funded_by", _("funded by")
        COLLABORATES_WITH = "collaborates_with", _("collaborates with")

    from_actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="connections_from", verbose_name=_("actor")
    )
    to_actor = models.ForeignKey(
        Actor,
        on_delete=models.CASCADE,
        related_name="connections_to",
        verbose_name=_("connected actor"),
    )
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("connection")
        verbose_name_plural = _("connections")
        ordering = ["kind", "to_actor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_actor", "to_actor", "kind"], name="connection_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_actor=models.F("to_actor")), name="connection_not_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_actor} {self.get_kind_display()} {self.to_actor}"


class ActorLogEntry(LogEntry):
    """Who did what to an actor, when: the history of moderation and edits."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submitted", _("Sent for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        EDITED = "edited", _("Edited")
        UNPUBLISHED = "unpublished", _("Unpublished")
        ARCHIVED = "archived", _("Archived")
        RESTORED = "restored", _("Published again")
        MEMBER_ADDED = "member_added", _("Member added")
        MEMBER_REMOVED = "member_removed", _("Member removed")
        INVITED = "invited", _("Member invited")

    SUBJECT = "actor"
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="log_entries", verbose_name=_("actor")
    )
    action = action_field(Action)
    from_status, to_status = status_fields(Actor.Status)

    class Meta(LogEntry.Meta):
        verbose_name = _("actor log entry")
        verbose_name_plural = _("actor log")


class PartnershipQuerySet(models.QuerySet):
    def current(self, on=None) -> "PartnershipQuerySet":
        """Partnerships that hold on the day `on` (today in Copenhagen by default)."""
        day = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)


class Partnership(models.Model):
    """An actor is a partner of the centre (the consortium's or the network's) from a start
    date until an optional end date; its members are partners while that holds."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("actor")
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=300, blank=True, validators=[validate_single_line]
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="partnership_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.starts_on}–{self.ends_on or ''})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date must be on or after the start.")})
