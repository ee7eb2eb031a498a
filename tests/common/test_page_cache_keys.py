"""The page cache: a copy made for one host or scheme never reaches a visitor of another,
a draft's edit renews nothing public, every header a response needs comes back with a
hit, and instances of one release in different folders share their copies."""

import gzip
import shutil

import pytest

from common import pagecache
from policy.facets import GENERATION as EVENTS
from resources.facets import GENERATION as RESOURCES
from tests.factories import EventFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def body(response) -> str:
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return content.decode()


@pytest.mark.parametrize(
    ("forged", "leak"),
    [
        ({"HTTP_HOST": "localhost:9999"}, "localhost:9999"),
        ({"HTTP_X_FORWARDED_PROTO": "https"}, "https://testserver"),
    ],
)
def test_a_forged_host_or_scheme_never_reaches_another_visitor(client, forged, leak):
    event = EventFactory(title_en="Policy lab in Vejle")
    url = f"/en/events/{event.slug}/"
    first = client.get(url, **forged)
    assert first.status_code == 200
    assert leak in body(first)  # the page links to where it was asked for
    plain = client.get(url)
    assert plain["X-Page-Cache"] == "miss"
    assert leak not in body(plain)
    assert "http://testserver/" in body(plain)
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_drafts_edit_renews_nothing_and_a_publication_does():
    draft = EventFactory(draft=True)
    before = EVENTS.current()
    draft.title_en = "Still a draft"
    draft.save()
    assert EVENTS.current() == before
    draft.status = "published"
    draft.save()
    published = EVENTS.current()
    assert published != before
    draft.title_en = "Now public"
    draft.save()
    assert EVENTS.current() != published
    unpublished = EVENTS.current()
    draft.status = "draft"
    draft.save()
    assert EVENTS.current() != unpublished


def test_a_draft_resources_edit_keeps_the_library_cached(client):
    ResourceFactory(title="Metodehåndbog")
    draft = ResourceFactory(title="Kladde", status="draft")
    assert client.get("/en/resources/")["X-Page-Cache"] == "miss"
    before = RESOURCES.current()
    draft.title = "Kladde 2"
    draft.save()
    assert RESOURCES.current() == before
    assert client.get("/en/resources/")["X-Page-Cache"] == "hit"


def test_a_hit_keeps_the_headers_of_the_response(client):
    event = EventFactory()
    url = f"/en/events/{event.slug}/event.ics"
    miss = client.get(url)
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Disposition"] == miss["Content-Disposition"]
    assert hit["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'


def test_the_release_depends_on_the_code_not_its_folder(settings, tmp_path):
    source = settings.BASE_DIR / "common"
    fingerprints = []
    for name in ("one", "two"):
        copy = tmp_path / name / "common"
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
        settings.PAGE_CACHE_SOURCES = [copy]
        pagecache.release.cache_clear()
        fingerprints.append(pagecache.release())
    (copy / "text.py").write_text((copy / "text.py").read_text() + "\n# changed\n")
    pagecache.release.cache_clear()
    changed = pagecache.release()
    pagecache.release.cache_clear()
    assert fingerprints[0] == fingerprints[1]
    assert changed != fingerprints[0]


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
