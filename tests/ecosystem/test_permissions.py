"""Who may open which actor URL: one table, every URL of ecosystem/urls.py and the admin.

Roles: an anonymous visitor; an editor and an owner of the organisation; a member of
another organisation (a stranger to this one); and a moderator (staff with a second
factor, not a member). Another organisation's private pages answer 404, never 403, so
nothing leaks; an editor of the same organisation gets 403 for an owner-only action.
"""

import pytest

from ecosystem import permissions, staff, urls
from ecosystem.models import Invitation, JoinRequest, Membership
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.once import once_per_module
from tests.permission_tables import PermissionTable

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="ecosystem",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "editor", "owner", "stranger", "moderator"),
)

# fmt: off
#   url name               method  target          anon editor owner stranger moderator
MEMBER_TABLE = [
    ("register",            "GET",  None,           302, 200,  200,  200,     200),
    ("register",            "POST", None,           302, 200,  200,  200,     200),
    ("my_actors",           "GET",  None,           302, 200,  200,  200,     200),
    ("actor_edit",          "GET",  "published",    302, 200,  200,  404,     404),
    ("actor_edit",          "POST", "published",    302, 200,  200,  404,     404),
    ("actor_edit",          "GET",  "draft",        302, 200,  200,  404,     404),
    ("actor_edit",          "GET",  "archived",     302, 404,  404,  404,     404),
    ("actor_submit",        "POST", "draft",        302, 302,  302,  404,     404),
    ("actor_submit",        "GET",  "draft",        405, 405,  405,  405,     405),
    ("actor_members",       "GET",  "published",    302, 200,  200,  404,     404),
    ("actor_members",       "POST", "published",    302, 403,  302,  404,     404),
    ("member_remove",       "GET",  "membership",   302, 404,  200,  404,     404),
    ("member_remove",       "POST", "membership",   302, 404,  302,  404,     404),
    ("invitation_accept",   "GET",  "invitation",   302, 200,  200,  200,     200),
    ("actor_join",          "GET",  "published",    302, 302,  302,  200,     200),
    ("actor_join",          "POST", "published",    302, 302,  302,  302,     302),
    ("actor_join",          "GET",  "draft",        302, 302,  302,  404,     404),
    ("actor_join",          "GET",  "pending",      302, 302,  302,  200,     200),
    ("actor_join_by_id",    "GET",  "published_id", 302, 302,  302,  200,     200),
    ("actor_join_by_id",    "POST", "published_id", 302, 302,  302,  302,     302),
    ("actor_join_by_id",    "GET",  "pending_id",   302, 302,  302,  200,     200),
    ("actor_join_by_id",    "GET",  "draft_id",     302, 302,  302,  404,     404),
    ("join_request_decide", "GET",  "join_request", 302, 404,  200,  404,     404),
    ("join_request_decide", "POST", "join_request", 302, 404,  302,  404,     404),
]

PUBLIC_TABLE = [
    ("index",               "GET",  None,           200, 200,  200,  200,     200),
    ("map",                 "GET",  None,           200, 200,  200,  200,     200),
    ("map_geojson",         "GET",  None,           200, 200,  200,  200,     200),
    ("map_embed",           "GET",  None,           200, 200,  200,  200,     200),
    ("export_csv",          "GET",  None,           200, 200,  200,  200,     200),
    ("export_xlsx",         "GET",  None,           200, 200,  200,  200,     200),
    ("export_json",         "GET",  None,           200, 200,  200,  200,     200),
    ("open_data",           "GET",  None,           200, 200,  200,  200,     200),
    ("actor_detail",        "GET",  "published",    200, 200,  200,  200,     200),
    ("actor_detail",        "GET",  "draft",        404, 200,  200,  404,     200),
    ("actor_detail",        "GET",  "archived",     404, 200,  200,  404,     200),
]

# Non-staff are sent to log in (302); the admin's actor pages are for moderators only.
ADMIN_TABLE = [
    ("admin:ecosystem_actor_changelist", "GET", None,        302, 302, 302, 302, 200),
    ("admin:ecosystem_actor_change",     "GET", "published", 302, 302, 302, 302, 200),
    ("admin:ecosystem_actor_change",     "GET", "draft",     302, 302, 302, 302, 200),
    ("admin:ecosystem_actor_history",    "GET", "published", 302, 302, 302, 302, 200),
]
# fmt: on

POST_DATA = {
    "actor_members": {"email": "newcomer@example.dk", "role": "editor"},
    "actor_join": {"message": "Hello"},
    "actor_join_by_id": {"message": "Hello"},
    "join_request_decide": {"decision": "approve"},
}


@once_per_module
def world():
    """One organisation (published, a draft and an archived actor), a stranger's own
    organisation, a moderator, an open invitation and a pending join request."""
    owner = UserFactory(email="owner@example.dk")
    editor = UserFactory(email="editor@example.dk")
    published = ActorFactory(name="Offentlig")
    draft = ActorFactory(name="Kladde", draft=True)
    archived = ActorFactory(name="Arkiveret", archived=True)
    pending = ActorFactory(name="Venter", pending=True)
    for actor in (published, draft, archived, pending):
        MembershipFactory(actor=actor, user=owner, role=Membership.Role.OWNER)
        MembershipFactory(actor=actor, user=editor, role=Membership.Role.EDITOR)
    stranger = MembershipFactory(actor=ActorFactory(name="Naboen")).user
    moderator = UserFactory(email="mod@example.dk", staff_mfa=True, groups=[staff.MODERATORS])
    invitation = Invitation.objects.create(
        actor=published, email="invited@example.dk", token="secret-token-" + "x" * 30
    )
    join_request = JoinRequest.objects.create(actor=published, user=UserFactory())
    return {
        "users": {"editor": editor, "owner": owner, "stranger": stranger, "moderator": moderator},
        "published": {"slug": published.slug},
        "draft": {"slug": draft.slug},
        "archived": {"slug": archived.slug},
        "pending": {"slug": pending.slug},
        "published_id": {"actor_id": published.pk},
        "pending_id": {"actor_id": pending.pk},
        "draft_id": {"actor_id": draft.pk},
        "membership": {
            "slug": published.slug,
            "membership_id": published.memberships.get(user=editor).pk,
        },
        "invitation": {"token": invitation.token},
        "join_request": {"slug": published.slug, "request_id": join_request.pk},
        "admin": {"published": published.pk, "draft": draft.pk},
    }


@pytest.mark.parametrize(TABLE.params, TABLE.cases(MEMBER_TABLE, PUBLIC_TABLE, ADMIN_TABLE))
def test_pages(client, world, role, name, method, target, expected):
    assert TABLE.status(client, world, role, name, method, target, POST_DATA.get(name)) == expected


def test_the_table_covers_every_url_of_the_ecosystem_app():
    TABLE.assert_covers(MEMBER_TABLE, PUBLIC_TABLE)


def test_another_organisations_draft_never_leaks_through_a_member_url(client, world):
    """Whatever the URL, a stranger learns nothing about another organisation's draft."""
    client.force_login(world["users"]["stranger"])
    slug = world["draft"]["slug"]
    for suffix in ("edit/", "members/", "join/", "submit/"):
        response = client.post(f"/en/actors/{slug}/{suffix}")
        assert response.status_code == 404
        assert b"Kladde" not in response.content


def test_the_permission_functions_answer_directly(world):
    from ecosystem.models import Actor

    published = Actor.objects.get(slug=world["published"]["slug"])
    users = world["users"]
    assert permissions.can_edit(users["editor"], published)
    assert not permissions.can_manage_members(users["editor"], published)
    assert permissions.can_manage_members(users["owner"], published)
    assert not permissions.can_edit(users["stranger"], published)
    assert not permissions.can_edit(users["moderator"], published)
    assert permissions.can_request_to_join(users["stranger"], published)
    assert not permissions.can_request_to_join(users["editor"], published)
    assert permissions.can_moderate_in_admin(users["moderator"])
    assert not permissions.can_moderate_in_admin(users["owner"])


# --- Media and the admin's "view on site" ---------------------------------------------------
# Roles: anonymous; a member of the organisation; a member of another organisation; staff
# outside the moderators (with a second factor); a moderator. Non-staff following an admin
# address are sent to log in (302); a moderator is sent on to the actor's page (302).
MEDIA_ROLES = ("anonymous", "member", "stranger", "staff", "moderator")

# fmt: off
#   target                      anon member stranger staff moderator
MEDIA_ADMIN_TABLE = [
    ("logo:published",          200, 200,   200,     200,  200),
    ("logo:draft",              404, 200,   404,     404,  200),
    ("logo:orphan",             404, 404,   404,     404,  404),
    ("logo:traversal",          404, 404,   404,     404,  404),
    ("logo:encoded_traversal",  404, 404,   404,     404,  404),
    ("view_on_site:published",  302, 302,   302,     404,  302),
    ("view_on_site:draft",      302, 302,   302,     404,  302),
]
# fmt: on


@pytest.fixture
def media_world(settings, tmp_path):
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from ecosystem.models import Actor

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "x.txt").write_text("private")

    def logo(name: str) -> str:
        return default_storage.save(f"actors/logos/{name}.png", ContentFile(b"\x89PNG"))

    published = ActorFactory(name="Synlig", logo=logo("synlig"))
    draft = ActorFactory(name="Skjult", draft=True, logo=logo("skjult"))
    member = MembershipFactory(actor=draft).user
    MembershipFactory(actor=published, user=member)
    stranger = MembershipFactory(actor=ActorFactory(name="Andre")).user
    clerk = UserFactory(staff_mfa=True, groups=[staff.EDITORS])
    moderator = UserFactory(staff_mfa=True, groups=[staff.MODERATORS])
    content_type = ContentType.objects.get_for_model(Actor).pk
    return {
        "users": {"member": member, "stranger": stranger, "staff": clerk, "moderator": moderator},
        "logo:published": f"/media/{published.logo.name}",
        "logo:draft": f"/media/{draft.logo.name}",
        "logo:orphan": f"/media/{logo('replaced')}",
        "logo:traversal": "/media/actors/logos/../../private/x.txt",
        "logo:encoded_traversal": "/media/actors/logos/%2e%2e/..%2f/private/x.txt",
        "view_on_site:published": f"/admin/r/{content_type}/{published.pk}/",
        "view_on_site:draft": f"/admin/r/{content_type}/{draft.pk}/",
    }


@pytest.mark.parametrize(
    ("role", "target", "expected"),
    [
        pytest.param(role, target, expected, id=f"{role}-{target}")
        for target, *statuses in MEDIA_ADMIN_TABLE
        for role, expected in zip(MEDIA_ROLES, statuses, strict=True)
    ],
)
def test_media_and_view_on_site(client, media_world, role, target, expected):
    if role != "anonymous":
        client.force_login(media_world["users"][role])
    response = client.get(media_world[target])
    assert response.status_code == expected
    if expected == 302 and role == "moderator":
        assert response["Location"].endswith(
            "/aktoerer/" + ("skjult/" if "draft" in target else "synlig/")
        )
    if expected == 302 and role != "moderator":
        assert "/login/" in response["Location"]
