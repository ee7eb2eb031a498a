"""/media/ serves a file only when the database knows it as the logo of an actor the
visitor may see: never by testing the path's prefix."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import ActorFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    return tmp_path


def logo_of(**actor_traits) -> str:
    name = default_storage.save("actors/logos/logo.png", ContentFile(b"\x89PNG fake"))
    ActorFactory(logo=name, **actor_traits)
    return name


def test_a_published_actors_logo_is_served_with_debug_off(client):
    name = logo_of()
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"".join(response.streaming_content) == b"\x89PNG fake"


def test_a_drafts_logo_is_for_its_members_only_and_never_cached_publicly(client):
    name = logo_of(draft=True)
    assert client.get(f"/media/{name}").status_code == 404
    from ecosystem.models import Actor

    member = MembershipFactory(actor=Actor.objects.get(logo=name)).user
    client.force_login(member)
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")  # no shared cache may keep it


@pytest.mark.parametrize(
    "path",
    [
        "actors/logos/../../private/x.txt",
        "actors/logos/%2e%2e/%2e%2e/private/x.txt",
        "actors/logos/..%2f..%2fprivate/x.txt",
        "actors/logos/%2E%2E%2F%2E%2E%2Fprivate%2Fx.txt",
        "actors/logos/missing.png",
        "private/x.txt",
        "actors/logos/",
    ],
)
def test_no_path_reaches_a_file_the_database_does_not_know_as_a_logo(client, media, path):
    logo_of()  # a real logo in the folder, so the prefix alone would pass
    (media / "private").mkdir()
    (media / "private" / "x.txt").write_text("private report")
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
    assert b"private report" not in response.content


def test_a_file_left_in_the_logo_folder_is_not_served(client):
    """An orphan (a replaced logo) is no longer any actor's logo: not public any more."""
    name = default_storage.save("actors/logos/old.png", ContentFile(b"\x89PNG old"))
    logo_of()
    assert client.get(f"/media/{name}").status_code == 404
