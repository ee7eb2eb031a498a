"""Operations on the library that change several rows or files: adding and replacing
files (the replaced one kept as a version), extracting their text, counting downloads,
publishing and unpublishing."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from common.uploads import CONTENT_TYPES, unique_path
from resources import extraction
from resources.facets import GENERATION
from resources.models import (
    FILES_FOLDER,
    FILES_TEXT_MAX_LENGTH,
    Resource,
    ResourceFile,
    ResourceFileVersion,
)

IMAGE_CONTENT_TYPE = "image/png"


def content_type_of(kind: str) -> str:
    return IMAGE_CONTENT_TYPE if kind == "image" else CONTENT_TYPES[kind]


def _store(resource_file: ResourceFile, upload, *, original_name: str) -> None:
    """Store the checked upload under an unguessable, non-public name."""
    name = default_storage.save(unique_path(FILES_FOLDER, original_name), upload)
    resource_file.file.name = name
    resource_file.original_name = original_name[:200]
    resource_file.kind = upload.kind
    resource_file.content_type = content_type_of(upload.kind)
    resource_file.size = upload.size
    _extract_into(resource_file, upload)


def _extract_into(resource_file: ResourceFile, handle) -> None:
    handle.seek(0)
    found = extraction.extract(handle, resource_file.kind)
    resource_file.text = found.text
    resource_file.extraction = found.status
    resource_file.extraction_error = found.error


@transaction.atomic
def add_file(
    *, resource: Resource, upload, original_name: str, title: str = "", position: int = 0
) -> ResourceFile:
    resource_file = ResourceFile(resource=resource, title=title, position=position)
    _store(resource_file, upload, original_name=original_name)
    resource_file.save()
    refresh_files_text(resource)
    return resource_file


@transaction.atomic
def replace_file(*, resource_file: ResourceFile, upload, original_name: str, user) -> ResourceFile:
    """A new upload for the same file: the download URL (which names the file's row) stays,
    and the stored file it replaces is kept as a version, with who replaced it and when."""
    # Two editors replacing the same file at once: the row lock makes the second wait, so
    # each replaced upload is kept as a version and none is lost.
    resource_file = ResourceFile.objects.select_for_update().get(pk=resource_file.pk)
    ResourceFileVersion.objects.create(
        resource_file=resource_file,
        file=resource_file.file.name,
        original_name=resource_file.original_name,
        kind=resource_file.kind,
        content_type=resource_file.content_type,
        size=resource_file.size,
        uploaded_at=resource_file.updated_at,
        replaced_by=user if user is not None and user.is_authenticated else None,
    )
    _store(resource_file, upload, original_name=original_name)
    resource_file.save()
    refresh_files_text(resource_file.resource)
    return resource_file


def extract_again(resource_file: ResourceFile) -> ResourceFile:
    """Extract the stored file's text again (after a failure, or with a newer library)."""
    try:
        with default_storage.open(resource_file.file.name) as handle:
            _extract_into(resource_file, handle)
    except OSError as error:
        resource_file.text = ""
        resource_file.extraction = ResourceFile.Extraction.FAILED
        resource_file.extraction_error = f"{error.__class__.__name__}: {error}"[:500]
    resource_file.save(update_fields=["text", "extraction", "extraction_error", "updated_at"])
    refresh_files_text(resource_file.resource)
    return resource_file


def refresh_files_text(resource: Resource) -> None:
    """Gather the text of the resource's files into `files_text`, which its search vector
    (a generated column, which cannot read the files' table) is made from."""
    texts = ResourceFile.objects.filter(resource=resource).values_list("text", flat=True)
    gathered = " ".join(text for text in texts if text)[:FILES_TEXT_MAX_LENGTH]
    Resource.objects.filter(pk=resource.pk).update(files_text=gathered)
    resource.files_text = gathered
    GENERATION.renew()  # update() sends no signal


def record_download(resource_file: ResourceFile) -> None:
    """One more download of the file today (Copenhagen time). Only the count is stored,
    never who downloaded. One statement, so simultaneous downloads are all counted."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO resources_downloadcount (resource_file_id, day, count) "
            "VALUES (%s, %s, 1) ON CONFLICT (resource_file_id, day) "
            "DO UPDATE SET count = resources_downloadcount.count + 1",
            [resource_file.pk, timezone.localdate()],
        )


def publish(resource: Resource) -> None:
    resource.status = Resource.Status.PUBLISHED
    resource.published_at = resource.published_at or timezone.now()
    resource.save(update_fields=["status", "published_at", "updated_at"])


def unpublish(resource: Resource) -> None:
    resource.status = Resource.Status.DRAFT
    resource.save(update_fields=["status", "updated_at"])
