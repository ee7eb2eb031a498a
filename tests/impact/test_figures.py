"""Every figure against a hand-counted set: rows across January and February 2025, in two
regions, with rows just outside the range (and across midnight in Copenhagen) that must not
count. The numbers in the asserts are counted by hand from `world` below."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from ecosystem.models import Actor, Municipality
from impact import figures, queries
from impact.periods import MONTH, QUARTER, Period
from policy.models import Outcome, Recommendation
from resources.models import DownloadCount, Resource, ResourceFile
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    RegistrationFactory,
    ResourceFactory,
)
from validation import workdays

pytestmark = pytest.mark.django_db

CPH = ZoneInfo("Europe/Copenhagen")
JAN, FEB = date(2025, 1, 1), date(2025, 2, 1)
PERIOD = Period(MONTH, date(2025, 1, 1), date(2025, 2, 28))


@pytest.fixture(autouse=True)
def danish():
    """Labels and sentences as a Danish visitor reads them, whatever ran before."""
    with translation.override("da"):
        yield


def at(y, m, d, hour=10, minute=0):
    return datetime(y, m, d, hour, minute, tzinfo=CPH)


def municipality(code):
    return Municipality.objects.get(code=code)


def values(table):
    return {row.key: row.values for row in table.rows}


@pytest.fixture
def world():
    cph, aarhus, randers = municipality("101"), municipality("751"), municipality("730")
    # --- Actors: København (Hovedstaden) and Aarhus, Randers (Midtjylland) -----------------
    lead = ActorFactory(municipality=cph, published_at=at(2025, 1, 10))
    ActorFactory(municipality=cph, published_at=at(2025, 2, 3), kind="foundation", role="funder")
    ActorFactory(
        municipality=randers, published_at=at(2025, 2, 20), kind="municipality",
        role="policy_maker",
    )  # fmt: skip
    ActorFactory(municipality=aarhus, published_at=at(2024, 12, 15))  # before: a total
    ActorFactory(municipality=aarhus, published_at=at(2025, 3, 5))  # after: nowhere
    ActorFactory(municipality=aarhus, draft=True, published_at=None)  # never counted
    # 00:30 on 1 February in Copenhagen is still 31 January in UTC: February it is.
    ActorFactory(municipality=cph, published_at=at(2025, 2, 1, 0, 30))
    # --- Cases ---------------------------------------------------------------------------
    CaseApplicationFactory(  # 5 working days (Tue 7 to Mon 13 January)
        actor=lead,
        status="published",
        submitted_at=at(2025, 1, 6),
        decided_at=at(2025, 1, 13),
        validated_at=at(2025, 1, 13),
        sim_published_on=date(2025, 2, 3),
    )
    CaseApplicationFactory(  # 10 working days
        actor=lead, status="rejected", submitted_at=at(2025, 1, 20), decided_at=at(2025, 2, 3)
    )
    CaseApplicationFactory(  # 2 working days
        actor=lead,
        status="changes_requested",
        submitted_at=at(2025, 2, 10),
        decided_at=at(2025, 2, 12),
    )
    CaseApplicationFactory(actor=lead, status="in_review", submitted_at=at(2025, 2, 25))
    CaseApplicationFactory(actor=lead, status="draft")
    CaseApplicationFactory(
        actor=lead,
        status="validated",
        submitted_at=at(2024, 11, 4),
        decided_at=at(2024, 12, 2),
        validated_at=at(2024, 12, 2),
    )
    # fmt: on
    # --- Events ----------------------------------------------------------------------------
    january = EventFactory(start=at(2025, 1, 15), end=at(2025, 1, 15, 13))
    for _n in range(2):
        RegistrationFactory(event=january, attended=True)
    RegistrationFactory(event=january, attended=True, decision_maker=True)  # municipal
    RegistrationFactory(event=january, decision_maker=True, decision_level="national")
    RegistrationFactory(event=january, cancelled=True)
    february = EventFactory(start=at(2025, 2, 12), end=at(2025, 2, 12, 13))
    RegistrationFactory(event=february, attended=True, decision_maker=True,
                        decision_level="regional")  # fmt: skip
    RegistrationFactory(event=february, attended=True, decision_maker=True)
    RegistrationFactory(event=february, waiting=True)
    cancelled = EventFactory(start=at(2025, 2, 20), end=at(2025, 2, 20, 13), cancelled=True)
    RegistrationFactory(event=cancelled, attended=True)
    EventFactory(start=at(2025, 2, 21), end=at(2025, 2, 21, 13), draft=True)
    # --- Recommendations -----------------------------------------------------------------
    first = Outcome.objects.create(event=january, summary="Enige.", is_published=True)
    Recommendation.objects.create(outcome=first, title="A", level="municipal")
    Recommendation.objects.create(outcome=first, title="B", level="national", status="adopted")
    second = Outcome.objects.create(event=february, summary="Enige.", is_published=True)
    Recommendation.objects.create(outcome=second, title="C", level="eu", status="implemented")
    hidden = Outcome.objects.create(event=cancelled, summary="Kladde.", is_published=False)
    Recommendation.objects.create(outcome=hidden, title="D", level="eu")
    # --- Downloads -------------------------------------------------------------------------
    guide = _file(ResourceFactory(kind=Resource.Kind.GUIDE))
    report = _file(ResourceFactory(kind=Resource.Kind.REPORT))
    DownloadCount.objects.create(resource_file=guide, day=date(2025, 1, 5), count=3)
    DownloadCount.objects.create(resource_file=guide, day=date(2025, 2, 10), count=4)
    DownloadCount.objects.create(resource_file=guide, day=date(2025, 3, 1), count=100)
    DownloadCount.objects.create(resource_file=report, day=date(2025, 2, 1), count=2)


def _file(resource):
    return ResourceFile.objects.create(
        resource=resource, file="x.pdf", original_name="x.pdf", kind="pdf",
        content_type="application/pdf",
    )  # fmt: skip


def test_new_actors_per_month_in_copenhagen_time(world):
    table = queries.new_actors(PERIOD)
    assert values(table) == {JAN: [1], FEB: [3]}
    assert [row.label for row in table.rows] == ["jan. 2025", "feb. 2025"]
    assert Period(QUARTER, JAN, JAN).label(JAN) == "K1 2025"
    with translation.override("en"):
        assert PERIOD.label(FEB) == "Feb 2025"
        assert Period(QUARTER, JAN, JAN).label(JAN) == "Q1 2025"


def test_actors_by_region_type_and_role(world):
    with translation.override("da"):
        rows = queries.actors_by_region(PERIOD).rows
    assert {row.label: row.values for row in rows} == {
        "Region Hovedstaden": [3, 3],
        "Region Sjælland": [0, 0],
        "Region Syddanmark": [0, 0],
        "Region Midtjylland": [2, 1],
        "Region Nordjylland": [0, 0],
    }
    assert [row.key for row in rows] == ["DK01", "DK02", "DK03", "DK04", "DK05"]
    by_kind = values(queries.actors_by_kind(PERIOD))
    assert by_kind["social_enterprise"] == [3, 2]
    assert by_kind["foundation"] == [1, 1]
    assert by_kind["municipality"] == [1, 1]
    assert by_kind["ngo"] == [0, 0]
    by_role = values(queries.actors_by_role(PERIOD))
    assert by_role["practitioner"] == [3, 2]
    assert by_role["funder"] == [1, 1]
    assert by_role["policy_maker"] == [1, 1]


def test_municipalities_covered_grow_period_by_period(world):
    table = queries.municipalities_covered(PERIOD)
    # Aarhus since December; København in January; Randers in February.
    assert values(table) == {JAN: [2], FEB: [3]}
    assert table.summary == "3 af 98 kommuner ved periodens slutning."


def test_cases_applied_validated_and_published_on_sim(world):
    table = queries.cases(PERIOD)
    assert values(table) == {JAN: [2, 1, 0], FEB: [2, 0, 1]}


def test_the_median_working_days_to_a_decision(world):
    table = queries.decision_days(PERIOD)
    # January: one decision of 5 days; February: 10 and 2, median 6; overall 5 of (5, 10, 2).
    assert values(table) == {JAN: [5, 1], FEB: [6, 2]}
    assert table.summary == "Median for perioden: 5 arbejdsdage, 3 afgørelser."


def test_working_days_skip_easter_as_the_validators_queue_does():
    CaseApplicationFactory(
        status="validated", submitted_at=at(2025, 4, 14), decided_at=at(2025, 4, 22)
    )
    table = queries.decision_days(Period(MONTH, date(2025, 4, 1), date(2025, 4, 30)))
    expected = workdays.working_days_between(date(2025, 4, 14), date(2025, 4, 22))
    assert expected == 3  # Tue 15, Wed 16 and Tue 22: Maundy Thursday to Easter Monday off
    assert values(table)[date(2025, 4, 1)] == [3, 1]


def test_a_period_without_decisions_has_no_median():
    table = queries.decision_days(PERIOD)
    assert values(table) == {JAN: [None, 0], FEB: [None, 0]}
    assert table.summary == "Ingen afgørelser i perioden."


def test_events_participants_and_decision_makers(world):
    assert values(queries.events(PERIOD)) == {JAN: [1, 3, 1], FEB: [1, 2, 2]}
    by_level = values(queries.decision_makers(PERIOD))
    assert by_level == {
        "municipal": [2, 2],
        "regional": [1, 1],
        "national": [1, 0],
        "eu": [0, 0],
    }


def test_recommendations_by_status_and_level(world):
    # Columns: all levels, municipal, regional, national, EU.
    assert values(queries.recommendations(PERIOD)) == {
        "proposed": [1, 1, 0, 0, 0],
        "adopted": [1, 0, 0, 1, 0],
        "implemented": [1, 0, 0, 0, 1],
    }


def test_downloads_by_type_of_resource(world):
    table = queries.downloads(PERIOD)
    found = values(table)
    assert found["guide"] == [7]
    assert found["report"] == [2]
    assert found["method"] == [0]
    assert table.summary == "9 downloads i perioden."


def test_a_quarter_adds_the_months_up(world):
    quarter = Period(QUARTER, date(2025, 1, 1), date(2025, 3, 31))
    assert values(queries.new_actors(quarter)) == {JAN: [5]}
    assert values(queries.cases(quarter)) == {JAN: [4, 1, 1]}


def test_the_headline_figures(world):
    found = queries.headlines()
    assert found["actors"] == 6  # every published actor, the one after the range too
    assert found["municipalities"] == 3
    assert found["municipalities_of"] == 98
    assert found["cases"] == 2  # validated and published
    assert found["events"] == 2  # the cancelled and the draft event are not held
    assert found["decision_makers"] == 3
    assert found["downloads"] == 109


def test_every_declared_figure_computes_on_an_empty_database():
    period = Period.default()
    for figure in figures.FIGURES:
        table = figure.compute(period)
        assert table.columns and all(len(row.values) == len(table.columns) for row in table.rows)


def test_a_figure_from_a_later_app_is_one_entry():
    from impact.tables import counted_per_period

    figure = figures.Figure(
        "test_published_actors",
        "Published",
        "actors",
        counted_per_period(lambda: Actor.objects.published(), "published_at", lambda: "New"),
    )
    figures.register(figure)
    try:
        assert figures.by_name("test_published_actors") is figure
        ActorFactory(published_at=at(2025, 2, 3))
        assert values(figure.compute(PERIOD)) == {JAN: [0], FEB: [1]}
    finally:
        figures.FIGURES.remove(figure)


def test_the_closed_formula_agrees_with_the_validators_count_day_by_day():
    """One decision a month in 2025 (so each month's median is that case's days), from
    submissions on every weekday and at weekends, across Easter, Whitsun and Christmas."""
    pairs = [
        (date(2024, 12, 20), date(2025, 1, 6)),  # Christmas and New Year
        (date(2025, 2, 1), date(2025, 2, 3)),  # a Saturday to a Monday
        (date(2025, 3, 7), date(2025, 3, 8)),  # a Friday to a Saturday
        (date(2025, 4, 11), date(2025, 4, 25)),  # Easter
        (date(2025, 5, 23), date(2025, 5, 30)),  # Ascension Day
        (date(2025, 6, 2), date(2025, 6, 10)),  # Constitution Day and Whit Monday
        (date(2025, 7, 1), date(2025, 7, 31)),
        (date(2025, 8, 10), date(2025, 8, 10)),  # the same day
        (date(2025, 9, 5), date(2025, 9, 15)),
        (date(2025, 12, 19), date(2025, 12, 31)),  # Christmas Eve to New Year's Eve
    ]
    for submitted, decided in pairs:
        CaseApplicationFactory(
            status="rejected",
            submitted_at=at(submitted.year, submitted.month, submitted.day, 9),
            decided_at=at(decided.year, decided.month, decided.day, 15),
        )
    found = values(queries.decision_days(Period(MONTH, date(2025, 1, 1), date(2025, 12, 31))))
    for submitted, decided in pairs:
        expected = workdays.working_days_between(submitted, decided)
        assert found[decided.replace(day=1)] == [expected, 1], (submitted, decided)


def test_funding_opportunities_published_per_month():
    """Counted by when each call was published; a closed call was published too, a draft
    never was, and a call published in December is outside the range."""
    from tests.funding.factories import FundingOpportunityFactory

    FundingOpportunityFactory(published_at=at(2025, 1, 8))
    FundingOpportunityFactory(published_at=at(2025, 2, 3))
    FundingOpportunityFactory(published_at=at(2025, 2, 27), closed=True)
    FundingOpportunityFactory(draft=True, published_at=None)
    FundingOpportunityFactory(published_at=at(2024, 12, 30))
    figure = figures.by_name("funding_published")
    assert values(figure.compute(PERIOD)) == {JAN: [1], FEB: [2]}
