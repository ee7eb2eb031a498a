"""The validators' side: the queue, assignment, the review form and the decisions.

Only superusers and the validators group get in. The change page shows the whole
application (read-only) beside the review scores and a decision form; every decision
goes through services.transition_case, so it is checked, locked, logged and mailed like
anywhere else, and two validators deciding at once give one decision.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.db.models import Case, When
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from common.admin import RoleGate
from common.forms import CleanTextMixin
from ecosystem import staff
from ecosystem.models import Theme, User
from validation import permissions, review, services, workdays
from validation.models import (
    NOTE_MAX_LENGTH,
    WAITING_STATES,
    CaseApplication,
    CaseLogEntry,
    CaseReview,
    InterestMessage,
    Status,
)


class ValidatorsOnly(RoleGate):
    """Case pages are for superusers and the validators group only."""

    allowed = staticmethod(permissions.can_validate_in_admin)
    missing = "404"  # other staff learn nothing here, not even that the page exists
    may_add = False  # applications are made by organisations through the portal
    may_delete = False  # withdraw or reject instead: the history stays


class WorkingDaysFilter(admin.SimpleListFilter):
    """How many working days (Danish holidays excluded) a case has waited for a decision."""

    title = _("working days waiting")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [
            ("lt5", _("Less than 5 working days")),
            ("5to15", _("5 to 15 working days")),
            ("overdue", _("Overdue (more than 15 working days)")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        waiting = queryset.filter(status__in=WAITING_STATES, submitted_at__isnull=False)
        five = workdays.working_days_before(today, 5)
        overdue = workdays.working_days_before(today, workdays.DECISION_WORKING_DAYS + 1)
        if self.value() == "lt5":
            return waiting.filter(submitted_at__date__gt=five)
        if self.value() == "5to15":
            return waiting.filter(submitted_at__date__lte=five, submitted_at__date__gt=overdue)
        if self.value() == "overdue":
            return waiting.filter(submitted_at__date__lte=overdue)
        return queryset


class ThemeFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [(theme.pk, str(theme)) for theme in Theme.objects.all()]


class ValidatorFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [(user.pk, str(user)) for user in validator_users()]


def validator_users():
    return (
        User.objects.filter(is_active=True, groups__name=staff.VALIDATORS)
        .distinct()
        .order_by("full_name", "email")
    )


class CaseAdminForm(CleanTextMixin, forms.ModelForm):
    """The decision and the assignment, beside the read-only application."""

    assign_to = forms.ModelChoiceField(
        label=_("Assigned validator"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("The validator is told by e-mail."),
    )
    decision = forms.ChoiceField(label=_("Decision"), required=False)
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when you request changes or reject; sent by e-mail."),
    )
    sim_url = forms.URLField(
        label=_("Link on SIM"), required=False, assume_scheme="https", max_length=200
    )
    sim_published_on = forms.DateField(
        label=_("Published on SIM on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = CaseApplication
        fields: list[str] = []

    def __init__(self, *args, allowed: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assign_to"].queryset = validator_users()
        self.fields["assign_to"].initial = self.instance.assigned_to_id
        offered = list(allowed)
        if self.is_bound:
            # A decision offered when the page was loaded stays a valid answer: when another
            # validator decided in the meantime, decide_case says who and what, rather than
            # the form calling the choice invalid.
            offered += [action for action in services.DECISIONS if action not in offered]
        self.fields["decision"].choices = [("", _("No decision now"))] + [
            (action, services.TRANSITIONS[action].label) for action in offered
        ]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision and services.TRANSITIONS[decision].needs_reason:
            if not (cleaned.get("message") or "").strip():
                self.add_error("message", services.CASE_WORKFLOW.reason_needed)
        if decision == "publish_on_sim":
            if not cleaned.get("sim_url"):
                self.add_error("sim_url", _("Give the case's link on SIM."))
            if not cleaned.get("sim_published_on"):
                self.add_error("sim_published_on", _("Give the date SIM published the case."))
        return cleaned


class CaseReviewInline(ValidatorsOnly, admin.StackedInline):
    """The SIM validators' checklist, each criterion 1 to 5 with a comment; internal."""

    model = CaseReview
    can_delete = False
    max_num = 1
    extra = 1
    fieldsets = [
        (
            _("Scores (1 to 5)"),
            {
                "fields": [
                    ("scope_score", "scope_comment"),
                    ("approach_score", "approach_comment"),
                    ("results_score", "results_comment"),
                    ("scaling_score", "scaling_comment"),
                ]
            },
        ),
        (
            _("Eligibility"),
            {"fields": ["fits_policy_area", "written_in_english", "consent_given"]},
        ),
    ]

    def has_add_permission(self, request, obj=None):
        return permissions.can_validate_in_admin(request.user)


class CaseLogEntryInline(ValidatorsOnly, admin.TabularInline):
    """Who did what, when, from which state to which: never edited."""

    model = CaseLogEntry
    fields = ["created_at", "user", "action", "from_status", "to_status", "note"]
    readonly_fields = fields
    ordering = ["-created_at", "-pk"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("history")

    def has_add_permission(self, request, obj=None):
        return False  # the history is written by the workflow, never by hand

    def has_change_permission(self, request, obj=None):
        return False


STATUS_FIELDS = [
    "status",
    "working_days_waiting",
    "assigned_to",
    "submitted_at",
    "decided_at",
    "validated_at",
    "sim_link",
    "created_at",
    "updated_at",
]


@admin.register(CaseApplication)
class CaseApplicationAdmin(ValidatorsOnly, admin.ModelAdmin):
    """The queue: waiting cases first, the longest waiting at the top. The change page is
    the review screen: the application as the applicant wrote it (labels, not codes) beside
    the scores, what changed since the last submission, and the decision at the end."""

    form = CaseAdminForm
    change_form_template = "admin/validation/caseapplication/change_form.html"
    list_display = [
        "title_or_untitled",
        "actor",
        "status",
        "assigned_to",
        "waiting_since",
        "working_days_waiting",
    ]
    list_filter = [
        "status",
        ("assigned_to", ValidatorFilter),
        ("themes", ThemeFilter),
        WorkingDaysFilter,
    ]
    list_select_related = ["actor", "assigned_to"]
    search_fields = ["title", "actor__name"]
    inlines = [CaseReviewInline, CaseLogEntryInline]
    readonly_fields = STATUS_FIELDS
    ordering = [
        Case(When(status__in=WAITING_STATES, then=0), default=1).asc(),
        "submitted_at",
        "-created_at",
    ]

    def get_fieldsets(self, request, obj=None):
        return [
            (_("Status"), {"fields": STATUS_FIELDS}),
            (
                _("Decision"),
                {"fields": ["assign_to", "decision", "message", "sim_url", "sim_published_on"]},
            ),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        allowed = []
        if obj is not None:
            steps = services.allowed_actions(case=obj, user=request.user)
            allowed = [a for a in steps if a in ("start_review", "resume_review")]
            allowed += services.allowed_decisions(case=obj, user=request.user)
            allowed += [a for a in steps if a == "publish_on_sim"]

        class Form(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, allowed=allowed, **kw)

        return Form

    def get_queryset(self, request):
        # Drafts are the applicant's own: validators see an application once it is sent.
        return super().get_queryset(request).exclude(status=Status.DRAFT)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(review_context(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("title"), ordering="title")
    def title_or_untitled(self, case: CaseApplication) -> str:
        return str(case)

    @admin.display(description=_("waiting since"), ordering="submitted_at")
    def waiting_since(self, case: CaseApplication) -> str:
        if case.submitted_at is None:
            return "–"
        return date_format(timezone.localtime(case.submitted_at), "SHORT_DATE_FORMAT")

    @admin.display(description=_("link on SIM"))
    def sim_link(self, case: CaseApplication):
        return format_html('<a href="{0}">{0}</a>', case.sim_url) if case.sim_url else "–"

    @admin.display(description=_("working days waiting"))
    def working_days_waiting(self, case: CaseApplication):
        if case.status not in WAITING_STATES or case.submitted_at is None:
            return "–"
        days = workdays.working_days_between(
            timezone.localdate(case.submitted_at), timezone.localdate()
        )
        if days > workdays.DECISION_WORKING_DAYS:
            return format_html('<strong class="case-overdue">{} ({})</strong>', days, _("overdue"))
        return str(days)

    def save_model(self, request, obj, form, change):
        """Assignment, then the decision: each through the services, checked and logged.
        What happened is kept on the request for the message and the admin history."""
        data = form.cleaned_data
        language = get_language()
        done: list[str] = []
        request.case_steps, request.case_failed = done, False
        try:
            if "assign_to" in form.changed_data:
                services.assign_validator(
                    case=obj, validator=data["assign_to"], by=request.user, language=language
                )
                done.append(_assigned_message(data["assign_to"], request.user))
            decision = data.get("decision")
            if decision == "publish_on_sim":
                services.record_sim_publication(
                    case=obj,
                    by=request.user,
                    sim_url=data["sim_url"],
                    published_on=data["sim_published_on"],
                    language=language,
                )
            elif decision in services.DECISIONS:
                services.decide_case(
                    case=obj,
                    action=decision,
                    by=request.user,
                    reason=data.get("message") or "",
                    language=language,
                )
            elif decision:
                services.transition_case(
                    case=obj, action=decision, by=request.user, language=language
                )
            if decision:
                done.append(_decision_message(obj, decision, language))
        except services.CaseError as error:
            request.case_failed = True
            self.message_user(request, error.message, messages.ERROR)

    def log_change(self, request, obj, message):
        """The admin history holds the steps that were taken, and only those: a decision
        another validator beat leaves no entry."""
        steps = getattr(request, "case_steps", None)
        if steps is None:
            return super().log_change(request, obj, message)
        if not steps:
            return None
        return LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[obj],
            action_flag=CHANGE,
            change_message=" ".join(str(step) for step in steps),
            single_object=True,
        )

    def response_change(self, request, obj):
        """Say what happened and who was told, never Django's generic "was changed"."""
        steps = getattr(request, "case_steps", None)
        if steps is None:
            return super().response_change(request, obj)
        for step in steps:
            self.message_user(request, step, messages.SUCCESS)
        if getattr(request, "case_failed", False) or "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        if not steps:
            self.message_user(request, _("Nothing was changed."), messages.INFO)
        return HttpResponseRedirect(reverse("admin:validation_caseapplication_changelist"))


def review_context(case: CaseApplication) -> dict:
    """The review screen's reading: the application as sent, and on a resubmission what
    changed since the previous submission beside the validator's message that asked."""
    submissions = list(case.submissions.order_by("-number")[:2])
    current = submissions[0].data if submissions else review.snapshot_of(case)
    context = {"application_sections": review.readable(current), "submission_count": 0}
    if submissions:
        context["submission_count"] = submissions[0].number
    if len(submissions) == 2:
        asked = (
            case.log_entries.filter(
                action=CaseLogEntry.Action.CHANGES_REQUESTED,
                created_at__lte=submissions[0].submitted_at,
            )
            .select_related("user")
            .first()
        )
        context["changes"] = review.changes(submissions[1].data, submissions[0].data)
        context["changes_asked"] = asked
    return context


DECIDED = {
    "start_review": _("The review has started"),
    "resume_review": _("The review of the changes has started"),
    "validate": _("The case is validated"),
    "request_changes": _("Changes are requested"),
    "reject": _("The application is rejected"),
    "publish_on_sim": _("The publication on SIM is recorded"),
}
# "… told by e-mail in Danish": the language's name as it reads inside a sentence.
LANGUAGE_NAMES = {
    "da": pgettext_lazy("told in", "Danish"),
    "en": pgettext_lazy("told in", "English"),
}


def _decision_message(case: CaseApplication, action: str, language: str):
    transition = services.TRANSITIONS[action]
    if not transition.mail:
        return _("%(done)s; nobody was mailed.") % {"done": DECIDED[action]}
    recipients = services.members(case.actor)
    if not recipients:
        return _("%(done)s; nobody was told: the organisation has no members.") % {
            "done": DECIDED[action]
        }
    languages = sorted({r.language or language for r in recipients})
    return _("%(done)s; the applicant has been told by e-mail in %(languages)s.") % {
        "done": DECIDED[action],
        "languages": str(_(" and ")).join(str(LANGUAGE_NAMES.get(c, c)) for c in languages),
    }


def _assigned_message(validator: User | None, by: User):
    if validator is None:
        return _("The application has no validator now.")
    if validator.pk == by.pk:
        return _("The application is assigned to you; nobody was mailed.")
    return _("The application is assigned to %(name)s, who has been told by e-mail.") % {
        "name": validator.get_full_name() or validator.email
    }


@admin.register(InterestMessage)
class InterestMessageAdmin(ValidatorsOnly, admin.ModelAdmin):
    list_display = ["case", "sender_actor", "created_at", "answered_at"]
    list_select_related = ["case", "sender_actor"]
    readonly_fields = [
        "case",
        "sender",
        "sender_actor",
        "message",
        "answer",
        "created_at",
        "answered_at",
    ]
    exclude = ["token"]
