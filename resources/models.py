"""The knowledge library: resources, their files (with earlier versions), collections and
per-day download counts.

A resource is written in one language and says which; its search vector is stemmed in
that language (common.search). Generated columns cannot read other tables, so the text
extracted from a resource's files is gathered into `files_text` on the resource
(resources.services.refresh_files_text) and searched from there.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear, Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.search import About, Part, language_config, search_vector
from common.text import validate_single_line
from ecosystem.models import SDG, Actor, TargetGroup, Theme, User
from resources.querysets import ResourceQuerySet

BODY_MAX_LENGTH = 20_000
SUMMARY_MAX_LENGTH = 500
INTRODUCTION_MAX_LENGTH = 5_000
# What a file's extracted text and a resource's gathered file text may hold: enough to
# find a report by a word on its last pages, small enough for a tsvector (1 MB).
FILE_TEXT_MAX_LENGTH = 100_000
FILES_TEXT_MAX_LENGTH = 200_000
ERROR_MAX_LENGTH = 500
FILES_FOLDER = "resources/files"
COVERS_FOLDER = "resources/covers"


def _max_length(column: str, limit: int, prefix: str) -> models.CheckConstraint:
    # A text column has no length of its own: the database holds the limit too.
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(column), limit), name=f"{prefix}_{column}_max_length"
    )


class Resource(models.Model):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        METHOD = "method", _("Method or toolkit")
        REPORT = "report", _("Report or research")
        CASE_STUDY = "case_study", _("Case study")
        POLICY_BRIEF = "policy_brief", _("Policy brief")
        FINANCING_MODEL = "financing_model", _("Financing model")
        TEMPLATE = "template", _("Template")
        VIDEO = "video", _("Video or webinar recording")
        LINK = "link", _("Link")
        DATASET = "dataset", _("Dataset")

    class Audience(models.TextChoices):
        PRACTITIONERS = "practitioners", _("Practitioners")
        PUBLIC_SECTOR = "public_sector", _("Public sector")
        FUNDERS = "funders", _("Funders")
        RESEARCHERS = "researchers", _("Researchers")
        POLICY_MAKERS = "policy_makers", _("Policy makers")
        EVERYONE = "everyone", _("Everyone")

    class Language(models.TextChoices):
        DANISH = "da", _("Danish")
        ENGLISH = "en", _("English")
        OTHER = "other", _("Other language")

    class Access(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        REGISTERED = "registered", _("Registered users")
        PARTNERS = "partners", _("Partners")
        STAFF = "staff", _("Staff")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(
        _("summary"), max_length=SUMMARY_MAX_LENGTH, validators=[validate_single_line]
    )
    body = models.TextField(
        _("body (Markdown)"),
        blank=True,
        max_length=BODY_MAX_LENGTH,
        validators=[MaxLengthValidator(BODY_MAX_LENGTH)],
    )
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="resources", verbose_name=_("themes")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="resources", verbose_name=_("target groups")
    )
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="resources", verbose_name=_("SDGs"))
    audience = models.CharField(
        _("audience"), max_length=32, choices=Audience.choices, default=Audience.EVERYONE
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.DANISH
    )
    authors = models.CharField(
        _("authors"), max_length=300, blank=True, validators=[validate_single_line]
    )
    publishers = models.ManyToManyField(
        Actor,
        blank=True,
        related_name="resources",
        verbose_name=_("publishing organisations"),
    )
    published_on = models.DateField(_("publication date"))
    year = models.GeneratedField(
        expression=ExtractYear("published_on"),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    cover_image = models.ImageField(_("cover image"), upload_to=COVERS_FOLDER, blank=True)
    external_url = models.URLField(_("external link"), blank=True, max_length=500)
    access = models.CharField(
        _("access"), max_length=16, choices=Access.choices, default=Access.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    featured = models.BooleanField(_("featured"), default=False)
    # The same resource in the other language is a resource of its own, written in that
    # language; it points at the original, so editors see which ones still lack one.
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The resource this one translates, in the other language."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The text of the resource's files, gathered here because a generated column cannot
    # read another table (resources.services.refresh_files_text).
    files_text = models.TextField(
        _("text of the files"), blank=True, editable=False, max_length=FILES_TEXT_MAX_LENGTH
    )

    # Found also by its taxonomies' names and its type's label (common.search).
    search_about = About(relations=("themes", "target_groups", "sdgs"), choices=("kind",))
    search_vector = search_vector(
        Part(("title",), "A", language_config("language", {"da": "danish", "en": "english"})),
        Part(("summary",), "B", language_config("language", {"da": "danish", "en": "english"})),
        Part(("body",), "C", language_config("language", {"da": "danish", "en": "english"})),
        Part(("files_text",), "D", language_config("language", {"da": "danish", "en": "english"})),
        # Unstemmed words of the title and summary, for the prefix match of a word still
        # being typed (see common.search).
        Part(("title", "summary"), "D", "simple"),
    )

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_on", "pk"]
        indexes = [
            GinIndex(fields=["search_vector"], name="resource_search_idx"),
            models.Index(fields=["status", "-published_on"], name="resource_status_date_idx"),
        ]
        constraints = [
            _max_length("body", BODY_MAX_LENGTH, "resource"),
            _max_length("files_text", FILES_TEXT_MAX_LENGTH, "resource"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        original = self.translation_of
        if original is None:
            return
        if original.pk == self.pk:
            raise ValidationError({"translation_of": _("A resource cannot translate itself.")})
        if original.language == self.language:
            raise ValidationError(
                {"translation_of": _("A translation is written in another language.")}
            )
        if original.translation_of_id:
            raise ValidationError(
                {"translation_of": _("Choose the original, not another translation of it.")}
            )

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_restricted(self) -> bool:
        return self.access != self.Access.PUBLIC


class ResourceFile(models.Model):
    """A file of a resource. Its download URL names this row, so replacing the stored
    file keeps the URL; the replaced file is kept as a `ResourceFileVersion`."""

    class Extraction(models.TextChoices):
        PENDING = "pending", _("Not yet extracted")
        DONE = "done", _("Extracted")
        FAILED = "failed", _("Failed")
        NONE = "none", _("No text to extract")

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="files", verbose_name=_("resource")
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, validators=[validate_single_line]
    )
    file = models.FileField(_("file"), max_length=300)
    original_name = models.CharField(_("original name"), max_length=200)
    kind = models.CharField(_("type"), max_length=16)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(
        _("extracted text"), blank=True, editable=False, max_length=FILE_TEXT_MAX_LENGTH
    )
    extraction = models.CharField(
        _("text extraction"), max_length=16, choices=Extraction.choices, default="pending"
    )
    extraction_error = models.CharField(_("extraction error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["position", "pk"]
        constraints = [
            _max_length("text", FILE_TEXT_MAX_LENGTH, "resourcefile"),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_absolute_url(self) -> str:
        return reverse(
            "resources:download", kwargs={"slug": self.resource.slug, "file_id": self.pk}
        )


class ResourceFileVersion(models.Model):
    """A stored file that a newer upload replaced: kept for staff, with who replaced it
    and when."""

    resource_file = models.ForeignKey(
        ResourceFile, on_delete=models.CASCADE, related_name="versions", verbose_name=_("file")
    )
    file = models.FileField(_("file"), max_length=300)
    original_name = models.CharField(_("original name"), max_length=200)
    kind = models.CharField(_("type"), max_length=16)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded"))
    replaced_at = models.DateTimeField(_("replaced"), auto_now_add=True)
    replaced_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replaced by"),
    )

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["-replaced_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.replaced_at:%Y-%m-%d})"


class DownloadCount(models.Model):
    """How often a file was downloaded on a day. Who downloaded is never stored."""

    resource_file = models.ForeignKey(
        ResourceFile, on_delete=models.CASCADE, related_name="downloads", verbose_name=_("file")
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["resource_file", "day"], name="download_count_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.resource_file}: {self.count} ({self.day})"


class Collection(models.Model):
    """A curated, ordered list of resources with an introduction in both languages."""

    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=INTRODUCTION_MAX_LENGTH,
        validators=[MaxLengthValidator(INTRODUCTION_MAX_LENGTH)],
    )
    is_published = models.BooleanField(_("published"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    resources = models.ManyToManyField(
        Resource, through="CollectionItem", related_name="collections", verbose_name=_("resources")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["position", "pk"]
        constraints = [
            *[
                _max_length(column, INTRODUCTION_MAX_LENGTH, "collection")
                for column in ("introduction", "introduction_da", "introduction_en")
            ],
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:collection", kwargs={"slug": self.slug})


class CollectionItem(models.Model):
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="items", verbose_name=_("collection")
    )
    resource = models.ForeignKey(
        Resource,
        on_delete=models.CASCADE,
        related_name="collection_items",
        verbose_name=_("resource"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "resource"], name="collection_item_unique"
            ),
            models.CheckConstraint(condition=Q(position__gte=0), name="collection_item_position"),
        ]

    def __str__(self) -> str:
        return f"{self.collection}: {self.resource}"
