"""Who may open which library URL: access level × visitor × list, page and download.

Roles: an anonymous visitor; a registered user (member of a non-partner actor); a member
of a partner actor; a member of a lapsed partner; an editor; other staff (a moderator).
Restricted resources are listed and have a page for everyone; their files answer by the
access level. Drafts are for editors only (404 to everyone else).
"""

import pytest
from django.utils.translation import override

from ecosystem import staff
from resources import permissions, urls
from resources.models import Resource
from tests.factories import (
    CollectionItemFactory,
    MembershipFactory,
    PartnershipFactory,
    ResourceFactory,
    UserFactory,
)
from tests.once import once_per_module
from tests.permission_tables import PermissionTable, request_as

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="resources",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "registered", "partner", "lapsed", "editor", "staff"),
)

# fmt: off
#   url name       method target          anon  reg  partner lapsed editor staff
PUBLIC_TABLE = [
    ("index",       "GET", None,           200, 200, 200,    200,   200,   200),
    ("collections", "GET", None,           200, 200, 200,    200,   200,   200),
    ("collection",  "GET", "collection",   200, 200, 200,    200,   200,   200),
    ("feed",        "GET", None,           200, 200, 200,    200,   200,   200),
    ("feed_atom",   "GET", None,           200, 200, 200,    200,   200,   200),
    ("export_csv",  "GET", None,           200, 200, 200,    200,   200,   200),
    ("export_json", "GET", None,           200, 200, 200,    200,   200,   200),
    ("export_xlsx", "GET", None,           200, 200, 200,    200,   200,   200),
    ("open_data",   "GET", None,           200, 200, 200,    200,   200,   200),
    ("detail",      "GET", "draft",        404, 404, 404,    404,   200,   404),
    ("download",    "GET", "draft_file",   404, 404, 404,    404,   200,   404),
    ("download",    "GET", "foreign_file", 404, 404, 404,    404,   404,   404),
]

ACCESS_TABLE = [
    # The page of a published resource, whatever its access level below staff.
    ("detail",      "GET", "public",       200, 200, 200,    200,   200,   200),
    ("detail",      "GET", "registered",   200, 200, 200,    200,   200,   200),
    ("detail",      "GET", "partners",     200, 200, 200,    200,   200,   200),
    # Staff only: not there for anyone else, as if it did not exist (19.7).
    ("detail",      "GET", "staff",        404, 404, 404,    404,   200,   200),
    # Its files: anonymous visitors are sent to log in (302), others refused (403).
    ("download",    "GET", "public_file",     200, 200, 200, 200,   200,   200),
    ("download",    "GET", "registered_file", 302, 200, 200, 200,   200,   200),
    ("download",    "GET", "partners_file",   302, 403, 200, 403,   200,   200),
    ("download",    "GET", "staff_file",      404, 404, 404, 404,   200,   200),
]

# The library's admin: editors only; other staff and everyone else are kept out.
ADMIN_TABLE = [
    ("admin:resources_resource_changelist",   "GET", None,     302, 302, 302, 302, 200, 403),
    ("admin:resources_resource_change",       "GET", "public", 302, 302, 302, 302, 200, 403),
    ("admin:resources_collection_changelist", "GET", None,     302, 302, 302, 302, 200, 403),
    ("admin:resources_downloadcount_changelist", "GET", None,  302, 302, 302, 302, 200, 403),
]
# fmt: on

LEVELS = ("public", "registered", "partners", "staff")


@once_per_module
def world():
    registered = MembershipFactory().user
    partner = MembershipFactory(actor=PartnershipFactory().actor).user
    lapsed = MembershipFactory(actor=PartnershipFactory(lapsed=True).actor).user
    editor = UserFactory(staff_mfa=True, groups=[staff.EDITORS])
    moderator = UserFactory(staff_mfa=True, groups=[staff.MODERATORS])
    targets = {}
    for level in LEVELS:
        resource = ResourceFactory(title=f"Ressource {level}", access=level, with_file=True)
        targets[level] = {"slug": resource.slug}
        targets[f"{level}_file"] = {"slug": resource.slug, "file_id": resource.files.get().pk}
    draft = ResourceFactory(title="Kladde", draft=True, with_file=True)
    targets["draft"] = {"slug": draft.slug}
    targets["draft_file"] = {"slug": draft.slug, "file_id": draft.files.get().pk}
    # Another resource's file under the public resource's address.
    targets["foreign_file"] = {
        "slug": targets["public"]["slug"],
        "file_id": targets["partners_file"]["file_id"],
    }
    targets["collection"] = {"slug": CollectionItemFactory().collection.slug}
    targets["admin"] = {"public": Resource.objects.get(slug=targets["public"]["slug"]).pk}
    users = {
        "registered": registered,
        "partner": partner,
        "lapsed": lapsed,
        "editor": editor,
        "staff": moderator,
    }
    return {"users": users, **targets}


@pytest.mark.parametrize(TABLE.params, TABLE.cases(PUBLIC_TABLE, ACCESS_TABLE, ADMIN_TABLE))
def test_pages(client, world, role, name, method, target, expected):
    assert TABLE.status(client, world, role, name, method, target, None) == expected


@pytest.mark.parametrize("role", TABLE.roles)
def test_published_resources_are_listed_to_everyone_restricted_ones_with_a_note(
    client, world, role
):
    """Staff-only ones are listed to nobody: the library's list is one for every visitor,
    and the public must not meet them (19.7); staff find them in the admin."""
    user = None if role == "anonymous" else world["users"][role]
    response = request_as(client, user, "GET", "/en/resources/")
    page = response.content.decode()
    for level in ("public", "registered", "partners"):
        assert f"Ressource {level}" in page
    assert "Ressource staff" not in page
    assert "Kladde" not in page
    assert "For the centre's partners" in page


def test_the_table_covers_every_url_of_the_resources_app():
    TABLE.assert_covers(PUBLIC_TABLE, ACCESS_TABLE)


def test_an_anonymous_visitor_is_sent_to_log_in_and_back_to_the_file(client, world):
    url = TABLE.url(world, "download", "partners_file")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith("?next=" + url)


def test_a_non_partner_is_told_how_an_organisation_becomes_a_partner(client, world):
    client.force_login(world["users"]["registered"])
    with override("en"):
        url = TABLE.url(world, "download", "partners_file")
    response = client.get(url)
    assert response.status_code == 403
    assert b"How an organisation becomes a partner" in response.content
    assert response["Cache-Control"] == "private, no-store"


def test_a_file_is_streamed_with_its_name_type_and_nosniff(client, world):
    client.force_login(world["users"]["partner"])
    response = client.get(TABLE.url(world, "download", "partners_file"))
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="rapport.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "private" in response["Cache-Control"]


def test_a_restricted_file_is_never_under_a_public_media_url(client, world):
    from resources.models import ResourceFile

    stored = ResourceFile.objects.get(pk=world["partners_file"]["file_id"]).file.name
    assert stored.startswith("resources/files/")
    client.force_login(world["users"]["partner"])
    assert client.get(f"/media/{stored}").status_code == 404


def test_the_permission_functions_answer_directly(world):
    users = world["users"]
    partners = Resource.objects.get(slug=world["partners"]["slug"])
    assert permissions.can_view_file(users["partner"], partners)
    assert not permissions.can_view_file(users["lapsed"], partners)
    assert permissions.can_edit_in_admin(users["editor"])
    assert not permissions.can_edit_in_admin(users["staff"])
