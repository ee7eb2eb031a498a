"""Who may open which matching URL: one table, every URL of matching/urls.py.

Roles: anonymous; a member of the actor (and of the case's lead organisation); a member
of another organisation; a moderator (staff with a second factor). The suggestions are
as public as what they are for: a draft's or an archived actor's answer 404 to anyone
but its members and the moderators, as the actor page does; a case that is not public,
or seeks no partners, answers 404 to everyone.
"""

import pytest
from django.urls import reverse

from ecosystem import staff
from matching import urls
from tests.factories import ActorFactory, CaseApplicationFactory, MembershipFactory, UserFactory
from tests.once import once_per_module
from tests.permission_tables import PermissionTable, request_as

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="matching",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "member", "stranger", "moderator"),
)

# fmt: off
#   url name          method  target              anon member stranger moderator
ROWS = [
    ("actor_partners", "GET",  "published",        200, 200,   200,     200),
    ("actor_partners", "GET",  "pending",          404, 200,   404,     200),
    ("actor_partners", "GET",  "draft",            404, 200,   404,     200),
    ("actor_partners", "GET",  "archived",         404, 200,   404,     200),
    ("actor_partners", "GET",  "missing",          404, 404,   404,     404),
    ("actor_partners", "POST", "published",        405, 405,   405,     405),
    ("case_partners",  "GET",  "seeking",          200, 200,   200,     200),
    ("case_partners",  "GET",  "not_seeking",      404, 404,   404,     404),
    ("case_partners",  "GET",  "submitted",        404, 404,   404,     404),
    ("case_partners",  "GET",  "no_consent",       404, 404,   404,     404),
    ("find_partner",   "GET",  None,               200, 200,   200,     200),
    ("find_partner",   "POST", None,               405, 405,   405,     405),
]
# fmt: on


@once_per_module
def world():
    member = UserFactory(email="member@example.dk")
    stranger = MembershipFactory(actor=ActorFactory(name="Naboen")).user
    moderator = UserFactory(email="moderator@example.dk", staff_mfa=True, groups=[staff.MODERATORS])
    actors = {
        "published": ActorFactory(name="Offentlig"),
        "pending": ActorFactory(name="Ventende", pending=True),
        "draft": ActorFactory(name="Kladde", draft=True),
        "archived": ActorFactory(name="Arkiveret", archived=True),
    }
    for actor in actors.values():
        MembershipFactory(actor=actor, user=member)
    lead = actors["published"]
    cases = {
        "seeking": CaseApplicationFactory(actor=lead, validated=True, seeks_partners=True),
        "not_seeking": CaseApplicationFactory(actor=lead, validated=True),
        "submitted": CaseApplicationFactory(actor=lead, submitted=True, seeks_partners=True),
        "no_consent": CaseApplicationFactory(
            actor=lead, validated=True, seeks_partners=True, consent_portal=False
        ),
    }
    targets = {name: {"slug": actor.slug} for name, actor in actors.items()}
    targets |= {name: {"slug": case.slug} for name, case in cases.items()}
    targets["missing"] = {"slug": "no-such-actor"}
    users = {"member": member, "stranger": stranger, "moderator": moderator}
    return {"users": users, "targets": targets}


@pytest.mark.parametrize(TABLE.params, TABLE.cases(ROWS))
def test_pages(client, world, role, name, method, target, expected):
    user = None if role == "anonymous" else world["users"][role]
    url = reverse(TABLE.url_name(name), kwargs=world["targets"][target] if target else {})
    assert request_as(client, user, method, url).status_code == expected


def test_every_url_has_a_row():
    TABLE.assert_covers(ROWS)


def test_a_drafts_suggestions_are_never_served_from_the_page_cache_to_others(client, world):
    """A member's visit renders the page; an anonymous visit after it still gets a 404."""
    url = reverse("matching:actor_partners", kwargs=world["targets"]["draft"])
    client.force_login(world["users"]["member"])
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 404
