"""What a review of common/ found: each test failed before its fix."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from common.mail import send_after_commit
from common.opendata import freshness
from common.search import search_query
from common.uploads import document_kind, safe_name
from ecosystem.models import Actor
from tests.factories import ActorFactory


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["virksomh", "virksomhe", "virksomhede"])
def test_every_prefix_of_a_word_finds_it_while_typing(typed):
    ActorFactory(name="Haven", short_description_da="En virksomhed driver haven.")
    query = search_query(typed)
    assert list(Actor.objects.filter(search_vector=query).values_list("name", flat=True)) == [
        "Haven"
    ]


@pytest.mark.django_db
def test_a_line_break_in_a_name_is_folded_into_the_subject(django_capture_on_commit_callbacks):
    actor = ActorFactory(name="Evil\r\nBcc: victim@example.com", slug="evil")
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        send_after_commit(
            template="ecosystem/email/actor_approved.txt",
            recipients=["a@example.dk"],
            context={"actor": actor},
        )
    message = mail.outbox[0]
    assert message.subject == "Evil Bcc: victim@example.com is now published"
    assert message.body.startswith("Dear member of Evil")  # every mail opens the same way
    assert "Good news:" in message.body


@pytest.mark.parametrize("name", ["data.%", "notes.€", "report.!!"])
def test_safe_name_never_refuses_a_name(name):
    assert safe_name(name).isascii()


# 3b. same line -- a non-ASCII extension is kept, though the docstring promises ASCII.
def test_safe_name_gives_an_ascii_extension():
    assert safe_name("rapport.æøå").isascii()


@pytest.mark.django_db
def test_last_modified_is_the_tables_newest_change_even_for_an_empty_set():
    ActorFactory()
    assert freshness(Actor.objects.filter(name="nobody"), variant="en").last_modified is not None


def test_a_short_latin1_file_is_not_taken_for_utf8_text():
    upload = SimpleUploadedFile("byer.csv", "navn;by\nKøge".encode("cp1252"))
    assert document_kind(upload) is None


def test_a_change_of_a_stylesheet_alone_gives_a_new_page_cache_release(settings, tmp_path):
    """Cached pages name the stylesheet by its hash; `make serve` clears the old files, so
    a page cached before a CSS-only change would come unstyled (seen on the screenshots)."""
    from common.pagecache import release

    css = tmp_path / "portal.css"
    css.write_text("body { color: black; }")
    settings.PAGE_CACHE_SOURCES = [tmp_path]
    release.cache_clear()
    before = release()
    css.write_text("body { color: navy; }")
    release.cache_clear()
    try:
        assert release() != before
    finally:
        release.cache_clear()
