"""Validation's queue on the admin's front page (common.waiting): applications sent,
resent or in review, waiting for a validator's decision."""

from django.utils.translation import gettext_lazy as _

from common.waiting import Waiting
from validation import permissions
from validation.models import WAITING_STATES, CaseApplication

WAITING_APPLICATIONS = Waiting(
    label=_("Case applications waiting for validation"),
    count=lambda user: CaseApplication.objects.filter(status__in=WAITING_STATES).count(),
    admin_url_name="admin:validation_caseapplication_changelist",
    query={"status__in": ",".join(WAITING_STATES)},
    visible=permissions.can_validate_in_admin,
    position=20,
)
