"""The library in the admin, for the editors group and superusers only: resources with
their files (upload, replace keeping the earlier version), access, publish and unpublish,
collections with their order, and download counts."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Sum
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from common.admin import RoleGate
from ecosystem.models import Actor
from resources import permissions, services
from resources.forms import ResourceAdminForm, ResourceFileAdminForm
from resources.models import (
    Collection,
    CollectionItem,
    DownloadCount,
    Resource,
    ResourceFile,
    ResourceFileVersion,
)


class LibraryEditorsOnly(RoleGate):
    """The library's pages are for superusers and the editors group only."""

    allowed = staticmethod(permissions.can_edit_in_admin)


class MissingFilter(admin.SimpleListFilter):
    """What a resource still lacks (ResourceQuerySet.with_gaps): a translation, a file."""

    title = _("missing")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [("translation", _("Missing translation")), ("file", _("Missing file"))]

    def queryset(self, request, queryset):
        if self.value() == "translation":
            return queryset.filter(has_translation=False)
        if self.value() == "file":
            return queryset.filter(has_file=False)
        return queryset


class ResourceFileInline(LibraryEditorsOnly, admin.StackedInline):
    model = ResourceFile
    form = ResourceFileAdminForm
    extra = 1
    fields = ["title", "position", "upload", "current", "downloads", "extraction_state"]
    readonly_fields = ["current", "downloads", "extraction_state"]

    @admin.display(description=_("current file"))
    def current(self, obj: ResourceFile) -> str:
        if not obj.pk:
            return "–"
        versions = obj.versions.count()
        return format_html(
            '<a href="{}">{}</a> ({} {}, {}) · {}',
            obj.get_absolute_url(),
            obj.original_name,
            obj.kind.upper(),
            obj.size,
            _("bytes"),
            ngettext("%(n)d earlier version", "%(n)d earlier versions", versions) % {"n": versions},
        )

    @admin.display(description=_("downloads"))
    def downloads(self, obj: ResourceFile) -> int:
        if not obj.pk:
            return 0
        return obj.downloads.aggregate(total=Sum("count"))["total"] or 0

    @admin.display(description=_("text extraction"))
    def extraction_state(self, obj: ResourceFile) -> str:
        if not obj.pk:
            return "–"
        label = obj.get_extraction_display()
        return f"{label}: {obj.extraction_error}" if obj.extraction_error else label


@admin.register(Resource)
class ResourceAdmin(LibraryEditorsOnly, admin.ModelAdmin):
    form = ResourceAdminForm
    inlines = [ResourceFileInline]
    list_display = ["title", "kind", "language", "access", "status", "gaps", "published_on"]
    list_filter = [MissingFilter, "status", "access", "kind", "language", "featured"]
    search_fields = ["title", "summary", "authors"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes", "target_groups", "sdgs", "publishers"]
    date_hierarchy = "published_on"
    actions = ["publish", "unpublish"]
    readonly_fields = ["status", "published_at"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "summary", "body", "kind", "language", "translation_of"]},
        ),
        (
            _("Taxonomies and audience"),
            {"fields": ["themes", "target_groups", "sdgs", "audience"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "authors",
                    "publishers",
                    "published_on",
                    "cover_image",
                    "external_url",
                    "featured",
                ]
            },
        ),
        (_("Access and status"), {"fields": ["access", "status", "published_at"]}),
    ]

    raw_id_fields = ["translation_of"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_gaps()

    @admin.display(description=_("missing"))
    def gaps(self, resource: Resource) -> str:
        missing = [
            label
            for label, there in (
                (_("Missing translation"), resource.has_translation),
                (_("Missing file"), resource.has_file),
            )
            if not there
        ]
        return ", ".join(str(label) for label in missing) or "–"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "publishers":
            kwargs["queryset"] = Actor.objects.published().only("name")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        if formset.model is not ResourceFile:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # works out the deleted objects
        for obj in formset.deleted_objects:
            obj.delete()
        deleted = set(formset.deleted_forms)
        for inline in formset.forms:
            if inline in deleted or not inline.has_changed():
                continue
            upload = inline.cleaned_data.get("upload")
            file = inline.instance
            if file.pk and upload:
                services.replace_file(
                    resource_file=file,
                    upload=upload,
                    original_name=upload.original_name,
                    user=request.user,
                )
                ResourceFile.objects.filter(pk=file.pk).update(
                    title=file.title, position=file.position
                )
            elif file.pk:
                file.save(update_fields=["title", "position", "updated_at"])
            elif upload:
                services.add_file(
                    resource=form.instance,
                    upload=upload,
                    original_name=upload.original_name,
                    title=file.title,
                    position=file.position,
                )
        if formset.deleted_objects:
            services.refresh_files_text(form.instance)

    @admin.action(description=_("Publish the selected resources"))
    def publish(self, request, queryset):
        for resource in queryset:
            services.publish(resource)
        messages.success(request, _("The selected resources are published."))

    @admin.action(description=_("Unpublish the selected resources (back to draft)"))
    def unpublish(self, request, queryset):
        for resource in queryset:
            services.unpublish(resource)
        messages.success(request, _("The selected resources are no longer published."))


@admin.register(ResourceFileVersion)
class ResourceFileVersionAdmin(LibraryEditorsOnly, admin.ModelAdmin):
    """Earlier versions of files, read-only: who replaced them and when."""

    list_display = ["original_name", "resource_file", "size", "replaced_at", "replaced_by"]
    list_select_related = ["resource_file", "replaced_by"]
    readonly_fields = [f.name for f in ResourceFileVersion._meta.fields]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DownloadCount)
class DownloadCountAdmin(LibraryEditorsOnly, admin.ModelAdmin):
    """Downloads per file and day; who downloaded is never stored."""

    list_display = ["day", "resource_file", "resource", "count"]
    list_select_related = ["resource_file__resource"]
    list_filter = ["day"]
    date_hierarchy = "day"
    search_fields = ["resource_file__resource__title", "resource_file__original_name"]

    @admin.display(description=_("resource"))
    def resource(self, obj: DownloadCount) -> str:
        return obj.resource_file.resource.title

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CollectionItemInline(LibraryEditorsOnly, admin.TabularInline):
    model = CollectionItem
    extra = 1
    fields = ["position", "resource"]
    raw_id_fields = ["resource"]
    ordering = ["position", "pk"]


@admin.register(Collection)
class CollectionAdmin(LibraryEditorsOnly, TranslationAdmin):
    inlines = [CollectionItemInline]
    list_display = ["title", "is_published", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["title_da"]}
    fields = ["title", "slug", "introduction", "is_published", "position"]
