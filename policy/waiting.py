"""Policy's queue on the admin's front page (common.waiting): registrations for events
that need approval, waiting for an event manager."""

from django.utils.translation import gettext_lazy as _

from common.waiting import Waiting
from policy import permissions
from policy.models import Registration

PENDING_REGISTRATIONS = Waiting(
    label=_("Registrations waiting for approval"),
    count=lambda user: Registration.objects.filter(status=Registration.Status.PENDING).count(),
    admin_url_name="admin:policy_registration_changelist",
    query={"status__exact": Registration.Status.PENDING},
    visible=permissions.can_manage_in_admin,
    position=30,
)
