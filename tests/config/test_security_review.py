"""The smaller findings of the security review (issue 16): one "view on site", cache
headers of unpublished files, the static manifest, the Permissions-Policy header."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponseNotFound
from django.utils.module_loading import import_string

from ecosystem import staff
from ecosystem.models import Actor
from tests.factories import ActorFactory, ResourceFactory, UserFactory

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


# --- Cache headers of unpublished files (finding 10) -----------------------------------------


def test_a_draft_resources_file_is_private_even_when_its_access_is_public(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    resource = ResourceFactory(draft=True, with_file=True)
    staff_member(client, staff.EDITORS)
    response = client.get(f"/en/resources/{resource.slug}/files/{resource.files.get().pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_published_public_resources_file_may_be_held_by_a_shared_cache(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    resource = ResourceFactory(with_file=True)
    response = client.get(f"/en/resources/{resource.slug}/files/{resource.files.get().pk}/")
    assert response["Cache-Control"] == "public, max-age=300"


def test_a_draft_actors_logo_is_private_and_never_stored(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    logo = default_storage.save("actors/logos/kladde.png", ContentFile(b"\x89PNG"))
    ActorFactory(name="Kladde", draft=True, logo=logo)
    staff_member(client, staff.MODERATORS)
    response = client.get(f"/media/{logo}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


# --- The static manifest (finding 12) ----------------------------------------------------------


def test_the_static_manifest_is_not_served_but_the_files_are(settings, tmp_path, rf):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "portal.abc123.css").write_text("body{}")
    (tmp_path / "staticfiles.json").write_text('{"paths": {"css/portal.css": "x"}}')
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_AUTOREFRESH = False
    static = next(m for m in settings.MIDDLEWARE if "WhiteNoise" in m or "StaticFiles" in m)
    middleware = import_string(static)(lambda request: HttpResponseNotFound())
    assert middleware(rf.get("/static/css/portal.abc123.css")).status_code == 200
    assert middleware(rf.get("/static/staticfiles.json")).status_code == 404
