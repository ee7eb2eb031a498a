"""The queries behind the figures. Each runs a fixed number of queries (one, mostly),
whatever the number of rows: PostgreSQL groups (date_trunc, GROUP BY, FILTER) and Python
only lays the few result rows out as a table."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.db.models import Count, DateField, Min, Q, Sum
from django.db.models.functions import Trunc
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ecosystem.models import Actor, Region
from impact.periods import Period
from impact.tables import RANKING, Row, Table, per_period, period_table
from policy.models import Event, GovernmentLevel, Recommendation, Registration
from policy.services import COUNTED
from resources.models import DownloadCount, Resource
from validation import workdays
from validation.models import PUBLIC_STATES, CaseApplication

# Denmark's municipalities since the 2007 reform: the reference data holds all 98.
MUNICIPALITIES = 98
ATTENDED = Registration.Status.ATTENDED


def _held_events(period: Period):
    """Published (not cancelled) events that started in the range and have ended."""
    return Event.objects.published().filter(
        start__gte=period.start_at, start__lt=period.end_at, end__lt=timezone.now()
    )


# --- Actors ---------------------------------------------------------------------------------


def new_actors(period: Period) -> Table:
    table = period_table(
        period, [(_("New actors"), per_period(Actor.objects.published(), "published_at", period))]
    )
    total = table.total()
    table.summary = ngettext(
        "%(count)s actor published in the period.",
        "%(count)s actors published in the period.",
        int(total),
    ) % {"count": _number(total)}
    return table


def _actor_breakdown(period: Period, key: str, labels: dict, heading: str) -> Table:
    """Published actors at the end of the range, and those new in it, per `key`."""
    rows = (
        Actor.objects.published()
        .filter(published_at__lt=period.end_at)
        .values(key)
        .annotate(total=Count("pk"), new=Count("pk", filter=Q(published_at__gte=period.start_at)))
        .order_by()
    )
    found = {row[key]: (row["total"], row["new"]) for row in rows}
    return Table(
        heading=heading,
        columns=[_("Published at the end of the period"), _("New in the period")],
        rows=[
            Row(code or "", str(label), list(found.get(code, (0, 0))))
            for code, label in labels.items()
            if code in found or code
        ],
        chart=RANKING,
    )


def actors_by_region(period: Period) -> Table:
    regions = list(Region.objects.order_by("code"))
    labels = {region.pk: region.name for region in regions}
    labels[None] = _("No region (national or online)")
    table = _actor_breakdown(period, "region_id", labels, _("Region"))
    codes = {region.pk: region.code for region in regions}
    table.rows = [Row(codes.get(row.key, ""), row.label, row.values) for row in table.rows]
    return table


def actors_by_kind(period: Period) -> Table:
    return _actor_breakdown(period, "kind", dict(Actor.Kind.choices), _("Type"))


def actors_by_role(period: Period) -> Table:
    return _actor_breakdown(period, "role", dict(Actor.Role.choices), _("Role"))


def municipalities_covered(period: Period) -> Table:
    """Municipalities with at least one published actor at the end of each period: the
    first publication per municipality (at most 98 rows), summed up period by period."""
    firsts = (
        Actor.objects.published()
        .filter(municipality__isnull=False, published_at__lt=period.end_at)
        .values("municipality_id")
        .annotate(first=Trunc(Min("published_at"), period.grain, output_field=DateField()))
        .values_list("first", flat=True)
        .order_by()
    )
    firsts = sorted(firsts)
    covered, index, counts = 0, 0, {}
    for start in period.starts():
        while index < len(firsts) and firsts[index] <= start:
            covered, index = covered + 1, index + 1
        counts[start] = covered
    table = period_table(period, [(_("Municipalities covered"), counts)])
    last = counts[period.starts()[-1]] if counts else 0
    table.summary = _("%(count)d of %(all)d municipalities at the end of the period.") % {
        "count": last,
        "all": MUNICIPALITIES,
    }
    return table


# --- Cases ------------------------------------------------------------------------------------


def cases(period: Period) -> Table:
    every = CaseApplication.objects.all()
    table = period_table(
        period,
        [
            (_("Applied"), per_period(every, "submitted_at", period)),
            (_("Validated"), per_period(every, "validated_at", period)),
            (_("Published on SIM"), per_period(every, "sim_published_on", period)),
        ],
    )
    table.summary = _(
        "%(applied)s applied, %(validated)s validated and %(published)s published on SIM "
        "in the period."
    ) % {
        "applied": _number(table.total(0)),
        "validated": _number(table.total(1)),
        "published": _number(table.total(2)),
    }
    table.notes = [
        _("A case counts as applied in the period of its latest submission."),
    ]
    return table


def _days_off(first: date, last: date) -> list[date]:
    """Weekdays that are no working days (Danish public holidays and the public servants'
    days off), from `validation.workdays`, the rule the validators' queue counts by."""
    # The first entry, long before any case, keeps the list from being empty (width_bucket
    # needs one) and cancels out in every difference.
    day, found = date(first.year, 1, 1), [date(1970, 1, 1)]
    while day <= last:
        if day.weekday() < 5 and not workdays.is_working_day(day):
            found.append(day)
        day += timedelta(days=1)
    return found


# Working days after the submission's day up to and including the decision's day, as in
# validation.workdays.working_days_between: Monday to Friday, less the days off. A closed
# formula, not a series of days per case: weekdays(d) counts Monday to Friday from a
# Monday long ago up to d, so the weekdays in (submitted, decided] are the difference;
# the days off in between are counted the same way, by a binary search in their list.
# ("%%" is the modulo: the query has parameters.) 5 January 1970 was a Monday.
WEEKDAYS = "(5 * (({d} - DATE '1970-01-05') / 7) + LEAST(({d} - DATE '1970-01-05') %% 7 + 1, 5))"
DECISION_DAYS_SQL = """
WITH decided AS (
    SELECT date_trunc(%(grain)s, c.decided_at AT TIME ZONE %(tz)s)::date AS period,
           (c.submitted_at AT TIME ZONE %(tz)s)::date AS submitted,
           (c.decided_at AT TIME ZONE %(tz)s)::date AS decided
      FROM {table} AS c
     WHERE c.decided_at >= %(start)s AND c.decided_at < %(end)s
       AND c.submitted_at IS NOT NULL AND c.submitted_at <= c.decided_at
), counted AS (
    -- width_bucket counts the (sorted) days off on or before a date.
    SELECT period,
           {weekdays_decided} - {weekdays_submitted}
           - (width_bucket(decided, %(days_off)s::date[])
              - width_bucket(submitted, %(days_off)s::date[])) AS days
      FROM decided
)
SELECT period, percentile_cont(0.5) WITHIN GROUP (ORDER BY days), count(*)
  FROM counted
 GROUP BY GROUPING SETS ((period), ())
"""


def decision_days(period: Period) -> Table:
    """The median working days from submission to decision (validated, rejected or
    changes requested), per period of the decision and over the whole range."""
    params = {
        "grain": period.grain,
        "tz": timezone.get_default_timezone_name(),
        "days_off": _days_off(period.start - timedelta(days=366), period.end),
        "start": period.start_at,
        "end": period.end_at,
    }
    with connection.cursor() as cursor:
        sql = DECISION_DAYS_SQL.format(
            table=CaseApplication._meta.db_table,
            weekdays_decided=WEEKDAYS.format(d="decided"),
            weekdays_submitted=WEEKDAYS.format(d="submitted"),
        )
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    medians = {row[0]: round(row[1], 1) for row in rows if row[0] is not None}
    decided = {row[0]: row[2] for row in rows if row[0] is not None}
    overall = next((row for row in rows if row[0] is None), None)
    table = period_table(period, [(_("Median working days"), medians), (_("Decisions"), decided)])
    table.chart_columns = [0]
    for row in table.rows:
        if not decided.get(row.key):
            row.values[0] = None  # no decision in the period: no median, not zero
    if overall and overall[2]:
        table.summary = ngettext(
            "Median over the period: %(days)s working days, %(count)d decision.",
            "Median over the period: %(days)s working days, %(count)d decisions.",
            overall[2],
        ) % {"days": _number(round(overall[1], 1)), "count": overall[2]}
    else:
        table.summary = _("No decisions in the period.")
    table.notes = [
        _(
            "Working days are Monday to Friday, less Danish public holidays, counted from "
            "the day after the latest submission to the day of the decision."
        )
    ]
    return table


# --- Events -----------------------------------------------------------------------------------


def events(period: Period) -> Table:
    """Two grouped queries (events; their registrations by the event's period), so no
    DISTINCT over the join of every event with every registration is needed."""
    held = _held_events(period)
    per_event = per_period(held, "start", period)
    attended = (
        Registration.objects.filter(event__in=held, status=ATTENDED)
        .annotate(period=Trunc("event__start", period.grain, output_field=DateField()))
        .values("period")
        .annotate(
            participants=Count("pk"), decision_makers=Count("pk", filter=Q(is_decision_maker=True))
        )
        .order_by()
    )
    rows = list(attended)
    table = period_table(
        period,
        [
            (_("Events held"), per_event),
            (_("Participants"), {row["period"]: row["participants"] for row in rows}),
            (_("Decision makers attending"), {r["period"]: r["decision_makers"] for r in rows}),
        ],
    )
    table.summary = _(
        "%(events)s events held with %(participants)s participants in the period."
    ) % {"events": _number(table.total(0)), "participants": _number(table.total(1))}
    table.notes = [_("Participants are the registrations marked as attended.")]
    table.chart_columns = [1, 2]  # the people; the few events are in the table
    return table


def decision_makers(period: Period) -> Table:
    rows = (
        Registration.objects.filter(
            event__in=_held_events(period), is_decision_maker=True, status__in=COUNTED
        )
        .values("decision_level")
        .annotate(registered=Count("pk"), attended=Count("pk", filter=Q(status=ATTENDED)))
        .order_by()
    )
    found = {row["decision_level"]: (row["registered"], row["attended"]) for row in rows}
    return Table(
        heading=_("Level of government"),
        columns=[_("Registered"), _("Attending")],
        rows=[
            Row(level, str(label), list(found.get(level, (0, 0))))
            for level, label in GovernmentLevel.choices
        ],
        chart=RANKING,
        notes=[_("Decision makers registered for the events held in the period.")],
    )


def recommendations(period: Period) -> Table:
    rows = (
        Recommendation.objects.public()
        .filter(outcome__event__start__gte=period.start_at, outcome__event__start__lt=period.end_at)
        .values("status", "level")
        .annotate(count=Count("pk"))
        .order_by()
    )
    found = {(row["status"], row["level"]): row["count"] for row in rows}
    levels = GovernmentLevel.choices
    table_rows = []
    for status, label in Recommendation.Status.choices:
        cells = [found.get((status, level), 0) for level, _label in levels]
        table_rows.append(Row(status, str(label), [sum(cells), *cells]))
    return Table(
        heading=_("Status"),
        columns=[_("All levels"), *[str(label) for _level, label in levels]],
        rows=table_rows,
        chart=RANKING,
        chart_columns=[0],
        notes=[_("Recommendations from the published outcomes of events in the period.")],
    )


# --- Resources --------------------------------------------------------------------------------


def downloads(period: Period) -> Table:
    rows = (
        DownloadCount.objects.filter(day__gte=period.start, day__lt=period.end)
        .values("resource_file__resource__kind")
        .annotate(count=Sum("count"))
        .order_by()
    )
    found = {row["resource_file__resource__kind"]: row["count"] for row in rows}
    table = Table(
        heading=_("Type of resource"),
        columns=[pgettext("a table column: how many times files were downloaded", "Downloads")],
        rows=[
            Row(kind, str(label), [found.get(kind, 0)])
            for kind, label in Resource.Kind.choices
            if kind != Resource.Kind.LINK
        ],
        chart=RANKING,
    )
    total = table.total()
    table.summary = ngettext(
        "%(count)s download in the period.", "%(count)s downloads in the period.", int(total)
    ) % {"count": _number(total)}
    return table


# --- The public page's headline figures ------------------------------------------------------


def headlines() -> dict[str, int]:
    """All-time figures for the public page: five small queries."""
    actors = Actor.objects.published().aggregate(
        actors=Count("pk"), municipalities=Count("municipality", distinct=True)
    )
    held = Event.objects.published().filter(end__lt=timezone.now())
    met = Registration.objects.filter(
        event__in=held, status=ATTENDED, is_decision_maker=True
    ).aggregate(decision_makers=Count("pk"))
    return {
        **actors,
        "municipalities_of": MUNICIPALITIES,
        "cases": CaseApplication.objects.filter(status__in=PUBLIC_STATES).count(),
        "events": held.count(),
        **met,
        "downloads": DownloadCount.objects.aggregate(total=Sum("count"))["total"] or 0,
    }


def _number(value) -> str:
    from django.utils.formats import number_format

    return number_format(value, decimal_pos=1 if value % 1 else 0, force_grouping=True)
