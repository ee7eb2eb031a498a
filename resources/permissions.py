"""Who may see and download what in the library: the one place the resources app decides.

- Published resources are listed and have a page for everyone, restricted ones too, with
  a lock and a note saying whom they are for; those for staff only are for staff alone
  (the public meets them nowhere, not even in a facet count). Drafts and archived
  resources are for the editors only (anyone else gets a 404, as if they did not exist).
- A file can be downloaded by whoever the resource's access level names: everyone,
  registered (logged-in) users, partners (members of an actor whose partnership holds
  today), or staff. Staff may open every level; editors and superusers everything.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ecosystem import staff
from ecosystem.permissions import is_partner
from resources.models import Resource, ResourceFile

Access = Resource.Access


def is_editor(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or staff.in_group(user, staff.EDITORS))
    )


def can_edit_in_admin(user) -> bool:
    """The library's admin pages are for superusers and the editors group only."""
    return user.is_active and user.is_staff and is_editor(user)


def _is_staff(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


def can_view(user, resource: Resource) -> bool:
    """The resource's page: published ones, and for staff only to staff alone."""
    if is_editor(user):
        return True
    return resource.is_published and (resource.access != Access.STAFF or _is_staff(user))


def can_view_file(user, resource: Resource) -> bool:
    """The resource's files, by its access level."""
    if not can_view(user, resource):
        return False
    if resource.access == Access.PUBLIC:
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    if resource.access == Access.REGISTERED or _is_staff(user):
        return True
    if resource.access == Access.PARTNERS:
        return is_partner(user)
    return False  # staff only


def get_resource_for_view(user, slug: str) -> Resource:
    resource = get_object_or_404(Resource, slug=slug)
    if not can_view(user, resource):
        raise Http404
    return resource


def get_file_for_download(user, slug: str, file_id: int) -> ResourceFile:
    """The file if it belongs to this resource and the resource may be seen (else 404);
    whether it may be downloaded is `can_view_file`, asked by the view."""
    resource = get_resource_for_view(user, slug)
    resource_file = get_object_or_404(ResourceFile, pk=file_id, resource=resource)
    resource_file.resource = resource
    return resource_file


def get_resource_for_cover(user, name: str) -> Resource:
    """The resource whose stored cover image is `name`, if it is published and public.

    The name must equal what the database holds; it is never resolved as a path."""
    if not name:
        raise Http404
    resource = Resource.objects.filter(cover_image=name).first()
    if resource is None or not can_view(user, resource):
        raise Http404
    if resource.access != Access.PUBLIC and not can_view_file(user, resource):
        raise Http404
    return resource


# The admin's model permissions of each staff group (synced after migrate: common.roles).
GROUP_PERMISSIONS = {
    staff.EDITORS: [
        *[
            f"{verb}_{model}"
            for model in ("resource", "resourcefile", "collection", "collectionitem")
            for verb in ("view", "add", "change", "delete")
        ],
        "view_resourcefileversion",
        "view_downloadcount",
    ],
}
