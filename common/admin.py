"""One role gate for the admin: which staff role may open an app's admin pages.

Django's admin asks model permissions only, and any staff account can be given one by
hand. Each app's pages belong to one staff role (moderators, editors, validators, event
managers, the staff who look after partnerships), decided by one function in the app's
permissions module. An app's admin declares its gate once:

    class ValidatorsOnly(RoleGate):
        allowed = staticmethod(permissions.can_validate_in_admin)
        missing = "404"   # other staff learn nothing here, not even that the page exists
        may_add = False   # applications are made through the portal

and every `ModelAdmin` or inline of the app takes it first among its bases. The gate
answers "no" unless the role function says yes AND the model permission (granted to the
role's group by `common.roles`) says yes too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.db import models
from django.http import Http404

from common.models import GlossaryEntry, UnansweredSearch


def _superusers_only(user: Any) -> bool:
    return user.is_active and user.is_superuser


class RoleGate:
    """Mixin for a `ModelAdmin` or an inline; put it before the admin class."""

    # allowed(user) -> bool: the app's rule for its staff role.
    allowed: Callable[[Any], bool] = staticmethod(_superusers_only)
    # "403": Django's own answer to a page one may not open; "404": as if it did not exist.
    missing: str = "403"
    # A staff list renders 50 rows a page: Django's 100 cost twice the rendering (a
    # checkbox and every cell of each row), and a queue is read from the top. One count
    # of the filtered list, not a second of the whole table.
    list_per_page = 50
    show_full_result_count = False
    may_add: bool = True
    may_delete: bool = True
    # Links typed without a scheme are taken as https (Django 6's default, asked now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _role(self, request) -> bool:
        return type(self).allowed(request.user)

    def has_module_permission(self, request):
        return self._role(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._role(request) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._role(request) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self.may_add and self._role(request) and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return (
            self.may_delete and self._role(request) and super().has_delete_permission(request, obj)
        )

    def _refuse_unless_allowed(self, request) -> None:
        if self.missing == "404" and not self._role(request):
            raise Http404

    def changelist_view(self, request, extra_context=None):
        self._refuse_unless_allowed(request)
        return super().changelist_view(request, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        self._refuse_unless_allowed(request)
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._refuse_unless_allowed(request)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._refuse_unless_allowed(request)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._refuse_unless_allowed(request)
        return super().history_view(request, object_id, extra_context)


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
