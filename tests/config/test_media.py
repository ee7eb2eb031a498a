import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    return tmp_path


def test_a_logo_is_served_with_debug_off(client):
    name = default_storage.save("actors/logos/logo.png", ContentFile(b"\x89PNG fake"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == b"\x89PNG fake"


@pytest.mark.parametrize(
    "path",
    ["actors/logos/missing.png", "private/report.pdf", "actors/logos/../../secret.txt"],
)
def test_only_existing_public_files_are_served(client, media, path):
    (media / "private").mkdir()
    (media / "private" / "report.pdf").write_bytes(b"%PDF")
    (media.parent / "secret.txt").write_text("secret")
    assert client.get(f"/media/{path}").status_code == 404
