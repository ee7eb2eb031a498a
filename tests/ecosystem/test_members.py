"""Members, invitations and join requests through the pages."""

import re

import pytest
from django.core import mail

from ecosystem import services
from ecosystem.models import ActorLogEntry, Invitation, JoinRequest, Membership
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return ActorFactory(name="Fællesskabet")


@pytest.fixture
def owner(actor):
    return MembershipFactory(
        actor=actor,
        user=UserFactory(email="owner@example.dk", full_name="Olga Ejer"),
        role=Membership.Role.OWNER,
    ).user


@pytest.fixture
def editor(actor):
    return MembershipFactory(
        actor=actor,
        user=UserFactory(email="editor@example.dk", full_name="Erik Redaktør"),
        role=Membership.Role.EDITOR,
    ).user


def members_url(actor):
    return f"/en/actors/{actor.slug}/members/"


def test_an_owner_sees_the_members_and_can_invite(client, actor, owner, editor):
    client.force_login(owner)
    page = client.get(members_url(actor)).content.decode()
    assert "Olga Ejer" in page and "Erik Redaktør" in page
    assert "Invite a member" in page and "/remove/" in page


def test_an_editor_sees_the_members_but_cannot_invite(client, actor, owner, editor):
    client.force_login(editor)
    page = client.get(members_url(actor)).content.decode()
    assert "Olga Ejer" in page and "Invite a member" not in page and "/remove/" not in page
    response = client.post(members_url(actor), {"email": "x@example.dk", "role": "editor"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_inviting_sends_a_link_that_the_invited_person_accepts(
    client, actor, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            members_url(actor), {"email": "new@example.dk", "role": "owner"}, follow=True
        )
    assert "An invitation has been sent to new@example.dk." in response.content.decode()
    assert "new@example.dk" in response.content.decode()  # listed as not yet accepted
    message = mail.outbox[0]
    assert message.to == ["new@example.dk"]
    assert message.subject == "You are invited to join Fællesskabet"
    link = re.search(r"https?://[^/]+(/en/actors/invitations/[^/\s]+/)", message.body).group(1)

    newcomer = UserFactory(email="new@example.dk")
    client.force_login(newcomer)
    page = client.get(link).content.decode()
    assert "Accept the invitation" in page
    response = client.post(link, follow=True)
    assert "You are now a member of Fællesskabet." in response.content.decode()
    assert actor.memberships.get(user=newcomer).role == Membership.Role.OWNER


def test_an_invitation_for_someone_else_says_so(client, actor, owner):
    invitation = Invitation.objects.create(actor=actor, email="a@example.dk", token="t" * 43)
    client.force_login(UserFactory(email="b@example.dk"))
    page = client.get(f"/en/actors/invitations/{invitation.token}/").content.decode()
    assert "This invitation was sent to a@example.dk" in page
    assert "Accept the invitation" not in page
    client.post(f"/en/actors/invitations/{invitation.token}/")
    assert actor.memberships.count() == 1


def test_an_unknown_invitation_token_is_not_found(client, owner):
    client.force_login(owner)
    assert client.get("/en/actors/invitations/nope/").status_code == 404


def test_a_bad_invitation_address_is_shown_on_the_form(client, actor, owner):
    client.force_login(owner)
    response = client.post(members_url(actor), {"email": "not-an-address", "role": "editor"})
    page = response.content.decode()
    assert "Enter a valid email address." in page and 'value="not-an-address"' in page
    response = client.post(members_url(actor), {"email": owner.email, "role": "editor"})
    assert "owner@example.dk is already a member." in response.content.decode()
    assert not Invitation.objects.exists()


def test_removing_a_member_asks_first_and_works_without_javascript(client, actor, owner, editor):
    client.force_login(owner)
    membership = actor.memberships.get(user=editor)
    url = f"/en/actors/{actor.slug}/members/{membership.pk}/remove/"
    page = client.get(url).content.decode()
    assert "Do you want to remove Erik Redaktør" in page and 'method="post"' in page
    response = client.post(url, follow=True)
    assert "Erik Redaktør is no longer a member of Fællesskabet." in response.content.decode()
    assert not actor.memberships.filter(user=editor).exists()
    assert ActorLogEntry.objects.get().action == ActorLogEntry.Action.MEMBER_REMOVED


def test_the_last_owner_cannot_remove_themselves(client, actor, owner):
    client.force_login(owner)
    membership = actor.memberships.get(user=owner)
    response = client.post(f"/en/actors/{actor.slug}/members/{membership.pk}/remove/", follow=True)
    assert "An organisation must keep at least one owner." in response.content.decode()
    assert actor.memberships.filter(user=owner).exists()


def test_an_editor_cannot_reach_the_remove_page(client, actor, owner, editor):
    client.force_login(editor)
    membership = actor.memberships.get(user=owner)
    url = f"/en/actors/{actor.slug}/members/{membership.pk}/remove/"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert actor.memberships.count() == 2


def test_a_membership_of_another_actor_is_not_found_through_my_actor(client, actor, owner):
    other = MembershipFactory()
    client.force_login(owner)
    url = f"/en/actors/{actor.slug}/members/{other.pk}/remove/"
    assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()


def test_asking_to_join_and_the_owner_approving(
    client, actor, owner, django_capture_on_commit_callbacks
):
    person = UserFactory(email="person@example.dk", full_name="Pia Person")
    client.force_login(person)
    page = client.get(f"/en/actors/{actor.slug}/join/").content.decode()
    assert "Ask to join Fællesskabet" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/actors/{actor.slug}/join/", {"message": "I coordinate volunteers."}, follow=True
        )
    assert "Your request to join Fællesskabet has been sent." in response.content.decode()
    assert mail.outbox[0].to == [owner.email]
    again = client.post(f"/en/actors/{actor.slug}/join/", {"message": ""})
    assert "You have already asked to join Fællesskabet." in again.content.decode()

    client.force_login(owner)
    join_request = JoinRequest.objects.get()
    page = client.get("/en/actors/mine/").content.decode()
    assert "Pia Person asks to join Fællesskabet" in page
    url = f"/en/actors/{actor.slug}/join-requests/{join_request.pk}/"
    assert "I coordinate volunteers." in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "approve"}, follow=True)
    assert "Pia Person is now a member of Fællesskabet." in response.content.decode()
    assert actor.memberships.get(user=person).role == Membership.Role.EDITOR
    assert mail.outbox[-1].to == [person.email]


def test_declining_a_join_request(client, actor, owner):
    person = UserFactory(full_name="Pia Person")
    join_request = JoinRequest.objects.create(actor=actor, user=person)
    client.force_login(owner)
    url = f"/en/actors/{actor.slug}/join-requests/{join_request.pk}/"
    response = client.post(url, {"decision": "decline"}, follow=True)
    assert "You declined the request from Pia Person" in response.content.decode()
    assert not actor.memberships.filter(user=person).exists()
    response = client.post(url, {"decision": "approve"}, follow=True)
    assert "This request has already been answered." in response.content.decode()
    assert not actor.memberships.filter(user=person).exists()


def test_a_join_decision_without_a_choice_is_refused(client, actor, owner):
    join_request = JoinRequest.objects.create(actor=actor, user=UserFactory())
    client.force_login(owner)
    url = f"/en/actors/{actor.slug}/join-requests/{join_request.pk}/"
    response = client.post(url, {"decision": "maybe"}, follow=True)
    assert "Choose whether to approve or decline" in response.content.decode()
    assert JoinRequest.objects.get().status == JoinRequest.Status.PENDING


def test_a_member_asking_to_join_is_told_they_belong(client, actor, editor):
    client.force_login(editor)
    response = client.get(f"/en/actors/{actor.slug}/join/", follow=True)
    assert "You are already a member of Fællesskabet." in response.content.decode()


def test_a_draft_cannot_be_joined(client):
    draft = ActorFactory(draft=True)
    client.force_login(UserFactory())
    assert client.get(f"/en/actors/{draft.slug}/join/").status_code == 404


def test_my_organisations_lists_status_role_and_actions(client, owner, actor):
    draft = ActorFactory(name="Kladde-aktøren", draft=True)
    MembershipFactory(actor=draft, user=owner, role=Membership.Role.EDITOR)
    client.force_login(owner)
    page = client.get("/en/actors/mine/").content.decode()
    assert "Fællesskabet" in page and "Kladde-aktøren" in page
    assert "Published" in page and "Draft" in page and "Owner" in page and "Editor" in page
    assert f"/en/actors/{draft.slug}/submit/" in page
    assert f"/en/actors/{actor.slug}/submit/" not in page


def test_my_organisations_runs_a_fixed_number_of_queries(
    client, owner, django_assert_max_num_queries
):
    for _ in range(5):
        extra = MembershipFactory(user=owner).actor
        JoinRequest.objects.create(actor=extra, user=UserFactory())
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        assert client.get("/en/actors/mine/").status_code == 200


def test_members_page_runs_a_fixed_number_of_queries(
    client, actor, owner, django_assert_max_num_queries
):
    for _ in range(8):
        MembershipFactory(actor=actor, role=Membership.Role.EDITOR)
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        assert client.get(members_url(actor)).status_code == 200


def test_an_unverified_extra_address_cannot_claim_an_invitation(client, actor, owner):
    invitation = Invitation.objects.create(actor=actor, email="a@example.dk", token="u" * 43)
    stranger = UserFactory(email="b@example.dk")
    stranger.emailaddress_set.create(email="a@example.dk", verified=False, primary=False)
    client.force_login(stranger)
    page = client.post(f"/en/actors/invitations/{invitation.token}/").content.decode()
    assert "This invitation was sent to a@example.dk" in page
    assert not actor.memberships.filter(user=stranger).exists()


def test_an_owner_cannot_send_invitations_in_bulk(client, actor, owner):
    client.force_login(owner)
    for number in range(20):
        client.post(members_url(actor), {"email": f"p{number}@example.dk", "role": "editor"})
    response = client.post(members_url(actor), {"email": "p20@example.dk", "role": "editor"})
    assert "You have sent 20 invitations today" in response.content.decode()
    assert Invitation.objects.filter(actor=actor).count() == 20


@pytest.mark.parametrize("token", ["%00", "a%00b", "..%2F..%2Fetc"])
def test_a_malformed_invitation_token_is_not_found(client, owner, token):
    client.force_login(owner)
    assert client.get(f"/en/actors/invitations/{token}/").status_code == 404


def test_inviting_one_address_again_and_again_is_capped_by_what_was_sent(
    client, actor, owner, django_capture_on_commit_callbacks
):
    """Each new link replaces the open one, so counting rows would always find one: the
    cap counts the invitations sent (the log)."""
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(25):
            response = client.post(
                members_url(actor), {"email": "same@example.dk", "role": "editor"}
            )
    assert len(mail.outbox) == services.INVITATIONS_PER_ADDRESS_PER_DAY
    assert "same@example.dk has been invited several times today" in response.content.decode()
    assert Invitation.objects.filter(actor=actor).count() == 1
    assert actor.log_entries.filter(action=ActorLogEntry.Action.INVITED).count() == 3


def test_the_daily_cap_counts_replaced_invitations_too(
    client, actor, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(7):
            for _ in range(3):
                client.post(
                    members_url(actor), {"email": f"p{number}@example.dk", "role": "editor"}
                )
        response = client.post(members_url(actor), {"email": "last@example.dk", "role": "editor"})
    assert Invitation.objects.filter(actor=actor).count() == 7
    assert len(mail.outbox) == services.INVITATIONS_PER_DAY
    assert "You have sent 20 invitations today" in response.content.decode()


@pytest.mark.parametrize("status", ["pending", "draft"])
def test_an_actor_not_yet_published_cannot_invite(client, owner, status):
    actor = ActorFactory(status=status)
    MembershipFactory(actor=actor, user=owner, role=Membership.Role.OWNER)
    client.force_login(owner)
    page = client.get(members_url(actor)).content.decode()
    assert "once a moderator has approved the organisation" in page
    assert "invite-form" not in page
    response = client.post(members_url(actor), {"email": "x@example.dk", "role": "editor"})
    assert "once a moderator has approved the organisation" in response.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_join_requests_are_rate_limited_per_visitor_behind_a_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "join_request": "2/h/ip"}
    actors = [ActorFactory() for _ in range(3)]

    def ask(actor, visitor):
        client.force_login(UserFactory())
        return client.post(
            f"/en/actors/{actor.slug}/join/",
            {"message": ""},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=visitor,
        )

    assert ask(actors[0], "203.0.113.7").status_code == 302
    assert ask(actors[1], "203.0.113.7").status_code == 302
    refused = ask(actors[2], "203.0.113.7")
    assert refused.status_code == 429 and "Too many attempts" in refused.content.decode()
    assert ask(actors[2], "198.51.100.4").status_code == 302


def test_join_requests_are_rate_limited_per_account(client, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "join_request": "2/h/user"}
    client.force_login(UserFactory())
    statuses = [
        client.post(f"/en/actors/{ActorFactory().slug}/join/", {"message": ""}).status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
