"""Open data: streamed CSV, an XLSX beside it, streamed JSON, freshness and the licence.

An app says which rows and columns it publishes; this module writes them:
- CSV as RFC 4180, UTF-8 with a byte-order mark (so spreadsheet programs read æøå),
  every cell quoted (Danish spreadsheets split on ";", which appears in texts) and cells
  that a spreadsheet would run as a formula neutralised;
- XLSX for people who open data in Excel (Danish Excel opens a comma-separated file in
  one column), written by openpyxl in write-only mode, so memory stays flat;
- JSON streamed item by item;
- an ETag and Last-Modified for any queryset from one aggregate query, so a repeated
  request for unchanged data is answered 304;
- the licence named in the file and in a Link header.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.forms import ChoiceField, ModelChoiceField
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
BOM = "\ufeff"

CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"

# Spreadsheets run a cell that begins with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PHONE_OR_NUMBER = re.compile(r"^[+-]?[\d\s().\-/]+$")


@dataclass(frozen=True)
class Field:
    """A published column or field and what it means (lazily translated): the single
    source of both the export and the page that documents it."""

    name: str
    description: Any


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; a phone
    number or a signed number is left as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        if not _PHONE_OR_NUMBER.match(value):
            return "'" + value
    return value


def _cell(value: Any) -> Any:
    return safe_cell("" if value is None else value)


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
    """The CSV text, line by line: the byte-order mark and header first."""
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    yield BOM + writer.writerow(header)
    for row in rows:
        yield writer.writerow([_cell(value) for value in row])


def xlsx_file(header: list[str], rows: Iterable[list[Any]], *, title: str) -> Any:
    """The rows as an XLSX workbook in a temporary file (rewound), written in openpyxl's
    write-only mode: rows go to disk as they come, whatever their number."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(value) for value in row])
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, str):
        return safe_cell(_ILLEGAL_XML.sub("", value))
    return value


# Control characters that XML 1.0 (and so XLSX) cannot hold.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def json_chunks(head: dict, key: str, items: Iterable[dict]) -> Iterator[str]:
    """`head` with `key` holding the items, written one item at a time."""
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield (opening + ", " if head else "{") + json.dumps(key) + ": ["
    first = True
    for item in items:
        yield ("" if first else ",") + "\n" + json.dumps(item, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def licence() -> dict:
    return {"name": LICENCE_NAME, "url": LICENCE_URL}


# --- Responses --------------------------------------------------------------------------


def licence_headers(response: HttpResponse, *, docs_url: str) -> HttpResponse:
    """The licence and the documentation as Link headers; readable from other sites'
    scripts (open data is meant to be reused)."""
    response["Link"] = f'<{LICENCE_URL}>; rel="license", <{docs_url}>; rel="describedby"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")


def download(
    chunks: Iterable[str],
    *,
    content_type: str,
    filename: str,
    docs_url: str,
    database_answered: bool = False,
):
    """A streamed attachment of text chunks, with the licence headers.

    The database is asked before the response is returned, so a database that is down
    answers 503 like every other page (the middleware) instead of 200 with a header row
    and a cut-off body. (Not by taking the first row: its server-side cursor would then
    outlive the request's transaction when a response is never read.) A view that has
    already queried the database in this request (its freshness, say) passes
    `database_answered=True` and skips the check."""
    if not database_answered:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    response = StreamingHttpResponse(_encoded(chunks), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return licence_headers(response, docs_url=docs_url)


def xlsx_download(handle, *, filename: str, docs_url: str) -> FileResponse:
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )
    return licence_headers(response, docs_url=docs_url)


# --- Freshness ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Freshness:
    """What a conditional GET compares: changes whenever the data could."""

    etag: str
    last_modified: datetime | None


def freshness_sql(alias: str, *, changed: str, table: str) -> str:
    """The select list that freshness is made of, over rows aliased `alias` having the
    change-time column `changed`: count, newest change, exact sum of change times, and the
    newest change in the whole `table`. A query that builds a body can select these too,
    so one scan gives both the body and its validators."""
    column = f'{alias}."{changed}"'
    return (
        f"COUNT(*), MAX({column}), SUM(EXTRACT(EPOCH FROM {column})), "
        f'(SELECT MAX("{changed}") FROM "{table}")'
    )


def freshness_from_row(row: tuple, *, variant: str) -> Freshness:
    """The Freshness of a row of `freshness_sql()`'s four columns.

    The sum of all change times is there for a race the latest time alone misses: an edit
    saved at T0 but committed after another one saved at T1 > T0 leaves max() at T1.
    Last-Modified is the newest change in the whole table, since it must also move when a
    row leaves the set (archived, unpublished, edited out of a filter). `variant` holds
    everything else that changes the body (language, the query string, a format
    version), so two different answers never share an ETag.
    """
    count, last, total, any_change = row
    key = f"{variant}|{count}|{total}|{last.isoformat() if last else ''}"
    return Freshness(hashlib.sha256(key.encode()).hexdigest()[:32], any_change)


def freshness(queryset: QuerySet, *, variant: str, changed: str = "updated_at") -> Freshness:
    """One aggregate query over the queryset's rows: see freshness_from_row()."""
    model = queryset.model
    column = model._meta.get_field(changed).column
    sql, params = queryset.order_by().values(changed).query.sql_with_params()
    query = (
        f"SELECT {freshness_sql('f', changed=column, table=model._meta.db_table)} FROM ({sql}) AS f"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return freshness_from_row(cursor.fetchone(), variant=variant)


def is_conditional(request: HttpRequest) -> bool:
    return "If-None-Match" in request.headers or "If-Modified-Since" in request.headers


def with_validators(request: HttpRequest, fresh: Freshness, response=None) -> HttpResponse:
    """`response` with its ETag and Last-Modified, or a 304 when the client holds this
    version (pass no response to only check). Shared caches may store it but must
    revalidate."""
    etag = quote_etag(fresh.etag)
    last_modified = int(fresh.last_modified.timestamp()) if fresh.last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        response = not_modified
    if response is None:
        return None
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, no_cache=True)
    return response


def conditional(request: HttpRequest, fresh: Freshness, build) -> HttpResponse:
    """A 304 when the client holds this version, else `build()`'s response; either with
    its validators. `build` runs only when the body is needed."""
    return with_validators(request, fresh) or with_validators(request, fresh, build())


def refused_filters(filterset) -> HttpResponse | None:
    """A 400 naming each refused filter value and the values it takes, or None.

    A page shows a bad filter as a form error and ignores it; an export must not answer
    a typo (`?theme=zzz`, `?sdg=99`) with the whole data set, which a script would take
    for the filtered one."""
    form = filterset.form
    if form.is_valid():
        return None
    parameters = {}
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        entry: dict[str, Any] = {
            "value": form.data.get(name, ""),
            "errors": [str(error) for error in errors],
        }
        if isinstance(field, ModelChoiceField) and field.to_field_name:
            entry["valid"] = sorted(
                str(value) for value in field.queryset.values_list(field.to_field_name, flat=True)
            )
        elif isinstance(field, ChoiceField):
            entry["valid"] = [str(value) for value, _label in field.choices if value != ""]
        parameters[name] = entry
    body = {"error": "Unknown filter value", "parameters": parameters}
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=2), content_type=JSON_CONTENT_TYPE, status=400
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
