from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common.search import Part, search_vector
from common.text import validate_single_line
from ecosystem.querysets import ActorQuerySet

# Every text has a maximum length, in the form, the model and the database.
DESCRIPTION_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 1000


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. They log in by e-mail; what they do for an organisation goes via memberships."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(
        _("full name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(
        _("demo account"),
        default=False,
        help_text=_("Made by seed_demo; may skip the second factor on a local DEBUG run."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # The language of the portal's mail to this person: the one chosen on the account
    # page, else the one they last used the portal in (common.mail).
    language = models.CharField(
        _("language of e-mails"),
        max_length=2,
        choices=[("da", _("Danish")), ("en", _("English"))],
        blank=True,
        help_text=_("Leave empty to get e-mails in the language you last used the portal in."),
    )
    last_language = models.CharField(_("language last used"), max_length=2, blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


# --- Reference data (loaded by a migration; names translated with modeltranslation) -------


class Region(models.Model):
    code = models.CharField(_("NUTS code"), max_length=4, unique=True)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("municipality code"), max_length=3, unique=True)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """The 13 ESF+ policy areas."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class SDG(models.Model):
    """One of the UN's 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


# --- Actors ---------------------------------------------------------------------------------


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
            models.UniqueConstraint(
                Lower("name"), "municipality", name="actor_name_municipality_unique"
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
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("actor")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["actor", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "actor"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.actor} ({self.get_role_display()})"


class Invitation(models.Model):
    """An owner invites someone by e-mail; the token in the mail lets them join."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("actor")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=16, choices=Membership.Role.choices, default=Membership.Role.EDITOR
    )
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "actor",
                condition=Q(accepted_at__isnull=True),
                name="invitation_open_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.actor}"


class JoinRequest(models.Model):
    """Someone asks to join an existing actor; an owner approves or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="join_requests", verbose_name=_("actor")
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="join_requests", verbose_name=_("user")
    )
    message = models.TextField(
        _("message"),
        blank=True,
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "user"],
                condition=Q(status="pending"),
                name="join_request_pending_unique",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("message"), MESSAGE_MAX_LENGTH),
                name="join_request_message_max_length",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.actor}"


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


class ActorLogEntry(models.Model):
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

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="log_entries", verbose_name=_("actor")
    )
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=REASON_MAX_LENGTH,
        validators=[MaxLengthValidator(REASON_MAX_LENGTH)],
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("actor log entry")
        verbose_name_plural = _("actor log")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), REASON_MAX_LENGTH),
                name="actor_log_note_max_length",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor}: {self.get_action_display()}"


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
