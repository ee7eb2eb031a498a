from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from common.markdown import render as render_markdown
from pages import permissions, services
from pages.models import ContactMessage, NewsArticle, Page


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ["title", "key", "menu", "position", "updated_at"]
    list_editable = ["menu", "position"]
    readonly_fields = ["key", "updated_at"]
    fields = ["key", "title", "summary", "body", "menu", "position", "updated_at"]

    def has_add_permission(self, request) -> bool:
        return False  # the four pages exist from the start; their addresses are fixed

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(NewsArticle)
class NewsArticleAdmin(TranslationAdmin):
    list_display = ["title", "published_at", "updated_at"]
    search_fields = ["title_da", "title_en"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title_da",)}
    fields = ["title", "slug", "summary", "body", "published_at"]


class AnswerForm(forms.ModelForm):
    """The reply typed here is mailed to the sender when the message is saved."""

    reply = forms.CharField(
        label=_("Reply to the sender"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=ContactMessage._meta.get_field("reply").max_length,
        required=False,
        help_text=_(
            "Sent by e-mail to the sender when you save, in the language they wrote in; "
            "the message is then marked answered."
        ),
    )

    class Meta:
        model = ContactMessage
        fields = ["reply"]


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Each staff group sees the topics routed to it; superusers see every message."""

    form = AnswerForm
    list_display = ["created_at", "topic", "name", "email", "status", "answered_at"]
    list_filter = ["status", "topic"]
    search_fields = ["name", "email", "organisation", "message"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "created_at",
        "topic",
        "name",
        "email",
        "organisation",
        "message_text",
        "language",
        "status",
        "answered_at",
        "answered_by",
    ]
    fields = [*readonly_fields, "reply"]

    @admin.display(description=_("message"))
    def message_text(self, obj: ContactMessage):
        return render_markdown(obj.message.replace("\n", "  \n"))

    def get_queryset(self, request):
        return permissions.messages_for(request.user, super().get_queryset(request))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == ContactMessage.Status.ANSWERED:
            return [*self.readonly_fields, "reply"]
        return self.readonly_fields

    def has_add_permission(self, request) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        reply = form.cleaned_data.get("reply", "")
        if obj.status == ContactMessage.Status.NEW and reply.strip():
            services.answer_message(message=obj, reply=reply, by=request.user)
            messages.success(
                request, _("The reply has been sent to %(email)s.") % {"email": obj.email}
            )
