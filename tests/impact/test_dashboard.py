"""The staff dashboard and its downloads (staff only: a permission table), the public impact
page, bad period parameters, the files (CSV, XLSX opened by openpyxl, formulas
neutralised) and the query budgets with little and with much data."""

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.urls import reverse

from ecosystem import staff
from ecosystem.models import Actor, Municipality, Region
from impact import figures, permissions, urls
from impact.periods import MONTH, QUARTER, Period
from policy.models import Event, Registration
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    UserFactory,
)
from tests.permission_tables import PermissionTable, request_as

pytestmark = pytest.mark.django_db

CPH = ZoneInfo("Europe/Copenhagen")
DASHBOARD = "admin:impact_report_changelist"
DOWNLOAD = "admin:impact_report_download"

TABLE = PermissionTable(
    app_name="impact",
    urlpatterns=urls.urlpatterns,
    roles=("anonymous", "member", "no_role", "moderator", "superuser"),
)

# fmt: off
#   url name        method target anon member no_role moderator superuser
PUBLIC_TABLE = [
    ("impact_page", "GET", None,  200, 200,   200,    200,      200),
    ("export_csv",  "GET", None,  200, 200,   200,    200,      200),
    ("export_xlsx", "GET", None,  200, 200,   200,    200,      200),
    ("export_json", "GET", None,  200, 200,   200,    200,      200),
]
# Non-staff are sent to the admin's login (302); staff without a staff role are refused.
ADMIN_TABLE = [
    (DASHBOARD,     "GET", None,  302, 302,   403,    200,      200),
    (DOWNLOAD,      "GET", None,  302, 302,   403,    200,      200),
    (DOWNLOAD,      "GET", "xlsx", 302, 302,  403,    200,      200),
]
# fmt: on


@pytest.fixture
def users():
    found = {
        "member": UserFactory(email="member@example.dk"),
        "no_role": UserFactory(email="new-staff@example.dk", staff_mfa=True),
        "moderator": UserFactory(email="mod@example.dk", staff_mfa=True, groups=[staff.MODERATORS]),
        "superuser": UserFactory(email="super@example.dk", staff_mfa=True, is_superuser=True),
    }
    return found


def url_for(name, target=None):
    if name.startswith("admin:"):
        url = reverse(name)
        return url + ("?figure=all&format=xlsx" if target == "xlsx" else "")
    return reverse(TABLE.url_name(name))


@pytest.mark.parametrize(TABLE.params, TABLE.cases(PUBLIC_TABLE + ADMIN_TABLE))
def test_permissions(client, users, role, name, method, target, expected):
    user = None if role == "anonymous" else users[role]
    response = request_as(client, user, method, url_for(name, target))
    assert response.status_code == expected
    if expected == 302:
        assert "/login/" in response["Location"]


def test_the_table_covers_every_url_of_the_impact_app():
    TABLE.assert_covers(PUBLIC_TABLE)


def test_the_permission_function_answers_directly(users):
    assert permissions.can_see_dashboard(users["moderator"])
    assert permissions.can_see_dashboard(users["superuser"])
    assert not permissions.can_see_dashboard(users["no_role"])
    assert not permissions.can_see_dashboard(users["member"])
    users["moderator"].is_active = False
    assert not permissions.can_see_dashboard(users["moderator"])


def test_the_admin_index_links_the_dashboard_for_staff_only(client, users):
    client.force_login(users["moderator"])
    assert reverse(DASHBOARD) in client.get("/en/admin/").content.decode()
    client.force_login(users["no_role"])
    assert reverse(DASHBOARD) not in client.get("/en/admin/").content.decode()


# --- The dashboard -----------------------------------------------------------------------


def test_the_dashboard_shows_every_figure_with_a_chart_and_a_table(client, users):
    ActorFactory(published_at=datetime.now(CPH) - timedelta(days=40))
    client.force_login(users["moderator"])
    body = client.get("/en/admin/impact/report/?grain=quarter").content.decode()
    for figure in figures.FIGURES:
        assert f'id="{figure.name}-heading"' in body
        assert f'aria-labelledby="chart-{figure.name}-title chart-{figure.name}-desc"' in body
        assert f'id="{figure.name}-caption"' in body
        assert f"figure={figure.name}&amp;format=xlsx" in body
    assert body.count('class="impact-chart"') == len(figures.FIGURES)
    assert '<option value="quarter" selected>' in body


@pytest.mark.parametrize(
    "query",
    [
        "grain=decade",
        "from=2025-13-45&to=yesterday",
        "from=2026-01-01&to=2025-01-01",
        "from=1900-01-01&to=1901-01-01",
        "from=2000-01-01&to=2026-06-01",
        "grain=month&from=" + "9" * 500,
        "grain=year&from=2025-01-01%00&to=%ff%fe",
        "grain[]=month&from[]=x",
    ],
)
def test_bad_period_parameters_show_the_last_24_months(client, users, query):
    client.force_login(users["moderator"])
    response = client.get(f"/en/admin/impact/report/?{query}")
    assert response.status_code == 200
    default = Period.default(response.context["period"].grain)
    assert response.context["period"] == default
    assert len(default.starts()) == 24 if default.grain == MONTH else True


def test_a_good_period_is_kept(client, users):
    client.force_login(users["moderator"])
    response = client.get("/en/admin/impact/report/?grain=quarter&from=2024-02-10&to=2025-05-01")
    period = response.context["period"]
    assert period == Period(QUARTER, date(2024, 2, 10), date(2025, 5, 1))
    assert [start.isoformat() for start in period.starts()] == [
        "2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01",
    ]  # fmt: skip
    assert 'value="2024-02-10"' in response.content.decode()


def test_an_unknown_figure_is_not_found_and_an_unknown_format_is_csv(client, users):
    client.force_login(users["moderator"])
    assert client.get(reverse(DOWNLOAD) + "?figure=nothing").status_code == 404
    response = client.get(reverse(DOWNLOAD) + "?figure=cases&format=pdf&grain=x")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


# --- The files ---------------------------------------------------------------------------


@pytest.fixture
def hostile_region():
    region = Region.objects.get(code="DK01")
    region.name_da = region.name_en = region.name = '=HYPERLINK("https://evil.example","x")'
    region.save()
    ActorFactory(
        municipality=Municipality.objects.get(code="101"),
        published_at=datetime(2025, 1, 10, 10, tzinfo=CPH),
    )
    return region


QUERY = "grain=month&from=2025-01-01&to=2025-02-28"


def test_one_figure_as_csv(client, users, hostile_region):
    client.force_login(users["moderator"])
    response = client.get(f"/admin/impact/report/download/?{QUERY}&figure=actors_by_region")
    assert response["Content-Disposition"] == (
        'attachment; filename="impact-actors_by_region-month-2025-01-01-2025-02-28.csv"'
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Nøgle", "Region", "Offentliggjort ved periodens slutning", "Nye i perioden"]
    assert rows[1] == ["DK01", "'" + hostile_region.name_da, "1", "1"]


def test_every_figure_as_xlsx_opens_with_openpyxl_and_neutralises_formulas(
    client, users, hostile_region
):
    client.force_login(users["moderator"])
    response = client.get(f"/en/admin/impact/report/download/?{QUERY}&figure=all&format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("Figure", "Key", "Row", "Column", "Value")
    assert ("New actors", datetime(2025, 1, 1), "Jan 2025", "New actors", 1) in rows
    # The region's formula-like name is a text cell: shown as written, never run.
    hostile = [row for row in workbook.active.iter_rows() if row[1].value == "DK01"]
    assert hostile and all(row[2].value == hostile_region.name_en for row in hostile)
    assert all(row[2].data_type == "s" for row in hostile)
    formulas = [
        cell for row in workbook.active.iter_rows() for cell in row if cell.data_type == "f"
    ]
    assert not formulas
    assert {row[0] for row in rows[1:]} == {str(figure.title) for figure in figures.FIGURES}


# --- The public page ---------------------------------------------------------------------


def test_the_public_page_in_both_languages_from_the_cache(client):
    ActorFactory(published_at=datetime.now(CPH) - timedelta(days=3))
    danish = client.get("/resultater/")
    assert danish.status_code == 200
    body = danish.content.decode()
    assert "Vores resultater" in body and "1 af 98" in body
    assert body.count('class="impact-chart"') == len(figures.public_figures())
    assert client.get("/resultater/")["X-Page-Cache"] == "hit"
    english = client.get("/en/impact/").content.decode()
    assert "Our impact" in english and "1 of 98" in english
    assert 'href="/resultater/"' in body  # the footer links it


def test_the_public_page_is_renewed_when_an_actor_is_published(client):
    assert ">0</span>" in client.get("/en/impact/").content.decode()
    ActorFactory(published_at=datetime.now(CPH))
    assert "1 of 98" in client.get("/en/impact/").content.decode()


# --- Query budgets -----------------------------------------------------------------------


def _data(size: int) -> None:
    now = datetime.now(CPH)
    municipalities = list(Municipality.objects.order_by("code")[:size])
    Actor.objects.bulk_create(
        Actor(
            name=f"Aktør {n}", slug=f"aktoer-{n}", kind="ngo", role="practitioner",
            municipality=municipalities[n % len(municipalities)],
            region_id=municipalities[n % len(municipalities)].region_id,
            status="published", published_at=now - timedelta(days=n * 7 % 700),
        )
        for n in range(size)
    )  # fmt: skip
    actor = Actor.objects.first()
    for n in range(size):
        CaseApplicationFactory(
            actor=actor, status="validated", submitted_at=now - timedelta(days=40 + n),
            decided_at=now - timedelta(days=20 + n), validated_at=now - timedelta(days=20 + n),
        )  # fmt: skip
    event = EventFactory(start=now - timedelta(days=30), end=now - timedelta(days=30, hours=-2))
    Registration.objects.bulk_create(
        Registration(
            event=event, name=f"P {n}", email=f"p{n}@example.dk", status="attended",
            is_decision_maker=n % 2 == 0, decision_level="municipal" if n % 2 == 0 else "",
        )
        for n in range(size * 5)
    )  # fmt: skip
    assert Event.objects.count() == 1


# The session, the user, the second factor and the staff roles (4); the figures: new
# actors 1, the three breakdowns 1 + 1 (regions) + 1 + 1, municipalities 1, cases 3,
# working days 1, events 2, decision makers 1, recommendations 1, downloads 1, funding
# opportunities published 1 (16); the admin's side menu, which asks every registered model
# admin about the user (2: Django's permissions, the staff roles once per request); the
# user's language remembered (1); the fragment cache: its read, the stamps, its store.
DASHBOARD_QUERIES = 28
# Once cached: the figures are one read of the fragment cache with every generation.
DASHBOARD_QUERIES_CACHED = 7
# The page cache (the database cache in tests: the stamps and the page in one read, the
# missing stamps made, the store: one statement each) and the public figures' queries (8)
# and the headlines' (5).
PUBLIC_QUERIES = 17


@pytest.mark.parametrize("size", [1, 40])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    client, users, django_assert_num_queries, django_assert_max_num_queries, size
):
    _data(size)
    client.force_login(users["moderator"])
    client.get("/en/admin/impact/report/?grain=year")  # the generations exist
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        assert client.get("/en/admin/impact/report/").status_code == 200
    with django_assert_num_queries(DASHBOARD_QUERIES_CACHED):
        assert client.get("/en/admin/impact/report/").status_code == 200


@pytest.mark.parametrize("size", [1, 40])
def test_the_public_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    _data(size)
    with django_assert_num_queries(PUBLIC_QUERIES):
        assert client.get("/en/impact/").status_code == 200


@pytest.mark.parametrize("size", [1, 40])
def test_the_download_of_everything_runs_a_fixed_number_of_queries(
    client, users, django_assert_max_num_queries, size
):
    _data(size)
    client.force_login(users["moderator"])
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse(DOWNLOAD) + "?figure=all&format=xlsx")
        b"".join(response.streaming_content)


def test_the_figures_are_computed_once_for_every_staff_member_until_a_change(client, users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(user) -> int:
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            body = client.get("/en/admin/impact/report/?grain=year").content.decode()
        assert body.count('class="impact-chart"') == len(figures.FIGURES)
        return len(captured)

    _data(3)
    figure_count = len(figures.FIGURES)
    first = queries_for(users["moderator"])
    assert queries_for(users["moderator"]) <= first - figure_count
    shared = queries_for(users["superuser"])  # made for the moderator, served to the superuser
    ActorFactory(name="Nyt Værested", published_at=datetime.now(CPH))  # a change
    assert queries_for(users["superuser"]) >= shared + figure_count  # the figures afresh
