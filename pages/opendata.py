"""Open data about the centre's published news under CC BY 4.0: CSV, XLSX and JSON
through common.opendata, in one query whatever their number."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from common.opendata import DATETIME, STRING, Column, Dataset, page_prefix, register
from pages.models import NewsArticle

COLUMNS: tuple[Column, ...] = (
    Column("slug", STRING, _("Stable identifier of the article."), required=True),
    Column("url", STRING, _("Address of the article on the portal."), required=True),
    Column("title_da", STRING, _("Title in Danish.")),
    Column("title_en", STRING, _("Title in English.")),
    Column("summary_da", STRING, _("Summary in Danish.")),
    Column("summary_en", STRING, _("Summary in English.")),
    Column("body_da", STRING, _("The article in Danish (Markdown).")),
    Column("body_en", STRING, _("The article in English (Markdown).")),
    Column("published_at", DATETIME, _("When it was published (ISO 8601, UTC)."), required=True),
    Column("updated_at", DATETIME, _("When it last changed (ISO 8601, UTC)."), required=True),
)


def published_news(_filters=None) -> QuerySet:
    return NewsArticle.objects.published()


def rows(articles: QuerySet) -> Iterator[dict]:
    names = [column.name for column in COLUMNS if column.name != "url"]
    prefix = page_prefix("pages:news_detail")
    for row in articles.order_by("-published_at", "pk").values(*names).iterator(chunk_size=500):
        yield {
            **{name: (value if value != "" else None) for name, value in row.items()},
            "url": f"{prefix}{row['slug']}/",
        }


DATASET = register(
    Dataset(
        name="news",
        namespace="pages",
        docs="open_data",
        title=_("News from the competence centre"),
        description=_("The centre's published news, in Danish and English."),
        columns=COLUMNS,
        select=published_news,
        rows=rows,
        keywords=("social innovation", "news"),
        position=60,
    )
)
