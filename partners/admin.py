"""Staff's side of the partner programme: the partners with their tiers, contributions
and terms, the renewals due, and the decisions. Every decision goes through
services.transition_application, the same checked, locked, logged and mailed step the
applicant's pages use; the buttons on an application's page post to the list's actions,
as the ecosystem's moderation does."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Case, When
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from common.admin import RoleGate
from partners import permissions, services
from partners.forms import ReasonForm
from partners.models import PartnerApplication, PartnerLogEntry, Status
from partners.waiting import RENEWAL_WINDOW_DAYS


class PartnerStaffOnly(RoleGate):
    """For superusers and the staff who look after partnerships (partners.permissions)."""

    allowed = staticmethod(permissions.is_partner_staff)
    missing = "404"  # other staff learn nothing here, not even that the page exists
    may_add = False  # organisations apply through the portal
    may_delete = False  # reject or let the term end instead: the history stays


class RenewalDueFilter(admin.SimpleListFilter):
    title = _("renewal")
    parameter_name = "renewal"

    def lookups(self, request, model_admin):
        return [
            ("due", _("Renewal due within 60 days")),
            ("current", _("Partner today")),
            ("ended", _("Term ended")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        approved = queryset.filter(status=Status.APPROVED, partnership__isnull=False)
        if self.value() == "due":
            return approved.filter(
                partnership__ends_on__gte=today,
                partnership__ends_on__lte=today + timedelta(days=RENEWAL_WINDOW_DAYS),
            )
        if self.value() == "current":
            return approved.filter(partnership__starts_on__lte=today).exclude(
                partnership__ends_on__lt=today
            )
        if self.value() == "ended":
            return approved.filter(partnership__ends_on__lt=today)
        return queryset


class PartnerLogEntryInline(PartnerStaffOnly, admin.TabularInline):
    """Who did what, when, from which state to which: never edited."""

    model = PartnerLogEntry
    fields = ["created_at", "user", "action", "from_status", "to_status", "note"]
    readonly_fields = fields
    ordering = ["-created_at", "-pk"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("history")

    def has_change_permission(self, request, obj=None):
        return False


TRANSITION_DONE = {
    "approve": ngettext_lazy(
        "%(count)d application was approved; the organisation is a partner from today.",
        "%(count)d applications were approved; the organisations are partners from today.",
        "count",
    ),
    "reject": ngettext_lazy(
        "%(count)d application was rejected; the reason was sent by e-mail.",
        "%(count)d applications were rejected; the reason was sent by e-mail.",
        "count",
    ),
    "return": ngettext_lazy(
        "%(count)d application was returned for changes; the message was sent by e-mail.",
        "%(count)d applications were returned for changes; the message was sent by e-mail.",
        "count",
    ),
}


@admin.register(PartnerApplication)
class PartnerApplicationAdmin(PartnerStaffOnly, admin.ModelAdmin):
    """Applications waiting for a decision first, the longest waiting at the top; then
    the partners, the term that ends first at the top."""

    change_form_template = "admin/partners/partnerapplication/change_form.html"
    list_display = [
        "actor",
        "tier",
        "status",
        "contributions_summary",
        "ends_on",
        "renewal",
    ]
    list_filter = ["status", "tier", RenewalDueFilter, "co_hosts_events"]
    list_select_related = ["actor", "partnership"]
    search_fields = ["actor__name"]
    actions = ["approve", "reject", "return_for_changes"]
    inlines = [PartnerLogEntryInline]
    fields = [
        "actor",
        "applicant",
        "status",
        "tier",
        "fee_dkk",
        "in_kind",
        "co_hosts_events",
        "other_contribution",
        "motivation",
        "decision_reason",
        "submitted_at",
        "decided_at",
        "partnership",
        "reminded_for",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields
    ordering = [
        Case(When(status=Status.SUBMITTED, then=0), default=1).asc(),
        "submitted_at",
        "partnership__ends_on",
        "-created_at",
    ]

    def get_queryset(self, request):
        # A draft is the organisation's own until it is sent.
        return super().get_queryset(request).exclude(status=Status.DRAFT)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description=_("contributions"))
    def contributions_summary(self, application: PartnerApplication) -> str:
        return ", ".join(application.contributions()) or "–"

    @admin.display(description=_("starts"), ordering="partnership__starts_on")
    def starts_on(self, application: PartnerApplication):
        return application.partnership.starts_on if application.partnership else None

    @admin.display(description=_("ends"), ordering="partnership__ends_on")
    def ends_on(self, application: PartnerApplication):
        return application.partnership.ends_on if application.partnership else None

    @admin.display(description=_("renewal"))
    def renewal(self, application: PartnerApplication) -> str:
        partnership = application.partnership
        if partnership is None or partnership.ends_on is None:
            return "–"
        days = (partnership.ends_on - timezone.localdate()).days
        if days < 0:
            return str(_("ended"))
        if days <= RENEWAL_WINDOW_DAYS:
            return str(_("due in %(days)d days") % {"days": days})
        return "–"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow_actions"] = [
                (
                    "return_for_changes" if action == "return" else action,
                    services.TRANSITIONS[action].label,
                )
                for action in services.allowed_actions(application=obj, user=request.user)
                if action in services.DECISIONS
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _transition(self, request, queryset, action: str, reason: str = "") -> None:
        done = 0
        for application in queryset.select_related("actor"):
            try:
                services.transition_application(
                    application=application,
                    action=action,
                    by=request.user,
                    reason=reason,
                    language=get_language(),
                )
            except services.PartnerError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, TRANSITION_DONE[action] % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Approve as partner"), permissions=["change"])
    def approve(self, request, queryset):
        self._transition(request, queryset, "approve")

    @admin.action(description=_("Reject with a reason…"), permissions=["change"])
    def reject(self, request, queryset):
        return self._with_reason(request, queryset, "reject", _("Reject applications"))

    @admin.action(description=_("Return for changes…"), permissions=["change"])
    def return_for_changes(self, request, queryset):
        return self._with_reason(request, queryset, "return", _("Return applications for changes"))

    def _with_reason(self, request, queryset, action: str, title):
        """An intermediate page asks for the message; the organisation receives it."""
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._transition(request, queryset, action, reason=form.cleaned_data["reason"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "opts": self.model._meta,
            "objects": queryset.select_related("actor"),
            "form": form,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/partners/partnerapplication/reason.html", context)
