"""The SVG charts (an accessible name, a title on every bar, hostile labels shown as text)
and the demo history that seed_demo adds for them."""

from datetime import date

import pytest
from django.utils import timezone

from impact import demo
from impact.charts import chart
from impact.tables import RANKING, Row, Table
from resources.models import DownloadCount, ResourceFile
from tests.factories import ResourceFactory

HOSTILE = '<script>alert("x")</script>'


def test_a_period_chart_names_itself_and_every_bar():
    table = Table(
        heading="Period",
        columns=["Applied", "Validated"],
        rows=[Row(date(2025, 1, 1), "Jan 2025", [3, 1]), Row(date(2025, 2, 1), "Feb", [0, 2])],
    )
    svg = chart(table, title="EU cases", ident="chart-cases")
    assert 'role="img" aria-labelledby="chart-cases-title chart-cases-desc"' in svg
    assert '<title id="chart-cases-title">EU cases</title>' in svg
    assert svg.count("<rect ") == 4 + 2  # four bars and two legend swatches
    assert "<title>Jan 2025, Applied: 3</title>" in svg
    assert "<title>Feb, Validated: 2</title>" in svg


def test_a_ranking_chart_shows_hostile_labels_as_text():
    table = Table(
        heading="Region", columns=["Actors"], rows=[Row("x", HOSTILE, [5])], chart=RANKING
    )
    svg = chart(table, title=HOSTILE, ident="chart-x")
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in svg


def test_an_empty_chart_draws_an_axis_without_dividing_by_zero():
    table = Table(heading="Period", columns=["New"], rows=[Row(date(2025, 1, 1), "Jan", [0])])
    assert "<svg" in chart(table, title="New actors", ident="chart-new")


@pytest.mark.django_db
def test_the_demo_history_is_added_once_and_lies_in_the_last_two_years():
    resource = ResourceFactory()
    ResourceFile.objects.create(
        resource=resource, file="x.pdf", original_name="x.pdf", kind="pdf",
        content_type="application/pdf",
    )  # fmt: skip
    assert "added" in demo.seed_history()
    added = DownloadCount.objects.count()
    assert added >= 10
    assert demo.seed_history() == "Download history: already there."
    assert DownloadCount.objects.count() == added
    days = DownloadCount.objects.values_list("day", flat=True)
    today = timezone.localdate()
    assert all(0 <= (today - day).days <= demo.DAYS for day in days)
