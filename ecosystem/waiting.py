"""The ecosystem's queue on the admin's front page (common.waiting): actors sent for
review, waiting for a moderator."""

from django.utils.translation import gettext_lazy as _

from common.waiting import Waiting
from ecosystem import permissions
from ecosystem.models import Actor

PENDING_ACTORS = Waiting(
    label=_("Actors waiting for moderation"),
    count=lambda user: Actor.objects.filter(status=Actor.Status.PENDING).count(),
    admin_url_name="admin:ecosystem_actor_changelist",
    query={"status__exact": Actor.Status.PENDING},
    visible=permissions.can_moderate_in_admin,
    position=10,
)
