"""seed_demo's library (resources/demo_data/library.yaml): every type in both languages,
real searchable files, partners, collections; running it twice adds nothing; --resources
adds bench rows in bulk."""

import io

import pytest
from django.core.management import call_command

from common.search import search_query
from ecosystem.models import Partnership
from resources.models import Collection, Resource, ResourceFile

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_the_demo_library_is_complete_searchable_and_seeded_once():
    seed()
    assert Resource.objects.count() == 60
    assert set(Resource.objects.values_list("kind", flat=True)) == set(Resource.Kind.values)
    assert set(Resource.objects.values_list("language", flat=True)) == {"da", "en"}
    assert Resource.objects.filter(access="partners").exists()
    assert set(ResourceFile.objects.values_list("kind", flat=True)) == {"pdf", "docx"}
    assert not ResourceFile.objects.exclude(extraction="done").exists()
    assert Collection.objects.filter(items__isnull=False).distinct().count() == 2
    assert Partnership.objects.current().count() >= 2
    # A word that is only inside a file (not in the title, summary or body) is found, in
    # the file's own language: a Danish guide's checklist, an English template's baseline.
    for word, slug in (
        ("tjekliste", "guide-frivillige-paa-plejehjem"),
        ("baseline", "template-impact-measurement-plan"),
    ):
        resource = Resource.objects.get(slug=slug)
        assert word not in f"{resource.title} {resource.summary} {resource.body}".lower()
        assert Resource.objects.filter(search_vector=search_query(word)).contains(resource)
    assert not Resource.objects.filter(language="da", files_text__contains=" the ").exists()
    before = (Resource.objects.count(), ResourceFile.objects.count(), Partnership.objects.count())
    assert "Resources: 0 added" in seed()
    after = (Resource.objects.count(), ResourceFile.objects.count(), Partnership.objects.count())
    assert after == before


def test_the_bench_size_is_added_in_bulk():
    seed("--actors", "0", "--resources", "300")
    assert Resource.objects.count() == 300
    seed("--actors", "0", "--resources", "300")
    assert Resource.objects.count() == 300
