"""The curated demo content reads real (issue 19): no titles that are copies told apart by a
number, types that fit their titles, cases led by actors who work on what the case is
about, a real file about each downloadable resource, and news that states no count the
data contradicts. Each of these failed on the generated demo it replaces."""

import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction

from funding.models import FundingOpportunity
from pages.models import NewsArticle
from policy.models import Event
from resources.models import Resource
from validation.models import CaseApplication

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def _demo(django_db_setup, django_db_blocker):
    """seed_demo once for the module (it takes seconds), rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def demo_resources():
    return Resource.objects.exclude(slug__startswith="bench-").prefetch_related("files")


def demo_cases():
    return CaseApplication.objects.exclude(slug__startswith="generated-case-")


def stripped(title: str) -> str:
    """A title without its digits, brackets and punctuation: copies told apart by a number
    ("Co-creation toolkit (24)" and "(48)") become equal."""
    return " ".join(re.sub(r"[\d()\[\]#.,:;–-]+", " ", title.lower()).split())


def titles():
    yield "library", list(demo_resources().values_list("title", flat=True))
    yield "cases", list(demo_cases().values_list("title", flat=True))
    for language in ("da", "en"):
        yield (
            f"news ({language})",
            list(NewsArticle.objects.values_list(f"title_{language}", flat=True)),
        )
        yield (
            f"events ({language})",
            list(Event.objects.values_list(f"title_{language}", flat=True)),
        )


def test_no_two_demo_titles_are_copies_told_apart_by_a_number():
    found = {}
    for where, values in titles():
        assert values, where
        repeated = [title for title, n in Counter(map(stripped, values)).items() if n > 1]
        if repeated:
            found[where] = repeated
    assert not found


def test_earlier_funding_rounds_are_named_by_their_month_not_numbered():
    for language in ("da", "en"):
        values = list(FundingOpportunity.objects.values_list(f"title_{language}", flat=True))
        assert len(values) == len(set(values)), language
        counted = [t for t in values if re.search(r"\b(runde|round) \d{1,3}\)|\(\d{1,3}\)$", t)]
        assert not counted, counted[:5]


# Words that say which type a resource is; a title with one must have that type.
TYPE_WORDS = {
    r"\bwebinar|\bvideo\b": {"video"},
    r"\bskabelon\b|\btemplate\b": {"template"},
    r"\bpolicy brief\b|\bbeslutningsoplæg": {"policy_brief"},
    r"\bdatasæt\b|\bdataset\b": {"dataset"},
    r"^case\b": {"case_study"},
    r"\bfinansieringsmodel|\bfinancing models?\b": {"financing_model"},
    r"\bværktøjskasse\b|\btoolkit\b|\bmetode": {"method"},
    r"\brapport\b|\breport\b|\bkortlægning\b|\bevaluering\b": {"report"},
    r"\bguide\b|\bvejledning\b": {"guide"},
}


def test_every_resource_has_the_type_its_title_names():
    wrong = []
    checked = 0
    for resource in demo_resources():
        title = resource.title.lower()
        for pattern, kinds in TYPE_WORDS.items():
            if re.search(pattern, title):
                checked += 1
                if resource.kind not in kinds:
                    wrong.append(f"{resource.title}: {resource.kind}")
    assert not wrong
    assert checked >= 40  # most titles say what they are


def test_a_recording_or_link_points_somewhere_and_everything_else_has_a_file_about_it():
    # Words too common to show what a text is about.
    common = {"social", "sociale", "innovation", "danmark", "denmark", "mellem", "through"}
    for resource in demo_resources():
        if resource.kind in ("video", "link"):
            assert resource.external_url.startswith("https://"), resource.title
            continue
        files = list(resource.files.all())
        assert files, f"{resource.title} has no file"
        for resource_file in files:
            assert resource_file.kind in ("pdf", "docx")
            assert resource_file.extraction == "done", resource.title
            # Past its heading, the file's text speaks of what the title names.
            body = resource_file.text.split("\n", 1)[-1].lower()
            words = {w for w in re.findall(r"\w{5,}", resource.title.lower()) if w not in common}
            assert any(word in body for word in words), resource.title


def test_partner_only_and_public_resources_are_mixed_across_types():
    partner_kinds = set(demo_resources().filter(access="partners").values_list("kind", flat=True))
    assert len(partner_kinds) >= 4
    assert demo_resources().filter(access="public").count() >= 30


def test_every_case_is_led_by_an_actor_who_works_on_its_themes_and_people():
    cases = (
        demo_cases()
        .select_related("actor")
        .prefetch_related("themes", "target_groups", "actor__themes", "actor__target_groups")
    )
    assert cases
    for case in cases:
        for code in case.countries + case.partner_countries:  # no country lost to YAML's "NO"
            assert isinstance(code, str) and len(code) == 2, (case.title, code)
        themes = {t.slug for t in case.themes.all()}
        assert themes & {t.slug for t in case.actor.themes.all()}, (case.title, case.actor.name)
        groups = {g.slug for g in case.actor.target_groups.all()}
        if groups:
            assert {g.slug for g in case.target_groups.all()} & groups, case.title


# Counts in words ("en"/"et" are left out: before a plural they are not counts).
NUMBERS = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
COUNTED = re.compile(
    r"\b(\d+|" + "|".join(NUMBERS) + r")\s+(?:\w+\s+){0,2}?"
    r"(projekter|projects|cases|eu-cases|casene)\b",
    re.IGNORECASE,
)


def counts_stated(text: str) -> list[int]:
    words = [match.group(1).lower() for match in COUNTED.finditer(text)]
    return [int(word) if word.isdigit() else NUMBERS[word] for word in words]


def test_counts_stated_are_found_by_the_check():
    assert counts_stated("Fem danske projekter valideret som EU-cases") == [5]
    assert counts_stated("Five Danish projects validated") == [5]
    assert counts_stated("Nye danske projekter valideret") == []


def test_the_news_states_no_count_of_cases_the_gallery_contradicts():
    public = CaseApplication.objects.public().count()  # what the gallery shows
    for article in NewsArticle.objects.all():
        for language in ("da", "en"):
            text = " ".join(
                getattr(article, f"{name}_{language}") for name in ("title", "summary", "body")
            )
            for value in counts_stated(text):
                assert value == public, (
                    f"{article.slug} ({language}) says {value}, gallery {public}"
                )
