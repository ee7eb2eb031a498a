"""A trust page's "Senest opdateret" is when its text last changed: not today's date, and
not moved by placing the page elsewhere in the menu."""

import datetime

import pytest
from django.utils import timezone

from pages.models import Page

pytestmark = pytest.mark.django_db

WRITTEN = timezone.make_aware(datetime.datetime(2026, 3, 3, 10, 0))


@pytest.fixture
def about():
    Page.objects.filter(key="about").update(updated_at=WRITTEN)
    return Page.objects.get(key="about")


def test_the_page_shows_when_its_text_last_changed(client, about):
    html = client.get(about.get_absolute_url()).content.decode()
    assert "Senest opdateret" in html
    assert "3. marts 2026" in html


def test_moving_the_page_in_the_menu_is_no_edit(about):
    about.position = 99
    about.menu = Page.Menu.FOOTER
    about.save()
    about.refresh_from_db()
    assert about.updated_at == WRITTEN


def test_changing_the_text_is_an_edit(about):
    about.body_da = about.body_da + "\n\nEt nyt afsnit."
    about.save(update_fields=["body_da"])
    about.refresh_from_db()
    assert about.updated_at > WRITTEN
    assert timezone.localdate(about.updated_at) == timezone.localdate()
