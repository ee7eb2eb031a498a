"""Who may open the new site-wide URLs: the news (public), the contact form (anyone,
POST too), the personal-data pages (the logged-in person only), the admin of pages,
news and contact messages (staff with the right group)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ecosystem import staff
from pages import urls
from pages.models import ContactMessage, NewsArticle
from tests.factories import UserFactory
from tests.once import once_per_module
from tests.permission_tables import PermissionTable, request_as

pytestmark = pytest.mark.django_db

TABLE = PermissionTable(
    app_name="pages", urlpatterns=urls.urlpatterns, roles=("anonymous", "member", "editor")
)

# fmt: off
#   url name                                   method target      anon member editor
ROWS = [
    ("news_list",                              "GET",  None,       200, 200,   200),
    ("news_rss",                               "GET",  None,       200, 200,   200),
    ("news_atom",                              "GET",  None,       200, 200,   200),
    ("export_csv",                             "GET",  None,       200, 200,   200),
    ("export_xlsx",                            "GET",  None,       200, 200,   200),
    ("export_json",                            "GET",  None,       200, 200,   200),
    ("news_detail",                            "GET",  "article",  200, 200,   200),
    ("news_detail",                            "GET",  "draft",    404, 404,   404),
    ("news_detail",                            "POST", "article",  405, 405,   405),
]

# The site-wide pages of config/urls.py that this app's tables drive.
SITE_ROWS = [
    ("contact",                                "GET",  None,       200, 200,   200),
    ("contact",                                "POST", None,       302, 302,   302),
    ("about",                                  "GET",  None,       200, 200,   200),
    ("about",                                  "POST", None,       405, 405,   405),
    ("privacy",                                "GET",  None,       200, 200,   200),
    ("accessibility",                          "GET",  None,       200, 200,   200),
    ("account_data",                           "GET",  None,       302, 200,   200),
    ("account_delete",                         "GET",  None,       302, 200,   200),
    ("account_delete",                         "POST", None,       302, 200,   200),
]

ADMIN_ROWS = [
    ("admin:pages_page_changelist",            "GET",  None,       302, 302,   200),
    ("admin:pages_newsarticle_changelist",     "GET",  None,       302, 302,   200),
    ("admin:pages_contactmessage_changelist",  "GET",  None,       302, 302,   200),
]
# fmt: on

CONTACT = {
    "topic": "other",
    "name": "Karen",
    "email": "karen@example.dk",
    "message": "Hej",
    "website": "",
}


@once_per_module
def world():
    editor = UserFactory(staff_mfa=True, groups=[staff.EDITORS])
    article = NewsArticle.objects.create(
        slug="nyhed", title_da="Nyhed", summary_da="s", body_da="b", published_at=timezone.now()
    )
    draft = NewsArticle.objects.create(
        slug="kladde", title_da="Kladde", summary_da="s", body_da="b"
    )
    ContactMessage.objects.create(topic="resources", name="A", email="a@example.dk", message="m")
    return {
        "users": {"member": UserFactory(), "editor": editor},
        "article": {"slug": article.slug},
        "draft": {"slug": draft.slug},
    }


SITE_CASES = [
    pytest.param(role, name, method, target, expected, id=f"{role}-{name}-{method}")
    for name, method, target, *statuses in SITE_ROWS
    for role, expected in zip(TABLE.roles, statuses, strict=True)
]


@pytest.mark.parametrize(TABLE.params, TABLE.cases(ROWS + ADMIN_ROWS) + SITE_CASES)
def test_pages(client, world, role, name, method, target, expected):
    site = name in {row[0] for row in SITE_ROWS}
    url = reverse(name if site else TABLE.url_name(name), kwargs=world[target] if target else None)
    user = world["users"].get(role)
    response = request_as(client, user, method, url, CONTACT if name == "contact" else None)
    assert response.status_code == expected


def test_every_url_has_a_row():
    TABLE.assert_covers(ROWS)
