"""Registration as the services run it: the transition table, seats under concurrency, the
waiting list, guests who must confirm, mail with a calendar file, and anonymisation."""

from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.utils import timezone, translation

from policy import permissions, services
from policy.models import Event, EventLogEntry, Registration
from tests.concurrency import at_once
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

RS = Registration.Status
GUEST = {"name": "Gitte Gæst", "email": "gitte@example.dk", "organisation": "Vejle Kommune"}


@pytest.fixture(autouse=True)
def _english():
    """The services' messages are lazy; read them in English whatever ran before."""
    with translation.override("en"):
        yield


@pytest.fixture
def manager():
    return UserFactory(staff=True, groups=["event managers"])


def register(event, *, user=None, **values):
    return services.register_for_event(
        event=event, user=user, values={**GUEST, **values}, language="da"
    )


# --- The transition table, walked ------------------------------------------------------------

# Who takes each step: the registrant (by link), an event manager, or the portal.
ACTORS = {
    services.BY_REGISTRANT: "registrant",
    services.BY_MANAGER: "manager",
    services.BY_SYSTEM: "system",
}


def _who(kind, registration, manager, stranger):
    return {
        "registrant": permissions.LinkHolder(registration.pk),
        "manager": manager,
        "system": permissions.SYSTEM,
        "stranger": stranger,
    }[kind]


@pytest.mark.parametrize("action", list(services.REGISTRATION_TRANSITIONS))
@pytest.mark.parametrize("status", list(RS.values))
def test_every_transition_from_every_state(action, status, manager):
    """Allowed where the table says so (and only for its role); refused everywhere else,
    with nothing changed and nothing logged."""
    transition = services.REGISTRATION_TRANSITIONS[action]
    registration = RegistrationFactory(status=status)
    stranger = UserFactory()
    by = _who(ACTORS[transition.by], registration, manager, stranger)
    if status not in transition.sources:
        with pytest.raises(services.RegistrationError):
            services._apply(registration, action, by=by, language="da", event=registration.event)
        registration.refresh_from_db()
        assert registration.status == status
        assert not EventLogEntry.objects.filter(registration=registration).exists()
        return
    # The wrong people are refused first.
    for other in {"registrant", "manager", "system", "stranger"} - {ACTORS[transition.by]}:
        with pytest.raises(services.RegistrationError):
            services._apply(
                registration,
                action,
                by=_who(other, registration, manager, stranger),
                language="da",
                event=registration.event,
            )
    services._apply(registration, action, by=by, language="da", event=registration.event)
    registration.refresh_from_db()
    assert registration.status == transition.target
    log = EventLogEntry.objects.get(registration=registration)
    assert log.action == transition.log
    assert log.changes == {"status": [status, transition.target]}


def test_a_link_for_one_registration_acts_on_no_other():
    mine, theirs = RegistrationFactory(), RegistrationFactory()
    with pytest.raises(services.RegistrationError):
        services.cancel_registration(registration=theirs, by=permissions.LinkHolder(mine.pk))
    theirs.refresh_from_db()
    assert theirs.status == RS.CONFIRMED


# --- Registering -----------------------------------------------------------------------------


def test_a_logged_in_user_gets_a_seat_and_a_calendar_file(django_capture_on_commit_callbacks):
    user = UserFactory(email="mette@example.dk", full_name="Mette Madsen")
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, user=user, email="ignored@example.dk", name="")
    assert registration.status == RS.CONFIRMED
    assert registration.email == "mette@example.dk"
    assert registration.name == "Mette Madsen"
    (message,) = mail.outbox
    assert message.to == ["mette@example.dk"]
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [event.title_da]


def test_a_guest_holds_no_seat_until_the_link_confirms(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        guest = register(event)
    assert guest.status == RS.UNCONFIRMED
    assert services.seats_left(event) == 1
    assert "/confirm/" in mail.outbox[0].body
    # Someone with an account takes the only seat meanwhile.
    register(event, user=UserFactory(), email="x@example.dk")
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_email(registration=guest, by=permissions.LinkHolder(guest.pk))
    guest.refresh_from_db()
    assert guest.status == RS.WAITING
    assert "venteliste" in mail.outbox[-1].subject  # the guest registered in Danish


def test_confirming_twice_changes_nothing_more():
    event = EventFactory()
    guest = register(event)
    holder = permissions.LinkHolder(guest.pk)
    services.confirm_email(registration=guest, by=holder)
    services.confirm_email(registration=guest, by=holder)
    guest.refresh_from_db()
    assert guest.status == RS.CONFIRMED
    assert EventLogEntry.objects.filter(registration=guest, action="email_confirmed").count() == 1


def test_a_closed_event_waits_for_approval_and_approval_beyond_seats_waits(manager):
    event = EventFactory(closed=True, capacity=1)
    first = register(event, user=UserFactory())
    second = register(event, user=UserFactory(), email="b@example.dk")
    assert first.status == second.status == RS.PENDING
    services.decide_registration(registration=first, action="approve", by=manager)
    services.decide_registration(registration=second, action="approve", by=manager)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (RS.CONFIRMED, RS.WAITING)


@pytest.mark.parametrize(
    ("event_kwargs", "message"),
    [
        ({"cancelled": True}, "cancelled"),
        ({"registration_closes": timezone.now() - timedelta(hours=1)}, "closed"),
        ({"registration_opens": timezone.now() + timedelta(days=1)}, "not opened"),
        ({"draft": True}, "not open"),
    ],
)
def test_registration_is_refused_when_not_open(event_kwargs, message):
    event = EventFactory(**event_kwargs)
    with pytest.raises(services.RegistrationError) as error:
        register(event)
    assert message in str(error.value.message)
    assert not Registration.objects.exists()


def test_registering_twice_gives_one_registration():
    event = EventFactory()
    user = UserFactory()
    register(event, user=user)
    with pytest.raises(services.RegistrationError, match="already registered"):
        register(event, user=user)
    register(event, email="Other@Example.dk")
    with pytest.raises(services.RegistrationError, match="already registered"):
        register(event, email="other@example.dk")
    assert event.registrations.count() == 2


def test_after_cancelling_one_may_register_again():
    event = EventFactory()
    user = UserFactory()
    first = register(event, user=user)
    services.cancel_registration(registration=first, by=user)
    again = register(event, user=user)
    assert again.status == RS.CONFIRMED


# --- Cancelling and the waiting list ---------------------------------------------------------


def test_cancelling_promotes_the_first_in_line_and_tells_them(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    seated = register(event, user=UserFactory(email="seated@example.dk"))
    first = register(event, user=UserFactory(email="first@example.dk"))
    second = register(event, user=UserFactory(email="second@example.dk"))
    assert (first.status, second.status) == (RS.WAITING, RS.WAITING)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=seated, by=seated.user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (RS.CONFIRMED, RS.WAITING)
    recipients = {m.to[0]: m for m in mail.outbox}
    assert set(recipients) == {"seated@example.dk", "first@example.dk"}
    promoted = recipients["first@example.dk"]
    assert promoted.attachments and promoted.attachments[0][0].endswith(".ics")
    assert EventLogEntry.objects.filter(registration=first, action="promoted").exists()


def test_a_cancelled_event_tells_every_registrant(manager, django_capture_on_commit_callbacks):
    event = EventFactory()
    RegistrationFactory(event=event, email="a@example.dk")
    RegistrationFactory(event=event, email="b@example.dk", waiting=True)
    RegistrationFactory(event=event, email="c@example.dk", cancelled=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_event(event=event, action="cancel", by=manager)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.dk", "b@example.dk"]
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


def test_more_seats_move_the_waiting_list_up(manager):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, waiting=True)
    event.capacity = 2
    event.save()
    services.fill_free_seats(event=event)
    waiting.refresh_from_db()
    assert waiting.status == RS.CONFIRMED


# --- Concurrency: the event lock --------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_exceed_the_seats():
    """N people register at the same moment, each on their own database connection, for
    M < N seats: exactly M get a seat and N - M wait. A cancellation then promotes the
    first in line."""
    seats, people = 3, 8
    event = EventFactory(capacity=seats)
    users = [UserFactory(email=f"p{n}@example.dk") for n in range(people)]

    def attempt(user):
        return services.register_for_event(event=event, user=user, values={}, language="da")

    # at_once raises any error a registration met; every one of them came back.
    assert len(at_once(attempt, users)) == people
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses.count(RS.CONFIRMED) == seats
    assert statuses.count(RS.WAITING) == people - seats

    first_in_line = event.registrations.filter(status=RS.WAITING).order_by("waiting_since", "pk")[0]
    seated = event.registrations.filter(status=RS.CONFIRMED).select_related("user").first()
    services.cancel_registration(registration=seated, by=seated.user)
    first_in_line.refresh_from_db()
    assert first_in_line.status == RS.CONFIRMED
    assert event.registrations.filter(status=RS.CONFIRMED).count() == seats


@pytest.mark.django_db(transaction=True)
def test_parallel_email_confirmations_never_exceed_the_seats():
    event = EventFactory(capacity=2)
    guests = [register(event, email=f"g{n}@example.dk") for n in range(6)]

    def confirm(guest):
        return services.confirm_email(registration=guest, by=permissions.LinkHolder(guest.pk))

    assert len(at_once(confirm, guests)) == len(guests)
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses.count(RS.CONFIRMED) == 2
    assert statuses.count(RS.WAITING) == 4


# --- Personal data ---------------------------------------------------------------------------


def test_old_registrations_are_anonymised_and_the_counts_stay(settings):
    settings.POLICY_ANONYMISE_AFTER_MONTHS = 12
    old = EventFactory(
        start=timezone.now() - timedelta(days=400), end=timezone.now() - timedelta(days=399)
    )
    recent = EventFactory(past=True)
    RegistrationFactory(event=old, attended=True, decision_maker=True, name="Ole Olsen")
    RegistrationFactory(event=old, name="Pia Pedersen")
    kept = RegistrationFactory(event=recent, name="Rikke Ravn")
    assert services.anonymise_registrations() == 2
    assert services.anonymise_registrations() == 0
    names = set(Registration.objects.filter(event=old).values_list("name", flat=True))
    assert names == {""}
    assert not Registration.objects.filter(event=old, email__contains="example.dk").exists()
    kept.refresh_from_db()
    assert kept.name == "Rikke Ravn"
    counts = services.decision_maker_counts([old])["per_event"][old.pk]
    assert counts["municipal"] == [1, 1]


def test_the_daily_command_anonymises(settings):
    from io import StringIO

    from django.core.management import call_command

    old = EventFactory(
        start=timezone.now() - timedelta(days=800), end=timezone.now() - timedelta(days=799)
    )
    RegistrationFactory(event=old, name="Ole Olsen")
    out = StringIO()
    call_command("anonymise_registrations", stdout=out)
    assert out.getvalue().startswith("1 registrations anonymised")
    assert not Registration.objects.filter(name="Ole Olsen").exists()
