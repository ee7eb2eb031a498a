"""Event managers run events in the admin: create, publish, cancel; approve, decline and
mark attendance; export the participant list; count decision makers.

Only superusers and the event managers group see these pages (EventManagersOnly), on top
of the model permissions the group gets from its data migration. Every state change goes
through policy.services, so it is logged and mailed like any other.
"""

from __future__ import annotations

from functools import partial, update_wrapper

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from common import opendata
from common.admin import RoleGate
from policy import check_in, permissions, services
from policy.models import (
    AgendaItem,
    Event,
    EventLogEntry,
    GovernmentLevel,
    Outcome,
    OutcomeResource,
    Recommendation,
    Registration,
    Speaker,
)

RS = Registration.Status


class EventManagersOnly(RoleGate):
    """Event pages are for superusers and the event managers group only."""

    allowed = staticmethod(permissions.can_manage_in_admin)


class AgendaItemInline(EventManagersOnly, admin.TabularInline):
    model = AgendaItem
    extra = 0


class SpeakerInline(EventManagersOnly, admin.TabularInline):
    model = Speaker
    extra = 0
    raw_id_fields = ["user"]


def _report(request, done: int, errors: list[str], message) -> None:
    if done:
        messages.success(request, message % {"count": done})
    for error in errors:
        messages.error(request, error)


@admin.register(Event)
class EventAdmin(EventManagersOnly, TranslationAdmin):
    list_display = ["title", "kind", "start", "status", "capacity", "seats_taken"]
    list_filter = ["status", "kind", "audience", "needs_approval"]
    search_fields = ["title_da", "title_en", "slug"]
    date_hierarchy = "start"
    filter_horizontal = ["themes", "organisers", "co_hosts"]
    readonly_fields = [
        "status",
        "sequence",
        "published_at",
        "cancelled_at",
        "participants_link",
        "check_in_link",
        "decision_makers",
    ]
    inlines = [AgendaItemInline, SpeakerInline]
    actions = ["publish", "cancel"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "description", "themes", "audience"]}),
        (_("Time and place"), {"fields": ["start", "end", "venue_name", "venue_address",
                                           "municipality", "latitude", "longitude",
                                           "step_free", "hearing_loop", "quiet_room",
                                           "online_url", "language"]}),
        (_("Organisers"), {"fields": ["organisers", "co_hosts"]}),
        (_("Registration"), {"fields": ["capacity", "registration_opens",
                                         "registration_closes", "needs_approval"]}),
        (_("Status"), {"fields": ["status", "sequence", "published_at", "cancelled_at",
                                   "participants_link", "check_in_link",
                                   "decision_makers"]}),
    ]  # fmt: skip

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                seated=Count(
                    "registrations", filter=Q(registrations__status__in=Registration.SEATED)
                )
            )
        )

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("title_da",)}

    @admin.display(description=_("seats taken"), ordering="seated")
    def seats_taken(self, event: Event) -> int:
        return getattr(event, "seated", 0)

    @admin.display(description=_("participants"))
    def participants_link(self, event: Event):
        if not event.pk:
            return "–"
        url = reverse("admin:policy_registration_changelist") + f"?event__id__exact={event.pk}"
        return format_html('<a href="{}">{}</a>', url, _("The participant list"))

    @admin.display(description=_("at the door"))
    def check_in_link(self, event: Event):
        if not event.pk:
            return "–"
        url = reverse("admin:policy_event_check_in", args=[event.pk])
        return format_html('<a href="{}">{}</a>', url, _("Check participants in"))

    @admin.display(description=_("decision makers (registered / attended)"))
    def decision_makers(self, event: Event):
        if not event.pk:
            return "–"
        levels = services.decision_maker_counts([event])["per_event"].get(event.pk, {})
        labels = dict(GovernmentLevel.choices)
        return format_html_join(
            ", ",
            "{}: {} / {}",
            ((labels[level], counts[0], counts[1]) for level, counts in levels.items()),
        ) or _("none")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            # More seats: the waiting list moves up at once, and each promoted person is told.
            services.fill_free_seats(event=obj)

    def _step(self, request, queryset, action: str, message) -> None:
        done, errors = 0, []
        for event in queryset:
            try:
                services.transition_event(
                    event=event, action=action, by=request.user, language=request.LANGUAGE_CODE
                )
                done += 1
            except services.RegistrationError as error:
                errors.append(f"{event}: {error.message}")
        _report(request, done, errors, message)

    @admin.action(description=_("Publish the selected events"))
    def publish(self, request, queryset):
        self._step(
            request,
            queryset,
            "publish",
            ngettext_lazy("%(count)d event published.", "%(count)d events published.", "count"),
        )

    @admin.action(description=_("Cancel the selected events and tell every registrant"))
    def cancel(self, request, queryset):
        self._step(
            request,
            queryset,
            "cancel",
            ngettext_lazy("%(count)d event cancelled.", "%(count)d events cancelled.", "count"),
        )

    def _door_view(self, view):
        """A check-in page: 404 to anyone who may not check people in (signed in or
        not, permissions.can_check_in), then the admin's own checks and CSRF."""
        admin_view = self.admin_site.admin_view(partial(view, model_admin=self))

        def gated(request, *args, **kwargs):
            if not permissions.can_check_in(request.user):
                raise Http404
            return admin_view(request, *args, **kwargs)

        return update_wrapper(gated, view)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/check-in/",
                self._door_view(check_in.check_in_list),
                name="policy_event_check_in",
            ),
            path(
                "<int:object_id>/check-in/<int:registration_id>/",
                self._door_view(check_in.check_in_step),
                name="policy_event_check_in_step",
            ),
            path(
                "decision-makers/",
                self.admin_site.admin_view(self.decision_makers_view),
                name="policy_event_decision_makers",
            ),
            *super().get_urls(),
        ]

    def decision_makers_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        counts = services.decision_maker_counts(Event.objects.all())["per_year"]
        labels = GovernmentLevel.choices
        rows = [
            (year, [counts[year][level] for level, _label in labels])
            for year in sorted(counts, reverse=True)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Decision makers per year, by level of government"),
            "levels": [label for _level, label in labels],
            "rows": rows,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/policy/decision_makers.html", context)


@admin.register(Registration)
class RegistrationAdmin(EventManagersOnly, admin.ModelAdmin):
    """The participant list: filter by event, act on the selected, export as CSV."""

    # The columns that fit at 1,024 px; the address is found by the search box.
    list_display = [
        "name",
        "organisation",
        "event",
        "status",
        "is_decision_maker",
        "created_at",
    ]
    list_filter = ["status", "is_decision_maker", "decision_level", "event"]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation"]
    actions = ["approve", "decline", "mark_attended", "export_csv"]
    readonly_fields = [f.name for f in Registration._meta.fields]

    def has_add_permission(self, request, *args):
        return False  # people register themselves, through the workflow

    def has_delete_permission(self, request, obj=None):
        return False  # cancel or decline instead: the counts must stay

    def _step(self, request, queryset, action: str, message) -> None:
        done, errors = 0, []
        for registration in queryset.select_related("event", "user"):
            try:
                services.decide_registration(
                    registration=registration,
                    action=action,
                    by=request.user,
                    language=request.LANGUAGE_CODE,
                )
                done += 1
            except services.RegistrationError as error:
                errors.append(f"{registration.name}: {error.message}")
        _report(request, done, errors, message)

    @admin.action(description=_("Approve the selected registrations"))
    def approve(self, request, queryset):
        self._step(
            request,
            queryset,
            "approve",
            ngettext_lazy(
                "%(count)d registration approved.", "%(count)d registrations approved.", "count"
            ),
        )

    @admin.action(description=_("Decline the selected registrations"))
    def decline(self, request, queryset):
        self._step(
            request,
            queryset,
            "decline",
            ngettext_lazy(
                "%(count)d registration declined.", "%(count)d registrations declined.", "count"
            ),
        )

    @admin.action(description=_("Mark the selected as attended"))
    def mark_attended(self, request, queryset):
        self._step(
            request,
            queryset,
            "mark_attended",
            ngettext_lazy(
                "%(count)d marked as attended.", "%(count)d marked as attended.", "count"
            ),
        )

    @admin.action(description=_("Export the selected as CSV"))
    def export_csv(self, request, queryset):
        header = [
            str(_("Event")), str(_("Name")), str(_("E-mail")), str(_("Organisation")),
            str(_("Role or title")), str(_("Decision maker")), str(_("Level of government")),
            str(_("Dietary needs")), str(_("Accessibility needs")), str(_("Status")),
            str(_("Registered")),
        ]  # fmt: skip
        rows = (
            [
                r.event.title,
                r.name,
                r.email,
                r.organisation,
                r.role_title,
                str(_("Yes")) if r.is_decision_maker else str(_("No")),
                r.get_decision_level_display(),
                r.dietary_needs,
                r.accessibility_needs,
                r.get_status_display(),
                timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
            for r in queryset.select_related("event").order_by("event__start", "created_at")
        )
        response = StreamingHttpResponse(
            (line.encode() for line in opendata.csv_lines(header, rows)),
            content_type=opendata.CSV_CONTENT_TYPE,
        )
        response["Content-Disposition"] = 'attachment; filename="participants.csv"'
        return response


class RecommendationInline(EventManagersOnly, TranslationTabularInline):
    model = Recommendation
    extra = 0


class OutcomeResourceInline(EventManagersOnly, admin.TabularInline):
    model = OutcomeResource
    extra = 0


@admin.register(Outcome)
class OutcomeAdmin(EventManagersOnly, TranslationAdmin):
    list_display = ["event", "is_published", "published_at"]
    list_filter = ["is_published"]
    list_select_related = ["event"]
    filter_horizontal = ["actors"]
    readonly_fields = ["published_at"]
    inlines = [RecommendationInline, OutcomeResourceInline]


@admin.register(EventLogEntry)
class EventLogEntryAdmin(EventManagersOnly, admin.ModelAdmin):
    list_display = ["created_at", "event", "registration", "action", "user"]
    list_filter = ["action"]
    list_select_related = ["event", "registration", "user"]
    readonly_fields = ["event", "registration", "user", "action", "changes", "created_at"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
