"""The partner workflow, called directly: every transition from every state, by the right
and the wrong role; approval makes the actor's members partners; mails go out after
commit, to the right people, in their language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from ecosystem.models import Partnership
from ecosystem.permissions import is_partner
from partners import services
from partners.models import PartnerApplication, Status, Tier
from tests.factories import UserFactory
from tests.workflow_checks import assert_refused, assert_taken, every_step_from_every_state

pytestmark = pytest.mark.django_db

ALL_STATES = list(Status.values)
TRANSITIONS = every_step_from_every_state(services.TRANSITIONS, ALL_STATES)


@pytest.mark.parametrize(("action", "state"), TRANSITIONS)
def test_every_transition_from_every_state(
    action, state, owner, partner_staff, make_application, django_capture_on_commit_callbacks
):
    transition = services.TRANSITIONS[action]
    application = make_application(status=state)
    by = owner if transition.by == "owner" else partner_staff
    reason = "Tilføj et bidrag." if transition.needs_reason else ""

    if state in transition.sources:
        with django_capture_on_commit_callbacks(execute=True):
            services.transition_application(
                application=application, action=action, by=by, reason=reason, language="en"
            )
        assert_taken(application, transition, by, state, reason)
        if transition.mail and state not in transition.silent_from:
            expected = partner_staff.email if transition.notify == "staff" else owner.email
            assert [m.to for m in mail.outbox] == [[expected]]
        else:
            assert mail.outbox == []
    else:
        with pytest.raises(services.PartnerError) as error:
            services.transition_application(
                application=application, action=action, by=by, reason=reason, language="en"
            )
        assert "Ungdomsbroen" in str(error.value.message)
        assert_refused(application, state)


@pytest.mark.parametrize("action", list(services.TRANSITIONS))
def test_every_transition_is_refused_to_the_wrong_role(
    action, owner, editor, partner_staff, other_staff, stranger, make_application
):
    transition = services.TRANSITIONS[action]
    application = make_application(status=transition.sources[0])
    wrong = [stranger, other_staff, editor] + (
        [partner_staff] if transition.by == "owner" else [owner]
    )
    for user in wrong:
        with pytest.raises(services.PartnerError):
            services.transition_application(
                application=application, action=action, by=user, reason="x"
            )
    application.refresh_from_db()
    assert application.status == transition.sources[0]


def test_a_rejection_needs_a_reason(partner_staff, make_application):
    application = make_application(status=Status.SUBMITTED)
    with pytest.raises(services.PartnerError):
        services.transition_application(
            application=application, action="reject", by=partner_staff, reason="  "
        )
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_approval_makes_the_members_partners_for_a_year(
    owner, editor, stranger, partner_staff, make_application, django_capture_on_commit_callbacks
):
    application = make_application(status=Status.SUBMITTED, tier=Tier.STRATEGIC)
    assert not is_partner(owner)

    with django_capture_on_commit_callbacks(execute=True):
        services.transition_application(application=application, action="approve", by=partner_staff)

    application.refresh_from_db()
    today = timezone.localdate()
    partnership = application.partnership
    assert (partnership.actor, partnership.starts_on) == (application.actor, today)
    assert partnership.ends_on == today + datetime.timedelta(days=365)
    assert partnership.programme == application
    # Every member of the actor, owner or not, gets the library's partner-only resources.
    assert is_partner(owner) and is_partner(editor)
    assert not is_partner(stranger)
    # The owner reads the welcome in Danish, their chosen language.
    (welcome,) = mail.outbox
    assert welcome.to == [owner.email]
    assert "partner" in welcome.subject.lower() and "Velkommen" in welcome.subject


def test_a_renewal_continues_the_current_term(partner_staff, make_application):
    first = make_application(approved=True)
    ends_on = first.partnership.ends_on
    renewal = make_application(status=Status.SUBMITTED, tier=Tier.NETWORK)

    services.transition_application(application=renewal, action="approve", by=partner_staff)

    renewal.refresh_from_db()
    assert renewal.partnership.starts_on == ends_on + datetime.timedelta(days=1)
    assert Partnership.objects.filter(actor=first.actor).count() == 2


def test_an_organisation_has_one_open_application_at_a_time(owner, actor, make_application):
    make_application(status=Status.SUBMITTED)
    values = {
        "tier": Tier.NETWORK,
        "fee_dkk": 0,
        "in_kind": "",
        "co_hosts_events": True,
        "other_contribution": "",
        "motivation": "Igen",
    }
    with pytest.raises(services.PartnerError):
        services.create_application(actor=actor, by=owner, values=values)
    assert PartnerApplication.objects.filter(actor=actor).count() == 1


def test_only_an_owner_may_apply(editor, actor):
    values = dict.fromkeys(services.FIELDS, "")
    values.update(tier=Tier.NETWORK, fee_dkk=0, co_hosts_events=True)
    with pytest.raises(services.PartnerError):
        services.create_application(actor=actor, by=editor, values=values)


def test_staff_mail_goes_to_moderators_and_editors_only(owner, make_application):
    from ecosystem import staff

    editor_staff = UserFactory(email="redaktoer@example.dk", staff=True, groups=[staff.EDITORS])
    UserFactory(email="validator@example.dk", staff=True, groups=[staff.VALIDATORS])
    UserFactory(email="formerly@example.dk", staff=False, groups=[staff.MODERATORS])
    assert [r.address for r in services.staff_recipients()] == [editor_staff.email]
