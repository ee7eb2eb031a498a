from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Case, Q, When
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from common.admin import RoleGate
from common.forms import CleanTextMixin
from ecosystem import permissions, services
from ecosystem.forms import LogoField, RejectForm
from ecosystem.models import (
    SDG,
    Actor,
    ActorLogEntry,
    Connection,
    Membership,
    Municipality,
    Partnership,
    Region,
    TargetGroup,
    Theme,
    User,
)

LogAction = ActorLogEntry.Action


class AddressTwinFilter(admin.SimpleListFilter):
    """Accounts that share an address with an older account (found by migration 0014):
    staff decide what to do; nothing was deleted."""

    title = _("address twins")
    parameter_name = "twin"

    def lookups(self, request, model_admin):
        return [("yes", _("Shares its address with an older account"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(email_key__isnull=True)
        return queryset


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", AddressTwinFilter]
    search_fields = ["email", "full_name"]
    readonly_fields = ["date_joined", "last_login"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["full_name"]}),
        (
            _("Permissions"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "is_demo",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]


# --- Moderation: actors ------------------------------------------------------------------------


class ModeratorsOnly(RoleGate):
    """Actor pages are for superusers and the moderators group only."""

    allowed = staticmethod(permissions.can_moderate_in_admin)


class DaysWaitingFilter(admin.SimpleListFilter):
    """How long pending actors have waited for review since they were sent."""

    title = _("days waiting")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [
            ("lt3", _("Less than 3 days")),
            ("3to7", _("3 to 7 days")),
            ("gt7", _("More than 7 days")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        pending = queryset.filter(status=Actor.Status.PENDING)
        if self.value() == "lt3":
            return pending.filter(submitted_at__gt=now - timedelta(days=3))
        if self.value() == "3to7":
            return pending.filter(
                submitted_at__lte=now - timedelta(days=3),
                submitted_at__gt=now - timedelta(days=8),
            )
        if self.value() == "gt7":
            return pending.filter(submitted_at__lte=now - timedelta(days=8))
        return queryset


class ActorAdminForm(CleanTextMixin, forms.ModelForm):
    """The same logo check and re-encoding as the portal's form."""

    logo = LogoField(label=_("Logo"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Actor
        fields = ["logo"]  # the admin adds the fields of its fieldsets


class MembershipInline(ModeratorsOnly, admin.TabularInline):
    model = Membership
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["user"]
    extra = 0


class ConnectionInline(ModeratorsOnly, admin.TabularInline):
    model = Connection
    fk_name = "from_actor"
    fields = ["kind", "to_actor"]
    autocomplete_fields = ["to_actor"]
    extra = 0


class ActorLogEntryInline(ModeratorsOnly, admin.TabularInline):
    """The actor's history: who did what, when; never edited."""

    model = ActorLogEntry
    fields = ["created_at", "user", "action", "change_summary", "note"]
    readonly_fields = fields
    ordering = ["-created_at"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("changes"))
    def change_summary(self, entry: ActorLogEntry) -> str:
        lines = []
        for field, value in (entry.changes or {}).items():
            if isinstance(value, list) and len(value) == 2:
                lines.append((field, f"{value[0]!s} → {value[1]!s}"))
            else:
                lines.append((field, str(value)))
        return format_html_join(mark_safe("<br>"), "{}: {}", lines) or "–"


TRANSITION_DONE = {
    "approve": ngettext_lazy(
        "%(count)d actor was approved and published.",
        "%(count)d actors were approved and published.",
        "count",
    ),
    "reject": ngettext_lazy(
        "%(count)d actor was rejected; the reason was sent by e-mail.",
        "%(count)d actors were rejected; the reason was sent by e-mail.",
        "count",
    ),
    "unpublish": ngettext_lazy(
        "%(count)d actor was unpublished.", "%(count)d actors were unpublished.", "count"
    ),
    "archive": ngettext_lazy(
        "%(count)d actor was archived.", "%(count)d actors were archived.", "count"
    ),
    "restore": ngettext_lazy(
        "%(count)d actor was published again.", "%(count)d actors were published again.", "count"
    ),
}


# Words that say what kind of organisation it is, not which one.
NAME_NOISE = {"aps", "a/s", "i/s", "ivs", "forening", "foreningen", "fonden", "the", "og", "for"}


def possible_duplicates(actor: Actor) -> list[tuple[Actor, list]]:
    """Other actors that may be this one: the same CVR number, the same name, or a name
    sharing its telling words in the same municipality. One query, at most five."""
    words = [w for w in actor.name.lower().split() if len(w) > 2 and w not in NAME_NOISE]
    same = Q(name__iexact=actor.name)
    if actor.cvr:
        same |= Q(cvr=actor.cvr)
    if words and actor.municipality_id:
        longest = max(words, key=len)
        same |= Q(municipality_id=actor.municipality_id, name__icontains=longest)
    candidates = (
        Actor.objects.filter(same)
        .exclude(pk=actor.pk)
        .select_related("municipality")
        .order_by("name")[:5]
    )
    found = []
    for other in candidates:
        reasons = []
        if actor.cvr and other.cvr == actor.cvr:
            reasons.append(_("same CVR number"))
        if other.name.lower() == actor.name.lower():
            reasons.append(_("same name"))
        if actor.municipality_id and other.municipality_id == actor.municipality_id:
            reasons.append(_("same municipality"))
        found.append((other, reasons))
    return found


@admin.register(Actor)
class ActorAdmin(ModeratorsOnly, TranslationAdmin):
    """The moderation queue: pending actors first, oldest first; every step goes through
    services.transition_actor, so it is checked, logged and mailed like anywhere else."""

    form = ActorAdminForm
    change_form_template = "admin/ecosystem/actor/change_form.html"
    # Five narrow columns, so the dates and days waiting fit beside the filters at 1,280 px
    # (the region is a filter, not a column).
    list_display = ["name", "kind", "status", "submitted", "days_waiting"]
    list_filter = ["status", "kind", "region", DaysWaitingFilter]
    list_select_related = ["region"]
    search_fields = ["name", "cvr", "email", "city"]
    actions = ["approve", "reject", "unpublish", "archive", "restore"]
    inlines = [MembershipInline, ConnectionInline, ActorLogEntryInline]
    readonly_fields = [
        "slug",
        "status",
        "region",
        "rejection_reason",
        "submitted_at",
        "published_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            _("Moderation"),
            {
                "fields": [
                    "status",
                    "rejection_reason",
                    "submitted_at",
                    "published_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        (
            _("Organisation"),
            {
                "fields": [
                    "name",
                    "slug",
                    "kind",
                    "role",
                    "scale",
                    "short_description",
                    "description",
                    "themes",
                    "target_groups",
                    "sdgs",
                    "founded_year",
                    "cvr",
                    "logo",
                ]
            },
        ),
        (
            _("Location"),
            {
                "fields": [
                    "country",
                    "municipality",
                    "region",
                    "address",
                    "postcode",
                    "city",
                    "latitude",
                    "longitude",
                ]
            },
        ),
        (
            _("Contact and partnerships"),
            {
                "fields": [
                    "website",
                    "email",
                    "phone",
                    "open_to_partnerships",
                    "partnership_text",
                ]
            },
        ),
    ]
    filter_horizontal = ["themes", "target_groups", "sdgs"]
    # The queue: actors waiting for review first, the longest waiting at the top.
    ordering = [
        Case(When(status=Actor.Status.PENDING, then=0), default=1).asc(),
        "submitted_at",
        "name",
    ]

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_add_permission(self, request, *args):
        return False  # organisations register through the portal's form

    def has_delete_permission(self, request, obj=None):
        return False  # archive instead: the history and the member's work stay

    @admin.display(description=_("in the queue since"), ordering="submitted_at")
    def submitted(self, actor: Actor) -> str:
        if actor.status != Actor.Status.PENDING or actor.submitted_at is None:
            return "–"
        return date_format(timezone.localtime(actor.submitted_at), "SHORT_DATE_FORMAT")

    @admin.display(description=_("days waiting"))
    def days_waiting(self, actor: Actor) -> str:
        if actor.status != Actor.Status.PENDING or actor.submitted_at is None:
            return "–"
        return str((timezone.now() - actor.submitted_at).days)

    def save_model(self, request, obj, form, change):
        """A moderator's edit is saved and logged like a member's, field by field."""
        values = {name: form.cleaned_data[name] for name in form.changed_data}
        if "municipality" in values or "country" in values:
            values["region"] = obj.municipality.region if obj.municipality else None
        services.update_actor(actor=obj, by=request.user, values=values, language=get_language())

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not Membership:
            return
        for membership in formset.new_objects:
            services.log_member_change(
                actor=form.instance,
                by=request.user,
                action=LogAction.MEMBER_ADDED,
                membership=membership,
                note="admin",
            )
        for membership in formset.deleted_objects:
            services.log_member_change(
                actor=form.instance,
                by=request.user,
                action=LogAction.MEMBER_REMOVED,
                membership=membership,
                note="admin",
            )
        for membership, _fields in formset.changed_objects:
            services.log_member_change(
                actor=form.instance,
                by=request.user,
                action=LogAction.EDITED,
                membership=membership,
                note="admin",
            )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.status == Actor.Status.PENDING:
            context["possible_duplicates"] = possible_duplicates(obj)
        if obj is not None:
            context["workflow_actions"] = [
                (action, services.WORKFLOW[action].label)
                for action in services.allowed_actions(actor=obj, user=request.user)
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _transition(self, request, queryset, action: str, reason: str = "") -> None:
        done = 0
        for actor in queryset:
            try:
                services.transition_actor(
                    actor=actor,
                    action=action,
                    by=request.user,
                    reason=reason,
                    language=get_language(),
                )
            except services.ActorTransitionError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, TRANSITION_DONE[action] % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Approve and publish"), permissions=["change"])
    def approve(self, request, queryset):
        self._transition(request, queryset, "approve")

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._transition(request, queryset, "unpublish")

    @admin.action(description=_("Archive"), permissions=["change"])
    def archive(self, request, queryset):
        self._transition(request, queryset, "archive")

    @admin.action(description=_("Publish archived actors again"), permissions=["change"])
    def restore(self, request, queryset):
        self._transition(request, queryset, "restore")

    @admin.action(description=_("Reject with a reason…"), permissions=["change"])
    def reject(self, request, queryset):
        """An intermediate page asks for the reason; the organisation receives it by e-mail."""
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._transition(request, queryset, "reject", reason=form.cleaned_data["reason"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject actors"),
            "subtitle": None,
            "opts": self.model._meta,
            "objects": queryset,
            "action": "reject",
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/ecosystem/actor/reject.html", context)


# --- Reference data: loaded by a migration, names translated; read-mostly -----------------


class ReferenceAdmin(TranslationAdmin):
    """Changing a name is fine; adding or deleting reference data is for superusers."""

    def has_add_permission(self, request, *args):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Region)
class RegionAdmin(ReferenceAdmin):
    list_display = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(ReferenceAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["name", "code"]


@admin.register(Theme)
class ThemeAdmin(ReferenceAdmin):
    list_display = ["name", "position"]


@admin.register(TargetGroup)
class TargetGroupAdmin(ReferenceAdmin):
    list_display = ["name", "position"]


@admin.register(SDG)
class SDGAdmin(ReferenceAdmin):
    list_display = ["number", "name"]


class PartnershipStaffOnly(RoleGate):
    """Partnerships are marked by the staff who look after them (moderators, editors)."""

    allowed = staticmethod(permissions.can_manage_partnerships)


@admin.register(Partnership)
class PartnershipAdmin(PartnershipStaffOnly, admin.ModelAdmin):
    """Staff mark an actor as a partner of the centre; its members are partners (they may
    download partner-only resources) from the start date until the end date."""

    list_display = ["actor", "starts_on", "ends_on", "note"]
    list_filter = ["starts_on", "ends_on"]
    search_fields = ["actor__name"]
    raw_id_fields = ["actor"]
    date_hierarchy = "starts_on"

    def get_form(self, request, obj=None, **kwargs):
        kwargs.setdefault("form", PartnershipForm)
        return super().get_form(request, obj, **kwargs)


class PartnershipForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Partnership
        fields = ["actor", "starts_on", "ends_on", "note"]
