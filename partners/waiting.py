"""The partner programme's queues on the admin's front page (common.waiting): applications
waiting for a decision, and partnerships whose term ends within the renewal window."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.waiting import Waiting
from partners import permissions
from partners.models import PartnerApplication, Status

# The same window as the list's "renewal due" filter (partners/admin.py).
RENEWAL_WINDOW_DAYS = 60


def _renewals_due(user) -> int:
    today = timezone.localdate()
    return PartnerApplication.objects.filter(
        status=Status.APPROVED,
        partnership__ends_on__gte=today,
        partnership__ends_on__lte=today + timedelta(days=RENEWAL_WINDOW_DAYS),
    ).count()


SUBMITTED_APPLICATIONS = Waiting(
    label=_("Partner applications waiting for a decision"),
    count=lambda user: PartnerApplication.objects.filter(status=Status.SUBMITTED).count(),
    admin_url_name="admin:partners_partnerapplication_changelist",
    query={"status__exact": Status.SUBMITTED},
    visible=permissions.is_partner_staff,
    position=40,
)

RENEWALS_DUE = Waiting(
    label=_("Partnerships to renew within 60 days"),
    count=_renewals_due,
    admin_url_name="admin:partners_partnerapplication_changelist",
    query={"renewal": "due"},
    visible=permissions.is_partner_staff,
    position=41,
)
