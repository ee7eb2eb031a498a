"""Editors see which resources still lack a translation or a file: a column and a filter
in the admin's resource list, the same number of queries for a long list, and a
translation that points at a sensible original."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecosystem import staff
from resources.models import Resource
from tests.factories import ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/resources/resource/"


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(staff_mfa=True, groups=[staff.EDITORS]))
    return client


def library():
    """A Danish guide with its English translation and a file; a Danish report with no
    translation and no file; a Danish link (nothing to upload); a German resource (no
    translation asked for) with a file."""
    guide = ResourceFactory(title="Guide med oversættelse", with_file=True)
    ResourceFactory(title="Guide in English", language="en", translation_of=guide, with_file=True)
    ResourceFactory(title="Rapport uden noget")
    ResourceFactory(title="Link uden oversættelse", external_url="https://example.org/")
    ResourceFactory(title="Bericht", language="other", with_file=True)


def titles(response) -> set[str]:
    return {resource.title for resource in response.context["cl"].result_list}


def test_the_filter_finds_what_lacks_a_translation_or_a_file(editor):
    library()
    missing_translation = editor.get(LIST, {"missing": "translation"})
    assert titles(missing_translation) == {"Rapport uden noget", "Link uden oversættelse"}
    assert titles(editor.get(LIST, {"missing": "file"})) == {"Rapport uden noget"}
    assert len(titles(editor.get(LIST))) == 5


def test_the_column_says_what_is_missing_in_danish(editor):
    library()
    html = editor.get(LIST).content.decode()
    assert "Mangler oversættelse, Mangler fil" in html
    assert ">Mangler oversættelse</a>" in html and ">Mangler fil</a>" in html  # the filter


# The admin's menu asks each app's role gate once per model; the list itself is one query
# (with two EXISTS) and its count, whatever its length.
LIST_QUERIES = 56


def test_the_list_takes_the_same_queries_however_long(editor):
    editor.get(LIST)  # warm the session and content types
    counts = []
    for size in (10, 90):
        ResourceFactory.create_batch(size)
        with CaptureQueriesContext(connection) as queries:
            response = editor.get(LIST, {"missing": "translation"})
        counts.append(len(queries))
    assert response.context["cl"].result_count == 100
    assert counts[0] == counts[1] <= LIST_QUERIES


def test_a_translation_is_of_an_original_in_another_language():
    danish = ResourceFactory()
    with pytest.raises(ValidationError, match="andet sprog"):
        Resource(title="x", language="da", translation_of=danish).clean()
    english = ResourceFactory(language="en", translation_of=danish)
    with pytest.raises(ValidationError, match="originalen"):
        Resource(title="y", language="da", translation_of=english).clean()
    with pytest.raises(ValidationError, match="sig selv"):
        english.translation_of = english
        english.clean()
