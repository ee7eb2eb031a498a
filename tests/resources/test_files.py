"""Files: checked uploads, replacing keeps the URL and the earlier version, text
extraction (capped, failures recorded), download counts."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import override

from common.search import search_query
from ecosystem import staff
from resources import services
from resources.documents import make_docx, make_pdf
from resources.forms import ResourceFileField
from resources.models import DownloadCount, Resource, ResourceFile
from tests.factories import ResourceFactory, UserFactory, add_pdf, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    with override("en"):
        yield


def clean(name: str, content: bytes):
    return ResourceFileField().clean(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100, "not a type we accept"),
        ("rapport.docx", b"\x00<html><script>alert(1)</script></html>", "not a type we accept"),
        ("..\\..\\rapport.pdf", make_pdf("x", ["y"]), "folder path"),
        ("rap\x1bport.pdf", make_pdf("x", ["y"]), "control characters"),
    ],
)
def test_a_bad_file_gets_a_clear_error(name, content, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        clean(name, content)
    assert message in str(error.value)


def test_an_oversize_file_is_refused(settings):
    from django.core.exceptions import ValidationError

    settings.UPLOAD_LIMITS = {**settings.UPLOAD_LIMITS, "document": 100}
    with pytest.raises(ValidationError) as error:
        clean("rapport.pdf", make_pdf("x", ["y" * 500]))
    assert "may be at most" in str(error.value)


def test_documents_and_images_are_accepted_by_content():
    assert clean("Rapport om æøå.pdf", make_pdf("x", ["y"])).kind == "pdf"
    assert clean("notat.docx", make_docx("x", ["y"])).kind == "docx"
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="JPEG")
    image = clean("foto.jpg", buffer.getvalue())
    assert (image.kind, image.original_name) == ("image", "foto.png")


def test_an_editor_uploads_a_file_in_the_admin_and_nothing_bad_is_stored(client):
    editor = UserFactory(staff_mfa=True, groups=[staff.EDITORS])
    client.force_login(editor)
    resource = ResourceFactory()
    url = f"/en/admin/resources/resource/{resource.pk}/change/"
    data = {
        "title": resource.title, "slug": resource.slug, "summary": resource.summary,
        "body": resource.body, "kind": "guide", "language": "da", "audience": "everyone",
        "published_on": "2024-05-01", "access": "public",
        "files-TOTAL_FORMS": "1", "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0", "files-MAX_NUM_FORMS": "1000",
        "files-0-title": "Et program", "files-0-position": "0",
        "files-0-upload": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 50),
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "not a type we accept" in response.content.decode()
    assert not ResourceFile.objects.exists()
    data["files-0-upload"] = SimpleUploadedFile("rapport.pdf", make_pdf("T", ["pdfordet"]))
    response = client.post(url, data)
    assert response.status_code == 302
    stored = ResourceFile.objects.get()
    assert stored.original_name == "rapport.pdf"
    assert Resource.objects.filter(search_vector=search_query("pdfordet")).exists()


def test_a_replaced_file_keeps_its_url_and_its_earlier_version(client):
    editor = UserFactory(staff=True, groups=[staff.EDITORS])
    resource = ResourceFactory(with_file=["første udgave"])
    first = resource.files.get()
    url, old_name = first.get_absolute_url(), first.file.name
    content = make_pdf("Ny", ["anden udgave med ordet flodhest"])
    services.replace_file(
        resource_file=first,
        upload=upload("ny.pdf", content, "pdf"),
        original_name="ny.pdf",
        user=editor,
    )
    first.refresh_from_db()
    assert first.get_absolute_url() == url
    version = first.versions.get()
    assert (version.file.name, version.replaced_by) == (old_name, editor)
    assert version.original_name == "rapport.pdf"
    response = client.get(url)
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"] == 'attachment; filename="ny.pdf"'
    assert Resource.objects.filter(search_vector=search_query("flodhest")).exists()
    assert not Resource.objects.filter(search_vector=search_query("første")).exists()


def test_a_broken_pdf_is_recorded_and_extracted_again_by_the_command():
    resource = ResourceFactory()
    broken = services.add_file(
        resource=resource,
        upload=upload("brudt.pdf", b"%PDF-1.4 nothing else", "pdf"),
        original_name="brudt.pdf",
    )
    assert broken.extraction == ResourceFile.Extraction.FAILED
    assert broken.extraction_error
    # The stored file is fixed (e.g. a newer library reads it): the command reads it again.
    from django.core.files.storage import default_storage

    with default_storage.open(broken.file.name, "wb") as handle:
        handle.write(make_pdf("Rettet", ["nu med ordet giraf"]))
    out = io.StringIO()
    call_command("extract_file_text", stdout=out)
    broken.refresh_from_db()
    assert broken.extraction == ResourceFile.Extraction.DONE
    assert "Extracted: 1" in out.getvalue()
    assert Resource.objects.filter(search_vector=search_query("giraf")).exists()


def test_extraction_is_capped(monkeypatch):
    from resources import extraction

    monkeypatch.setattr(extraction, "MAX_PAGES", 2)
    content = make_pdf("Lang", [f"side {n} " + "ord " * 200 for n in range(40)])
    found = extraction.extract(io.BytesIO(content), "pdf")
    assert found.status == "done"
    assert "side 39" not in found.text


def test_downloads_are_counted_per_file_and_day_without_who(client):
    resource = ResourceFactory()
    first = add_pdf(resource, ["a"])
    second = add_pdf(resource, ["b"], name="b.pdf")
    for _ in range(3):
        client.get(first.get_absolute_url())
    client.get(second.get_absolute_url())
    counts = {c.resource_file_id: c.count for c in DownloadCount.objects.all()}
    assert counts == {first.pk: 3, second.pk: 1}
    assert DownloadCount.objects.get(resource_file=first).day == timezone.localdate()
    assert [f.name for f in DownloadCount._meta.fields] == ["id", "resource_file", "day", "count"]


def test_a_file_missing_from_storage_answers_404_and_is_not_counted(client):
    resource = ResourceFactory()
    missing = add_pdf(resource, ["a"])
    missing.file.storage.delete(missing.file.name)  # a restore without the files
    assert client.get(missing.get_absolute_url()).status_code == 404
    assert not DownloadCount.objects.exists()


def test_editors_see_the_counts_in_the_admin(client):
    editor = UserFactory(staff_mfa=True, groups=[staff.EDITORS])
    resource = ResourceFactory(with_file=True)
    client.get(resource.files.get().get_absolute_url())
    client.force_login(editor)
    page = client.get("/en/admin/resources/downloadcount/").content.decode()
    assert resource.title in page
