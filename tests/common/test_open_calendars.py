"""The portal's calendars read by two iCalendar parsers (icalendar and vobject), each
resolving times through the calendar's own VTIMEZONE as ical.js does: a summer and a
winter event land on the right UTC instant, and no switch date hides in a multi-valued
RDATE (which ical.js reads only the first value of)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from funding import calendar as funding_calendar
from funding.models import Deadline, FundingOpportunity
from tests.factories import EventFactory
from tests.funding.factories import FundingOpportunityFactory

CPH = ZoneInfo("Europe/Copenhagen")
SITE = "https://socialinnovation.example"
SUMMER = datetime(2027, 7, 1, 9, 0, tzinfo=CPH)  # 09:00 CEST
WINTER = datetime(2027, 1, 14, 9, 0, tzinfo=CPH)  # 09:00 CET
SUMMER_UTC = datetime(2027, 7, 1, 7, 0, tzinfo=UTC)
WINTER_UTC = datetime(2027, 1, 14, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]


@pytest.fixture
def events(db):
    summer = EventFactory(title_da="Sommermøde", start=SUMMER, end=SUMMER.replace(hour=12))
    winter = EventFactory(title_da="Vintermøde", start=WINTER, end=WINTER.replace(hour=12))
    return summer, winter


@pytest.fixture
def deadlines(db):
    call = FundingOpportunityFactory(deadline_days=[])
    Deadline.objects.create(opportunity=call, at=SUMMER.replace(hour=9, minute=30))
    Deadline.objects.create(opportunity=call, at=WINTER.replace(hour=9, minute=30))
    closed = FundingOpportunityFactory(
        deadline_days=[], status=FundingOpportunity.Status.CLOSED, title_da="Lukket pulje"
    )
    Deadline.objects.create(opportunity=closed, at=datetime(2099, 3, 1, 12, tzinfo=CPH))
    return call, closed


def _icalendar_starts(body: bytes) -> list[datetime]:
    """icalendar, with the times turned into instants by the file's own VTIMEZONE."""
    cal = icalendar.Calendar.from_ical(body)
    (vtimezone,) = cal.walk("VTIMEZONE")
    tz = vtimezone.to_tz()
    starts = []
    for event in cal.walk("VEVENT"):
        local = event.decoded("dtstart").replace(tzinfo=None)
        starts.append(local.replace(tzinfo=tz).astimezone(UTC))
    return sorted(starts)


def _vobject_starts(body: bytes) -> list[datetime]:
    cal = vobject.readOne(body.decode())
    return sorted(event.dtstart.value.astimezone(UTC) for event in cal.vevent_list)


def _no_multivalued_rdate(body: bytes) -> None:
    cal = icalendar.Calendar.from_ical(body)
    for component in cal.walk("VTIMEZONE"):
        for sub in component.subcomponents:
            rdates = sub.get("RDATE", [])
            for rdate in rdates if isinstance(rdates, list) else [rdates]:
                assert len(rdate.dts) == 1
    unfolded = body.decode().replace("\r\n ", "")
    assert not [line for line in unfolded.splitlines() if line.startswith("RDATE") and "," in line]


@pytest.mark.parametrize("url", ["/arrangementer/feed.ics", "/en/events/feed.ics"])
def test_the_event_feed_puts_summer_and_winter_events_at_the_right_instant(client, events, url):
    body = client.get(url, HTTP_HOST="mirror.example").content
    _no_multivalued_rdate(body)
    assert _icalendar_starts(body) == [WINTER_UTC, SUMMER_UTC]
    assert _vobject_starts(body) == [WINTER_UTC, SUMMER_UTC]
    text = body.decode().replace("\r\n ", "")
    assert "X-LICENSE:https://creativecommons.org/licenses/by/4.0/" in text
    assert "mirror.example" not in text and f"URL:{SITE}/" in text


def test_one_events_ics_file_in_summer(client, events):
    summer, _ = events
    response = client.get(summer.get_absolute_url() + "event.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{summer.slug}.ics"'
    _no_multivalued_rdate(response.content)
    assert _icalendar_starts(response.content) == [SUMMER_UTC]
    assert _vobject_starts(response.content) == [SUMMER_UTC]


@pytest.mark.parametrize(
    ("url", "language"),
    [("/arrangementer/feed.ics", "DA"), ("/en/events/feed.ics", "EN"),
     ("/finansiering/deadlines.ics", "DA"), ("/en/funding/deadlines.ics", "EN")],
)  # fmt: skip
def test_prodid_names_the_calendars_language(client, events, deadlines, url, language):
    cal = icalendar.Calendar.from_ical(client.get(url).content)
    assert str(cal["PRODID"]).endswith(f"//{language}")


def test_funding_deadlines_have_status_sequence_and_the_right_instant(client, deadlines):
    body = client.get("/en/funding/deadlines.ics", HTTP_HOST="mirror.example").content
    _no_multivalued_rdate(body)
    cal = icalendar.Calendar.from_ical(body)
    statuses = sorted((str(e["STATUS"]), str(e["SUMMARY"])) for e in cal.walk("VEVENT"))
    assert [status for status, _ in statuses] == ["CANCELLED", "CONFIRMED", "CONFIRMED"]
    assert statuses[0][1].startswith("Deadline: Social innovation fund")
    assert all(int(e["SEQUENCE"]) > 0 for e in cal.walk("VEVENT"))
    ends = sorted(e.dtend.value.astimezone(UTC) for e in vobject.readOne(body.decode()).vevent_list)
    assert ends[:2] == [WINTER_UTC.replace(minute=30), SUMMER_UTC.replace(minute=30)]
    assert "X-LICENSE:https://creativecommons.org/licenses/by/4.0/" in body.decode()
    assert "mirror.example" not in body.decode()


def test_a_moved_deadline_gets_a_higher_sequence(deadlines):
    call, _ = deadlines

    def sequences():
        rows = Deadline.objects.select_related("opportunity", "opportunity__funder")
        cal = icalendar.Calendar.from_ical(funding_calendar.ics(rows))
        return {str(e["UID"]): int(e["SEQUENCE"]) for e in cal.walk("VEVENT")}

    before = sequences()
    # An edit a minute later (the admin saves the call with its deadlines).
    FundingOpportunity.objects.filter(pk=call.pk).update(
        updated_at=call.updated_at + timedelta(minutes=1)
    )
    after = sequences()
    moved = [uid for uid in before if after[uid] > before[uid]]
    assert len(moved) == 2
