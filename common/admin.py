from django.contrib import admin

from common.models import GlossaryEntry, UnansweredSearch


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(admin.ModelAdmin):
    list_display = ("words", "updated_at")
    search_fields = ("words",)


@admin.register(UnansweredSearch)
class UnansweredSearchAdmin(admin.ModelAdmin):
    """What visitors searched for and found nothing: read only, words and counts."""

    list_display = ("words", "count", "last_seen", "first_seen")
    search_fields = ("words",)
    readonly_fields = ("words", "count", "first_seen", "last_seen")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
