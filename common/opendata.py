"""Open data: one registry of datasets, and the files, validators and licence they share.

An app declares a `Dataset` (its rows query, its columns with their types, its formats)
and registers it; this module serves every format of it through one view, `export()`:
- CSV as RFC 4180, UTF-8 with a byte-order mark (so spreadsheet programs read æøå),
  every cell quoted (Danish spreadsheets split on ";", which appears in texts), typed
  values written as Table Schema reads them (true/false, ISO 8601 dates, UTC times to the
  second), and cells that a spreadsheet would run as a formula neutralised;
- XLSX beside every CSV, for people who open data in Excel (Danish Excel opens a
  comma-separated file in one column): typed cells (numbers, dates, booleans), every
  text written as a text cell (so a formula is never run, and no apostrophe shows), a
  frozen header row, an auto-filter, the title in the document's properties, and the
  same bytes for the same data (fixed timestamps in the file and in the archive);
- JSON streamed item by item, with the licence and the schema's address in its head;
- an ETag and Last-Modified from one aggregate query over the rows (which is also the
  check that the database answers before the first byte), and a 304 when the client
  holds this version, whichever format;
- `Access-Control-Allow-Origin: *` and the licence in a Link header on every one;
- addresses from SITE_URL, never from the request's Host header.

The same declarations make the catalogue (common.catalogue): DCAT-AP, a Frictionless data
package with a Table Schema for every CSV, and a JSON Schema for every JSON export.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.forms import ChoiceField, ModelChoiceField
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.views.decorators.http import require_safe

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
BOM = "\ufeff"

CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"

# Spreadsheets run a cell that begins with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PHONE_OR_NUMBER = re.compile(r"^[+-]?[\d\s().\-/]+$")

# The types a column can have: Table Schema's names, and LIST (several codes or names:
# one cell separated by semicolons in CSV and XLSX, an array in JSON).
STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, LIST = (
    "string",
    "integer",
    "number",
    "boolean",
    "date",
    "datetime",
    "list",
)
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Field:
    """A published column or field and what it means (lazily translated): the single
    source of both the export and the page that documents it."""

    name: str
    description: Any


@dataclass(frozen=True)
class Column:
    """A column of a dataset's CSV and XLSX (and a field of its flat JSON): its name, its
    type (STRING, INTEGER, ...), what it means, and whether it is never empty."""

    name: str
    type: str
    description: Any
    required: bool = False

    def table_schema(self) -> dict:
        """The column as a Frictionless Table Schema field."""
        described = {"name": self.name, "description": str(self.description)}
        if self.type == LIST:
            described |= {"type": "string", "format": "default"}
        else:
            described["type"] = self.type
        if self.type == BOOLEAN:
            described |= {"trueValues": ["true"], "falseValues": ["false"]}
        if self.required:
            described["constraints"] = {"required": True}
        return described

    def json_schema(self) -> dict:
        """The field of a flat JSON item as JSON Schema."""
        if self.type == LIST:
            return {"type": "array", "items": {"type": "string"}}
        kinds = {
            STRING: {"type": "string"},
            INTEGER: {"type": "integer"},
            NUMBER: {"type": "number"},
            BOOLEAN: {"type": "boolean"},
            DATE: {"type": "string", "format": "date"},
            DATETIME: {"type": "string", "format": "date-time"},
        }
        described = dict(kinds[self.type])
        if not self.required and self.type != BOOLEAN:
            described["type"] = [described["type"], "null"]
        return {**described, "description": str(self.description)}


def page_prefix(url_name: str) -> str:
    """The absolute address of a page named by `url_name` (which takes a slug) without
    the slug, in the active language, from SITE_URL: '<SITE_URL>/en/events/'."""
    return settings.SITE_URL + reverse(url_name, kwargs={"slug": "x"})[: -len("x/")]


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV has
    no cell types); a phone number or a signed number is left as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        if not _PHONE_OR_NUMBER.match(value):
            return "'" + value
    return value


def utc_text(moment: datetime) -> str:
    """A time as Table Schema's default datetime reads it: UTC, to the second, with Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_of(value: Any) -> str:
    """A typed value as one CSV cell's text (not yet neutralised)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def json_value(value: Any) -> Any:
    """A typed value as JSON has it (times and dates as ISO 8601 text)."""
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _cell(value: Any) -> Any:
    return safe_cell(text_of(value))


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


# The time written into every workbook (its properties and its archive's entries): the
# same data gives the same bytes, so a repeated download can be compared or cached.
_FIXED_TIME = datetime(2000, 1, 1)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


class _StableZip(zipfile.ZipFile):
    """A zip archive whose entries all carry one fixed time, whatever the clock says."""

    def writestr(self, name, data, *args, **kwargs):
        if not isinstance(name, zipfile.ZipInfo):
            name = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            name.compress_type = zipfile.ZIP_DEFLATED
        return super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):
        with open(filename, "rb") as handle:
            return self.writestr(arcname or str(filename), handle.read())


def xlsx_file(header: list[str], rows: Iterable[list[Any]], *, title: str) -> Any:
    """The rows as an XLSX workbook in a temporary file (rewound), written in openpyxl's
    write-only mode, so rows go to disk as they come, whatever their number: typed cells,
    texts as text cells, a frozen header row and an auto-filter over it, the title in
    the sheet's name and the document's properties, stable bytes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    workbook.properties.creator = settings.PORTAL_NAME
    workbook.properties.created = workbook.properties.modified = _FIXED_TIME
    sheet = workbook.create_sheet(title=_sheet_name(title))
    sheet.freeze_panes = "A2"
    last_column = get_column_letter(max(len(header), 1))
    bold = Font(bold=True)
    heading = []
    for name in header:
        cell = _text_cell(WriteOnlyCell(sheet), name)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    count = 0
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
        count += 1
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"
    handle = tempfile.TemporaryFile()
    archive = _StableZip(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(workbook, archive).save()  # unlike save(), leaves the fixed time alone
    handle.seek(0)
    return handle


def _sheet_name(title: str) -> str:
    # A sheet's name holds at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Data"


def _text_cell(cell, text: str):
    """A cell that holds `text` as text, whatever it begins with: a string written with
    the text type is never run as a formula, and shows no apostrophe."""
    cell.value = _ILLEGAL_XML.sub("", text)
    cell.data_type = "s"
    return cell


def _xlsx_cell(sheet, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value.astimezone(UTC).replace(tzinfo=None))
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, list | tuple):
        value = text_of(value)
    if isinstance(value, str):
        return _text_cell(WriteOnlyCell(sheet), value)
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


def download(chunks: Iterable[str], *, content_type: str, filename: str, docs_url: str):
    """A streamed attachment of text chunks, with the licence headers. The caller has
    asked the database something first (a dataset's freshness), so a database that is
    down answers 503 like every other page instead of 200 with a cut-off body."""
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


def public_data(view: Callable) -> Callable:
    """For a view of public data or a feed that answers with whole bytes (iCalendar,
    RSS, a JSON document): its 200 gets an ETag from those bytes (unless it has one),
    caching that revalidates and `Access-Control-Allow-Origin: *`; a request that holds
    this version (If-None-Match or If-Modified-Since, against the view's ETag and
    Last-Modified) gets a 304 with the same headers. It goes outside the page cache's
    `public_page`, so the answer is the same with the cache on and off."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code not in (200, 304) or response.streaming:
            return response
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 304:
            return response  # the page cache's own answer to a conditional request
        if not response.has_header("ETag"):
            response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        if "max-age" not in response.get("Cache-Control", ""):
            patch_cache_control(response, public=True, no_cache=True)
        last_modified = response.get("Last-Modified")
        answer = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(last_modified) if last_modified else None,
            response=response,
        )
        answer["Access-Control-Allow-Origin"] = "*"
        return answer

    return wrapper


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


# --- Datasets ----------------------------------------------------------------------------

CSV, XLSX, JSON = "csv", "xlsx", "json"
FORMATS = {
    CSV: {"content_type": CSV_CONTENT_TYPE, "media_type": "text/csv", "label": "CSV"},
    XLSX: {"content_type": XLSX_CONTENT_TYPE, "media_type": XLSX_CONTENT_TYPE, "label": "XLSX"},
    JSON: {"content_type": JSON_CONTENT_TYPE, "media_type": "application/json", "label": "JSON"},
}
# Part of every export's ETag: bump when the files' shape changes.
EXPORT_VERSION = "3"


@dataclass(frozen=True)
class Dataset:
    """A body of open data, declared once by its app; `export()` serves its formats and
    common.catalogue describes it.

    - `name`: in file names and the catalogue's addresses (`actors`);
    - `namespace`: the app's URL namespace, with `export_csv`, `export_xlsx`,
      `export_json` routed to `export_view(dataset, format)`; `docs`: the URL name of the
      page that documents it;
    - `columns`: the CSV's and XLSX's columns; `rows(selection)` yields one dict of typed
      values per row, keyed by column name;
    - `select(filters)`: the rows a request asks for, a queryset (its freshness comes
      from one aggregate query over `changed`) or a ready list (freshness from its
      content). `filterset` parses the query string (an unknown value is a 400); a dataset
      without one takes no parameters;
    - `items(selection)` and `item_schema`: a JSON item and its JSON Schema, when the JSON
      is not the flat rows (the default);
    - `frequency`: how often it changes, as the EU's frequency vocabulary names it.
    """

    name: str
    namespace: str
    docs: str
    title: Any
    description: Any
    columns: tuple[Column, ...]
    select: Callable[[Any], QuerySet | list]
    rows: Callable[[Any], Iterable[dict]]
    filterset: type | None = None
    changed: str = "updated_at"
    items: Callable[[Any], Iterable[dict]] | None = None
    item_schema: dict | None = None
    keywords: tuple[str, ...] = ()
    frequency: str = "UPDATE_CONT"
    formats: tuple[str, ...] = (CSV, XLSX, JSON)
    position: int = 0

    @property
    def key(self) -> str:
        return self.name.replace("-", "_")

    def url(self, fmt: str) -> str:
        return settings.SITE_URL + reverse(f"{self.namespace}:export_{fmt}")

    def docs_url(self) -> str:
        return settings.SITE_URL + reverse(self.docs)

    def header(self) -> list[str]:
        return [column.name for column in self.columns]

    def lines(self, selection) -> Iterator[list]:
        names = self.header()
        for row in self.rows(selection):
            yield [row.get(name) for name in names]

    def json_items(self, selection) -> Iterable[dict]:
        if self.items is not None:
            return self.items(selection)
        return (
            {name: json_value(value) for name, value in row.items()} for row in self.rows(selection)
        )

    def json_item_schema(self) -> dict:
        if self.item_schema is not None:
            return self.item_schema
        return {
            "type": "object",
            "properties": {column.name: column.json_schema() for column in self.columns},
            "required": [column.name for column in self.columns],
            "additionalProperties": False,
        }


_REGISTRY: dict[str, Dataset] = {}


def register(dataset: Dataset) -> Dataset:
    """Add a dataset to the catalogue (from its app's opendata module)."""
    _REGISTRY[dataset.name] = dataset
    return dataset


def datasets() -> list[Dataset]:
    return sorted(_REGISTRY.values(), key=lambda dataset: (dataset.position, dataset.name))


def dataset(name: str) -> Dataset | None:
    return _REGISTRY.get(name)


def json_schema_url(dataset: Dataset) -> str:
    return settings.SITE_URL + reverse("opendata_json_schema", kwargs={"name": dataset.name})


def json_head(dataset: Dataset) -> dict:
    return {
        "licence": licence(),
        "attribution": settings.PORTAL_NAME,
        "source": dataset.docs_url(),
        "schema": json_schema_url(dataset),
    }


def _no_parameters(request: HttpRequest) -> HttpResponse | None:
    if not request.GET:
        return None
    body = {
        "error": "Unknown parameter",
        "parameters": {name: {"value": request.GET[name], "valid": []} for name in request.GET},
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=2), content_type=JSON_CONTENT_TYPE, status=400
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _content_freshness(rows: list, *, variant: str) -> Freshness:
    digest = hashlib.sha256(variant.encode())
    digest.update(json.dumps(rows, default=str, sort_keys=True).encode())
    return Freshness(digest.hexdigest()[:32], None)


def export(request: HttpRequest, dataset: Dataset, fmt: str) -> HttpResponse:
    """The dataset in `fmt` for this request: 400 for a filter value it does not know,
    304 when the client holds this version, else the file; with its validators, its
    licence and `Access-Control-Allow-Origin: *`."""
    if dataset.filterset is None:
        if refused := _no_parameters(request):
            return refused
        selection = dataset.select(None)
    else:
        filters = dataset.filterset(request.GET)
        if refused := refused_filters(filters):
            return refused
        selection = dataset.select(filters)
    variant = "|".join(
        (
            dataset.name,
            fmt,
            EXPORT_VERSION,
            translation.get_language() or "",
            request.GET.urlencode(),
        )
    )
    if isinstance(selection, QuerySet):
        fresh = freshness(selection, variant=variant, changed=dataset.changed)
    else:
        selection = list(selection)
        fresh = _content_freshness(selection, variant=variant)
    return licence_headers(
        conditional(request, fresh, lambda: _file(dataset, fmt, selection)),
        docs_url=dataset.docs_url(),
    )


def _file(dataset: Dataset, fmt: str, selection) -> HttpResponse:
    filename = f"{dataset.name}.{fmt}"
    docs_url = dataset.docs_url()
    if fmt == XLSX:
        handle = xlsx_file(dataset.header(), dataset.lines(selection), title=str(dataset.title))
        return xlsx_download(handle, filename=filename, docs_url=docs_url)
    if fmt == CSV:
        chunks = csv_lines(dataset.header(), dataset.lines(selection))
    else:
        chunks = json_chunks(json_head(dataset), dataset.key, dataset.json_items(selection))
    return download(
        chunks, content_type=FORMATS[fmt]["content_type"], filename=filename, docs_url=docs_url
    )


def export_view(dataset: Dataset, fmt: str):
    """The view that serves `dataset` in `fmt`, for the app's urls.py."""

    @require_safe
    def view(request: HttpRequest) -> HttpResponse:
        return export(request, dataset, fmt)

    view.__name__ = f"export_{dataset.key}_{fmt}"
    return view


def urlpatterns_for(dataset: Dataset) -> list:
    """`export.csv`, `export.xlsx` and `export.json` (whichever the dataset offers)."""
    from django.urls import path

    return [
        path(f"export.{fmt}", export_view(dataset, fmt), name=f"export_{fmt}")
        for fmt in dataset.formats
    ]
