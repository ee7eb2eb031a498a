"""Editors run funding calls in the admin: write them in both languages, set deadlines,
link the library's financing models, publish and close.

Only superusers and the editors group see these pages (FundingEditorsOnly, funding.permissions),
on top of the model permissions the group gets from its data migration. `published_at` is
set by the model the first time a call leaves draft, and never moved afterwards.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from common.admin import RoleGate
from common.forms import CleanTextMixin
from ecosystem.models import Actor
from funding import permissions
from funding.models import Deadline, FundingAlert, FundingOpportunity
from resources.models import Resource

FUNDER_KINDS = [
    Actor.Kind.FOUNDATION,
    Actor.Kind.SOCIAL_INVESTOR,
    Actor.Kind.STATE_AGENCY,
    Actor.Kind.MUNICIPALITY,
    Actor.Kind.REGION,
    Actor.Kind.BUSINESS,
    Actor.Kind.NETWORK,
    Actor.Kind.OTHER,
]


class FundingEditorsOnly(RoleGate):
    """Funding pages are for superusers and the editors group only."""

    allowed = staticmethod(permissions.can_manage_in_admin)


class DeadlineInline(FundingEditorsOnly, admin.TabularInline):
    model = Deadline
    extra = 1


class OpportunityAdminForm(CleanTextMixin, forms.ModelForm):
    eligible_kinds = forms.MultipleChoiceField(
        label=_("Who may apply"),
        choices=Actor.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every kind of organisation that may apply."),
    )
    link = forms.URLField(label=_("link to the call"), max_length=500, assume_scheme="https")

    class Meta:
        model = FundingOpportunity
        fields = [
            *("title_da", "title_en", "slug", "kind", "description_da", "description_en"),
            *("link", "funder", "funder_name", "programme", "amount_min", "amount_max"),
            *("currency", "eligible_kinds", "themes", "target_groups", "scope", "regions"),
            *("rolling", "financing_models", "status"),
        ]


@admin.register(FundingOpportunity)
class FundingOpportunityAdmin(FundingEditorsOnly, TranslationAdmin):
    form = OpportunityAdminForm
    list_display = ["title", "kind", "funder_display", "scope", "status", "published_at"]
    list_filter = ["status", "kind", "scope", "currency", "rolling"]
    search_fields = ["title_da", "title_en", "slug", "funder_name", "programme"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_da"]}
    filter_horizontal = ["themes", "target_groups", "regions", "financing_models"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    inlines = [DeadlineInline]
    actions = ["publish", "close"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "description", "link"]}),
        (_("Funder"), {"fields": ["funder", "funder_name", "programme"]}),
        (_("Amount"), {"fields": ["amount_min", "amount_max", "currency"]}),
        (_("Who and where"), {"fields": ["eligible_kinds", "themes", "target_groups", "scope",
                                          "regions"]}),
        (_("Deadlines"), {"fields": ["rolling"]}),
        (_("Financing models"), {"fields": ["financing_models"]}),
        (_("Status"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]  # fmt: skip

    @admin.display(description=_("funder"))
    def funder_display(self, obj: FundingOpportunity) -> str:
        return obj.funder_display

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("funder")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "funder":
            kwargs["queryset"] = (
                Actor.objects.published().filter(kind__in=FUNDER_KINDS).only("name")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "financing_models":
            kwargs["queryset"] = Resource.objects.filter(kind=Resource.Kind.FINANCING_MODEL).only(
                "title"
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        call = form.instance
        if (
            call.status == FundingOpportunity.Status.PUBLISHED
            and not call.rolling
            and not call.deadlines.filter(at__gte=timezone.now()).exists()
        ):
            # Not an error: a call whose last deadline has passed belongs in the archive.
            messages.warning(
                request,
                _("“%(title)s” has no deadline to come and is not rolling, so it is shown "
                  "among the closed calls.") % {"title": call.title},
            )  # fmt: skip

    @admin.action(description=_("Publish the selected calls"))
    def publish(self, request, queryset):
        done = 0
        # One save per call (not update()): save() sets published_at the first time and
        # the signals renew the page cache.
        for call in queryset.exclude(status=FundingOpportunity.Status.PUBLISHED):
            call.status = FundingOpportunity.Status.PUBLISHED
            call.save(update_fields=["status", "updated_at"])
            done += 1
        messages.success(
            request,
            ngettext("%(count)d call published.", "%(count)d calls published.", done)
            % {"count": done},
        )

    @admin.action(description=_("Close the selected calls"))
    def close(self, request, queryset):
        done = 0
        for call in queryset.exclude(status=FundingOpportunity.Status.CLOSED):
            call.status = FundingOpportunity.Status.CLOSED
            call.save(update_fields=["status", "updated_at"])
            done += 1
        messages.success(
            request,
            ngettext("%(count)d call closed.", "%(count)d calls closed.", done) % {"count": done},
        )


@admin.register(FundingAlert)
class FundingAlertAdmin(FundingEditorsOnly, admin.ModelAdmin):
    """Who subscribes, read-only: members manage their own alerts."""

    list_display = ["user", "actor", "language", "created_at", "last_sent_period"]
    list_select_related = ["user", "actor"]
    search_fields = ["actor__name"]
    readonly_fields = ["user", "actor", "language", "created_at", "last_sent_period",
                       "last_sent_at"]  # fmt: skip

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False
