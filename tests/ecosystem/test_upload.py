"""Logos are checked by their content, limited in size, scaled down and re-encoded."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ecosystem.forms import ActorForm
from ecosystem.models import Actor, Membership
from tests.ecosystem.join_data import actor_data, image_bytes
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/en/actors/register/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    return user


def stored_files(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()]


def register_with(client, name: str, content: bytes, content_type: str = "image/png"):
    logo = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(REGISTER, {**actor_data(), "logo": logo})


@pytest.mark.parametrize(
    ("fmt", "size", "mode"),
    [
        ("PNG", (64, 48), "RGB"),
        ("JPEG", (2000, 1000), "RGB"),
        ("WEBP", (600, 600), "RGB"),
        ("GIF", (100, 100), "P"),
    ],
)
def test_an_image_is_stored_as_a_small_new_png(client, member, media, fmt, size, mode):
    original = image_bytes(fmt, size, mode)
    response = register_with(client, f"logo.{fmt.lower()}", original)
    assert response.status_code == 302
    actor = Actor.objects.get()
    with actor.logo.open("rb") as stored:
        content = stored.read()
    assert actor.logo.name.endswith(".png")
    assert content != original
    with Image.open(io.BytesIO(content)) as image:
        assert image.format == "PNG"
        assert max(image.size) == min(512, max(size))


def test_data_hidden_after_the_image_is_not_stored(client, member):
    original = image_bytes("PNG") + b"<?php system($_GET['c']); ?>"
    register_with(client, "logo.png", original)
    with Actor.objects.get().logo.open("rb") as stored:
        assert b"<?php" not in stored.read()


def test_a_20_mb_logo_gets_a_clear_form_error_and_nothing_is_saved(client, member, media):
    huge = image_bytes("PNG") + b"\0" * (20 * 1024 * 1024)
    response = register_with(client, "logo.png", huge)
    page = response.content.decode()
    assert response.status_code == 200
    assert "a logo may be at most 2 MB" in page
    assert "20.0\xa0MB" in page  # filesizeformat keeps number and unit together
    assert 'value="Grøn Omstilling Aarhus"' in page  # the rest is kept
    assert not Actor.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.png", b"Just some text pretending to be a PNG.\n", "image/png"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"broken" * 10, "image/png"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
            "image/svg+xml",
        ),
        ("logo.png", image_bytes("BMP"), "image/png"),
    ],
)
def test_a_file_that_is_not_an_allowed_image_is_refused(
    client, member, media, name, content, content_type
):
    response = register_with(client, name, content, content_type)
    page = response.content.decode()
    assert response.status_code == 200
    assert "not an image we can use" in page
    assert 'id="id_logo_error"' in page
    assert not Actor.objects.exists()
    assert stored_files(media) == []


def test_an_empty_file_is_refused_as_empty(client, member, media):
    response = register_with(client, "logo.png", b"", "image/png")
    page = response.content.decode()
    assert response.status_code == 200
    assert "The submitted file is empty" in page
    assert 'id="id_logo_error"' in page
    assert not Actor.objects.exists()
    assert stored_files(media) == []


def test_a_failed_registration_leaves_no_logo_behind(client, member, media, monkeypatch):
    """The database refused the row after the file was written (another registration with
    the same CVR won the race past the form's checks): the file is removed again."""
    ActorFactory(cvr="13585628")
    monkeypatch.setattr(ActorForm, "_find_duplicate", lambda self, data: None)
    monkeypatch.setattr(Actor, "validate_constraints", lambda self, exclude=None: None)
    response = register_with(client, "logo.png", image_bytes("PNG"))
    assert "already registered" in response.content.decode()
    assert Actor.objects.count() == 1
    assert stored_files(media) == []


def test_a_member_replaces_and_removes_the_logo(client, member, media):
    actor = ActorFactory()
    MembershipFactory(actor=actor, user=member, role=Membership.Role.EDITOR)
    data = actor_data(
        name=actor.name,
        cvr="",
        municipality=str(actor.municipality_id),
        latitude=str(actor.latitude),
        longitude=str(actor.longitude),
    )
    url = f"/en/actors/{actor.slug}/edit/"
    logo = SimpleUploadedFile("new.jpg", image_bytes("JPEG", (900, 300)), "image/jpeg")
    assert client.post(url, {**data, "logo": logo}).status_code == 302
    actor.refresh_from_db()
    assert actor.logo.name.endswith(".png")
    entry = actor.log_entries.get()
    assert entry.changes["logo"][0] == "" and entry.changes["logo"][1] == actor.logo.name

    assert client.post(url, {**data, "logo-clear": "on"}).status_code == 302
    actor.refresh_from_db()
    assert not actor.logo


def test_a_replaced_or_cleared_logo_is_deleted_once_the_change_is_saved(
    client, member, media, django_capture_on_commit_callbacks
):
    """13 uploads used to leave 12 orphans in storage, still public."""
    actor = ActorFactory()
    MembershipFactory(actor=actor, user=member, role=Membership.Role.EDITOR)
    data = actor_data(
        name=actor.name,
        cvr="",
        municipality=str(actor.municipality_id),
        latitude=str(actor.latitude),
        longitude=str(actor.longitude),
    )
    url = f"/en/actors/{actor.slug}/edit/"
    names = []
    for number in range(13):
        logo = SimpleUploadedFile(f"l{number}.png", image_bytes("PNG", (40 + number, 40)))
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {**data, "logo": logo}).status_code == 302
        actor.refresh_from_db()
        names.append(actor.logo.name)
    assert [path.relative_to(media).as_posix() for path in stored_files(media)] == [names[-1]]
    replaced = next(name for name in names if name != names[-1])
    assert client.get(f"/media/{replaced}").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**data, "logo-clear": "on"})
    assert stored_files(media) == []


def test_staff_list_and_remove_orphaned_logos_with_a_command(media):
    import os
    import time

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    used = default_storage.save("actors/logos/used.png", ContentFile(b"png"))
    ActorFactory(logo=used)
    orphan = default_storage.save("actors/logos/old.png", ContentFile(b"png"))
    fresh = default_storage.save("actors/logos/uploading.png", ContentFile(b"png"))
    hour_ago = time.time() - 2 * 3600
    for name in (used, orphan):
        os.utime(media / name, (hour_ago, hour_ago))
    listed = io.StringIO()
    call_command("prune_logos", stdout=listed)
    assert orphan in listed.getvalue() and "Found 1 orphaned" in listed.getvalue()
    assert used not in listed.getvalue() and fresh not in listed.getvalue()
    assert (media / orphan).exists()
    call_command("prune_logos", "--delete", stdout=io.StringIO())
    assert not (media / orphan).exists()
    assert (media / used).exists() and (media / fresh).exists()


def test_a_small_file_with_a_huge_picture_is_refused_before_it_is_decoded(client, member, media):
    bomb = image_bytes("PNG", size=(4100, 4100), mode="1")
    assert len(bomb) < 100_000
    response = register_with(client, "bomb.png", bomb)
    assert "too many pixels" in response.content.decode()
    assert not Actor.objects.exists() and stored_files(media) == []


def test_a_picture_beyond_pillows_own_limit_also_says_too_many_pixels(client, member, media):
    """Pillow refuses to open it at all (DecompressionBombError): the same clear message,
    not "not an image we can use"."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 30_000, 30_000, 1, 0, 0, 0, 0)  # 900 megapixels
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    response = register_with(client, "bomb.png", bomb)
    html = response.content.decode()
    assert "too many pixels" in html and "not an image we can use" not in html
    assert not Actor.objects.exists() and stored_files(media) == []


def multipart(fields: dict, file_field: str, file_name: str, content: bytes) -> tuple:
    """A form body as a browser sends it: the file's name in full (Django's test client
    and SimpleUploadedFile would shorten it to 255 characters first)."""
    boundary = "----PortalTestBoundary7MA4YWxk"
    lines = []
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{key}"', "", item]
    head = (
        "\r\n".join(lines).encode()
        + (
            f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="{file_name}"\r\nContent-Type: image/png\r\n\r\n'
        ).encode()
    )
    body = head + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("name", ["a" * 996 + ".png", "ø" * 600 + ".png", "x" * 1000])
def test_a_very_long_file_name_is_cut_not_refused(client, member, media, name):
    """The browser sends the name in the part's header; 1,000 characters used to exceed
    Django's 1 KB limit and cost the whole form (a bare 400)."""
    body, content_type = multipart(actor_data(), "logo", name, image_bytes("PNG"))
    response = client.post(REGISTER, body, content_type=content_type)
    assert response.status_code == 302
    actor = Actor.objects.get()
    assert actor.name == actor_data()["name"]
    assert actor.logo.name.endswith(".png") and len(actor.logo.name) < 100
