"""common.opendata: CSV, XLSX and JSON that spreadsheets and scripts read as meant, and
conditional GETs for any queryset."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.http import http_date
from openpyxl import load_workbook

from common.opendata import (
    CSV_CONTENT_TYPE,
    LICENCE_URL,
    conditional,
    csv_lines,
    download,
    freshness,
    json_chunks,
    licence_headers,
    xlsx_file,
)
from ecosystem.models import Actor
from tests.factories import ActorFactory

HEADER = ["name", "phone", "note"]


def parse_csv(text: str) -> list[list[str]]:
    data = text.encode("utf-8").decode("utf-8-sig")
    return list(csv.reader(io.StringIO(data, newline="")))


# --- CSV ---------------------------------------------------------------------------------


def test_csv_starts_with_a_byte_order_mark_and_quotes_every_cell():
    lines = list(csv_lines(HEADER, [["Æblehaven", 12, None]]))
    assert lines[0] == '\ufeff"name","phone","note"\r\n'
    assert lines[1] == '"Æblehaven","12",""\r\n'
    assert "".join(lines).encode("utf-8").startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("=1+2", "'=1+2"),
        ("+x", "'+x"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("-2+3+cmd", "'-2+3+cmd"),
        ("\t=1", "'\t=1"),
        ("+45 12 34 56 78", "+45 12 34 56 78"),
        ("+45 (12) 34-56/78", "+45 (12) 34-56/78"),
        ("-12.5", "-12.5"),
        ("Aarhus = godt", "Aarhus = godt"),
    ],
)
def test_csv_neutralises_formulas_but_keeps_phone_numbers_and_numbers(cell, written):
    rows = parse_csv("".join(csv_lines(["cell"], [[cell]])))
    assert rows == [["cell"], [written]]


def test_csv_parses_back_to_the_same_cells():
    awkward = 'Vi siger "hej";\nog farvel\r\nÆble, øl & å'
    rows = [["Blå Forening", "+45 12 34 56 78", awkward], ["", "-12.5", "x;y"]]
    text = "".join(csv_lines(HEADER, rows))
    assert parse_csv(text) == [HEADER, *rows]


@pytest.mark.django_db  # a download asks the database first, so an outage answers 503
def test_download_streams_utf8_with_the_bom_and_the_licence():
    response = download(
        csv_lines(HEADER, [["Øst", "", ""]]),
        content_type=CSV_CONTENT_TYPE,
        filename="actors.csv",
        docs_url="https://example.dk/open-data/",
    )
    body = b"".join(response.streaming_content)
    assert body.startswith(b'\xef\xbb\xbf"name"')
    assert "Øst".encode() in body
    assert response["Content-Disposition"] == 'attachment; filename="actors.csv"'
    assert f'<{LICENCE_URL}>; rel="license"' in response["Link"]


# --- XLSX --------------------------------------------------------------------------------


def test_xlsx_opens_with_the_header_and_the_rows():
    edited = datetime(2025, 3, 14, 9, 30, 15, tzinfo=UTC)
    handle = xlsx_file(
        ["name", "formula", "text", "when", "number"],
        [
            ["Æblehaven", '=HYPERLINK("http://evil")', "a\x00b\x07c\x1fd\te\nf", edited, 12.5],
            ["Rød Fond", "+45 12 34 56 78", None, None, 3],
        ],
        title="Actors in the Danish social-innovation ecosystem",
    )
    workbook = load_workbook(handle)
    sheet = workbook.active
    assert sheet.title == "Actors in the Danish social-inno"[:31]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["name", "formula", "text", "when", "number"]
    assert rows[1] == [
        "Æblehaven",
        '=HYPERLINK("http://evil")',
        "abcd\te\nf",
        datetime(2025, 3, 14, 9, 30, 15),
        12.5,
    ]
    assert rows[2] == ["Rød Fond", "+45 12 34 56 78", None, None, 3]
    # The formula is a text cell, not a formula, and shows no apostrophe.
    assert sheet.cell(row=2, column=2).data_type == "s"


def test_xlsx_with_no_rows_has_the_header():
    workbook = load_workbook(xlsx_file(["a", "b"], [], title="Empty"))
    assert list(workbook.active.iter_rows(values_only=True)) == [("a", "b")]


# --- JSON --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "items"),
    [
        ({"licence": {"name": "CC BY 4.0"}, "source": "https://example.dk/"}, [{"a": 1}]),
        ({"licence": "CC BY 4.0"}, [{"name": 'Æble "hus"'}, {"name": "Ø\n"}, {}]),
        ({"licence": "CC BY 4.0"}, []),
        ({}, [{"a": 1}, {"a": 2}]),
        ({}, []),
    ],
)
def test_json_chunks_join_into_valid_json(head, items):
    text = "".join(json_chunks(head, "actors", iter(items)))
    assert json.loads(text) == {**head, "actors": items}


def test_json_keeps_letters_readable():
    text = "".join(json_chunks({"by": "Sø"}, "items", [{"name": "Æblehaven"}]))
    assert "Æblehaven" in text and "Sø" in text


# --- Freshness ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_etag_changes_when_a_row_of_the_set_is_edited():
    first, _second = ActorFactory(), ActorFactory()
    published = Actor.objects.filter(status=Actor.Status.PUBLISHED)
    before = freshness(published, variant="en")
    assert freshness(published, variant="en") == before
    first.short_description_da = "Ny tekst"
    first.save()
    after = freshness(published, variant="en")
    assert after.etag != before.etag
    assert after.last_modified >= before.last_modified


@pytest.mark.django_db
def test_the_etag_and_last_modified_change_when_a_row_leaves_the_set():
    first, _second = ActorFactory(), ActorFactory()
    published = Actor.objects.filter(status=Actor.Status.PUBLISHED)
    before = freshness(published, variant="en")
    first.status = Actor.Status.ARCHIVED
    first.save()
    after = freshness(published, variant="en")
    assert after.etag != before.etag
    assert after.last_modified > before.last_modified


@pytest.mark.django_db
def test_the_etag_changes_when_a_row_leaves_without_touching_its_change_time():
    first, _second = ActorFactory(), ActorFactory()
    published = Actor.objects.filter(status=Actor.Status.PUBLISHED)
    before = freshness(published, variant="en")
    Actor.objects.filter(pk=first.pk).update(status=Actor.Status.ARCHIVED)
    assert freshness(published, variant="en").etag != before.etag


@pytest.mark.django_db
def test_the_etag_differs_per_variant_and_for_an_empty_set():
    ActorFactory()
    published = Actor.objects.filter(status=Actor.Status.PUBLISHED)
    assert freshness(published, variant="da").etag != freshness(published, variant="en").etag
    empty = freshness(published.filter(name="nobody"), variant="en")
    assert empty.etag != freshness(published, variant="en").etag


@pytest.mark.django_db
def test_freshness_is_one_query(django_assert_num_queries):
    ActorFactory()
    with django_assert_num_queries(1):
        freshness(Actor.objects.filter(status=Actor.Status.PUBLISHED), variant="en")


@pytest.fixture
def fresh(db):
    ActorFactory()
    return freshness(Actor.objects.all(), variant="en")


def test_conditional_builds_the_response_with_validators(fresh):
    request = RequestFactory().get("/export.csv")
    response = conditional(request, fresh, lambda: HttpResponse("body"))
    assert response.status_code == 200
    assert response.content == b"body"
    assert response["ETag"] == f'"{fresh.etag}"'
    assert response["Last-Modified"] == http_date(int(fresh.last_modified.timestamp()))
    assert set(response["Cache-Control"].split(", ")) == {"public", "no-cache"}


def test_conditional_answers_304_to_a_matching_if_none_match(fresh):
    built = []
    request = RequestFactory().get("/export.csv", headers={"if-none-match": f'"{fresh.etag}"'})
    response = conditional(request, fresh, lambda: built.append(1) or HttpResponse("body"))
    assert response.status_code == 304
    assert built == []
    assert response.content == b""
    assert response["ETag"] == f'"{fresh.etag}"'
    assert "no-cache" in response["Cache-Control"]


def test_conditional_answers_200_to_an_old_etag(fresh):
    request = RequestFactory().get("/export.csv", headers={"if-none-match": '"old"'})
    assert conditional(request, fresh, lambda: HttpResponse("body")).status_code == 200


def test_conditional_answers_304_to_if_modified_since_alone(fresh):
    since = http_date(int(fresh.last_modified.timestamp()) + 60)
    request = RequestFactory().get("/export.csv", headers={"if-modified-since": since})
    assert conditional(request, fresh, lambda: HttpResponse("body")).status_code == 304


def test_licence_headers_name_the_licence_and_the_documentation():
    response = licence_headers(HttpResponse(), docs_url="https://example.dk/open-data/")
    assert response["Link"] == (
        f'<{LICENCE_URL}>; rel="license", <https://example.dk/open-data/>; rel="describedby"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_last_modified_is_the_tables_newest_change_even_for_an_empty_set():
    ActorFactory()
    assert freshness(Actor.objects.filter(name="nobody"), variant="en").last_modified is not None
