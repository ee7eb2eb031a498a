"""The smaller findings of the security review (issue 16): one "view on site", cache
headers of unpublished files, the static manifest, the Permissions-Policy header."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.contenttypes.models import ContentType

from ecosystem import staff
from ecosystem.models import Actor
from tests.factories import ActorFactory, UserFactory

pytestmark = pytest.mark.django_db


def staff_member(client, group: str):
    user = UserFactory(staff=True, groups=[group])
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


@pytest.mark.parametrize("prefix", ["", "+", "%2B", "%20", " ", "0", "00", "%30"])
def test_every_form_of_view_on_site_hides_a_draft_from_staff_who_may_not_see_it(client, prefix):
    """Django's own `admin/r/<path>/` answered `+2` and ` 2` with a 302 to any object."""
    draft = ActorFactory(name="Hemmelig kladde", draft=True)
    content_type = ContentType.objects.get_for_model(Actor).pk
    staff_member(client, staff.EDITORS)
    response = client.get(f"/admin/r/{prefix}{content_type}/{draft.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize("prefix", ["+", "%20", "0"])
def test_a_moderator_follows_view_on_site_only_by_the_portals_route(client, prefix):
    draft = ActorFactory(name="Hemmelig kladde", draft=True)
    content_type = ContentType.objects.get_for_model(Actor).pk
    staff_member(client, staff.MODERATORS)
    assert client.get(f"/admin/r/{content_type}/{draft.pk}/").status_code == 302
    expected = 302 if prefix == "0" else 404
    assert client.get(f"/admin/r/{prefix}{content_type}/{draft.pk}/").status_code == expected
