"""Demo news for `seed_demo`, from demo_data/news.yaml: looked up by slug, so a second run
adds nothing."""

from datetime import timedelta

from django.utils import timezone

from common import demodata
from pages.models import NewsArticle


def demo_news() -> list[dict]:
    return demodata.load(__file__, "news")


def seed_news() -> int:
    created = 0
    now = timezone.now()
    for item in demo_news():
        fields = {k: v for k, v in item.items() if k not in ("slug", "days_ago")}
        _article, made = NewsArticle.objects.get_or_create(
            slug=item["slug"],
            defaults={
                **fields,
                "title": fields["title_da"],
                "summary": fields["summary_da"],
                "body": fields["body_da"],
                "published_at": now - timedelta(days=item["days_ago"]),
            },
        )
        created += made
    return created
