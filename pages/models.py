"""Site-wide content that staff edit in the admin: the trust pages, news and the messages
sent through the contact form."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.generations import Generation
from common.text import validate_single_line
from ecosystem import staff

# Every public page built from these tables is cached under this generation; any save or
# delete of a page or an article renews it (PagesConfig.ready()).
GENERATION = Generation("pages")

TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 500
BODY_MAX_LENGTH = 50_000
MESSAGE_MAX_LENGTH = 5000


def _max_length_checks(prefix: str, limits: dict[str, int]) -> list[models.CheckConstraint]:
    """A text column has no length of its own: the database holds the limit too."""
    return [
        models.CheckConstraint(
            condition=LessThanOrEqual(Length(column), limit),
            name=f"{prefix}_{column}_max_length",
        )
        for column, limit in limits.items()
    ]


_BODY_COLUMNS = {"body": BODY_MAX_LENGTH, "body_da": BODY_MAX_LENGTH, "body_en": BODY_MAX_LENGTH}


class Page(models.Model):
    """One of the pages every Danish public body publishes. The body is Markdown, turned
    into sanitised HTML when shown (common.markdown)."""

    class Key(models.TextChoices):
        ABOUT = "about", _("About")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy policy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    class Menu(models.TextChoices):
        MAIN = "main", _("Main menu")
        ABOUT = "about", _("Under “About” in the main menu")
        FOOTER = "footer", _("Footer only")

    key = models.CharField(_("page"), max_length=32, choices=Key.choices, unique=True)
    title = models.CharField(
        _("title"), max_length=TITLE_MAX_LENGTH, validators=[validate_single_line]
    )
    summary = models.CharField(
        _("summary"),
        max_length=SUMMARY_MAX_LENGTH,
        blank=True,
        help_text=_("One or two sentences shown under the title."),
    )
    body = models.TextField(
        _("body"),
        max_length=BODY_MAX_LENGTH,
        validators=[MaxLengthValidator(BODY_MAX_LENGTH)],
        help_text=_("Markdown: ## for a heading, - for a list, [text](address) for a link."),
    )
    menu = models.CharField(
        _("place in the menu"), max_length=16, choices=Menu.choices, default=Menu.ABOUT
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in their menu.")
    )
    # When the text last changed: the page's "Senest opdateret". Moving the page in the menu
    # is no edit of the text and leaves it as it is.
    updated_at = models.DateTimeField(_("text last changed"), default=timezone.now)

    TEXT_FIELDS = tuple(
        f"{name}{suffix}" for name in ("title", "summary", "body") for suffix in ("", "_da", "_en")
    )

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "key"]
        constraints = _max_length_checks("page", _BODY_COLUMNS)

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            before = type(self).objects.filter(pk=self.pk).values(*self.TEXT_FIELDS).first()
            if before and any(before[name] != getattr(self, name) for name in self.TEXT_FIELDS):
                self.updated_at = timezone.now()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(self.key)


class NewsQuerySet(models.QuerySet):
    def published(self) -> "NewsQuerySet":
        return self.filter(published_at__isnull=False, published_at__lte=timezone.now())


class NewsArticle(models.Model):
    """A piece of news from the centre. Unpublished while it has no publication time, and
    until that time comes."""

    title = models.CharField(
        _("title"), max_length=TITLE_MAX_LENGTH, validators=[validate_single_line]
    )
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    body = models.TextField(
        _("body"),
        max_length=BODY_MAX_LENGTH,
        validators=[MaxLengthValidator(BODY_MAX_LENGTH)],
        help_text=_("Markdown: ## for a heading, - for a list, [text](address) for a link."),
    )
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to keep the article as a draft."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-created_at"]
        constraints = _max_length_checks("news", _BODY_COLUMNS)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:news_detail", kwargs={"slug": self.slug})


class ContactMessage(models.Model):
    """A message sent through the contact form, routed by its topic to the staff who
    answer that kind of question."""

    class Topic(models.TextChoices):
        VALIDATION = "validation", _("EU case validation")
        EVENTS = "events", _("Events")
        ACTOR_MAP = "actor_map", _("The actor map")
        RESOURCES = "resources", _("Knowledge resources")
        PARTNERSHIP = "partnership", _("Partnership")
        PRESS = "press", _("Press")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    # Who answers each topic: a staff group, or (None) the centre's own address.
    ROUTING = {
        Topic.VALIDATION: staff.VALIDATORS,
        Topic.EVENTS: staff.EVENT_MANAGERS,
        Topic.ACTOR_MAP: staff.MODERATORS,
        Topic.RESOURCES: staff.EDITORS,
        Topic.PARTNERSHIP: None,
        Topic.PRESS: None,
        Topic.OTHER: None,
    }

    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    name = models.CharField(_("name"), max_length=150, validators=[validate_single_line])
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[validate_single_line]
    )
    message = models.TextField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
    )
    language = models.CharField(_("language"), max_length=2, default="da")
    # The form's own token (a hidden field): the database keeps one message per form sent,
    # however often it is submitted.
    submission = models.UUIDField(
        _("form token"), null=True, blank=True, unique=True, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by user"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    reply = models.TextField(
        _("reply"),
        blank=True,
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]
        constraints = [
            *_max_length_checks(
                "contact", {"message": MESSAGE_MAX_LENGTH, "reply": MESSAGE_MAX_LENGTH}
            ),
            models.CheckConstraint(
                condition=Q(status="new") | Q(answered_at__isnull=False),
                name="contact_answered_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.name}"

    @property
    def staff_group(self) -> str | None:
        return self.ROUTING[self.Topic(self.topic)]
