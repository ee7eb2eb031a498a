"""common.facets: counts for every facet in one query, cached under a generation."""

from collections import Counter

import pytest
from django.template import Context, Template

from common.facets import FacetCounter, FacetField, FacetOption
from common.generations import Generation
from ecosystem.models import Actor, Municipality, Theme
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

Kind = Actor.Kind

COUNTER = FacetCounter(
    model=Actor,
    generation=Generation("test-facets"),
    columns={
        "kind": "kind",
        "region": "region_id",
        "open": "open_to_partnerships",
    },
    relations={"theme": "themes"},
)


@pytest.fixture
def actors():
    themes = list(Theme.objects.order_by("pk")[:3])
    aarhus = Municipality.objects.get(code="751")
    specs = [
        # kind, themes, open to partnerships, in Aarhus, published
        (Kind.NGO, [0, 1], True, False, True),
        (Kind.NGO, [0], False, True, True),
        (Kind.NGO, [], False, True, True),
        (Kind.BUSINESS, [1, 2], True, True, True),
        (Kind.FOUNDATION, [2], False, False, True),
        (Kind.BUSINESS, [0, 1, 2], True, False, False),  # a draft: counted by no group
    ]
    made = []
    for kind, theme_numbers, open_, in_aarhus, published in specs:
        extra = {"municipality": aarhus} if in_aarhus else {}
        actor = ActorFactory(kind=kind, open_to_partnerships=open_, draft=not published, **extra)
        actor.themes.set([themes[n] for n in theme_numbers])
        made.append(actor)
    return made


def python_counts(rows, facet):
    rows = list(rows)
    if facet == "kind":
        return dict(Counter(a.kind for a in rows))
    if facet == "region":
        return dict(Counter(str(a.region_id) for a in rows if a.region_id))
    if facet == "open":
        return dict(Counter("true" if a.open_to_partnerships else "false" for a in rows))
    return dict(Counter(str(t.pk) for a in rows for t in a.themes.all()))


def test_counts_match_a_count_in_python_for_every_group(actors):
    published = Actor.objects.filter(status=Actor.Status.PUBLISHED)
    ngos = published.filter(kind=Kind.NGO)
    groups = [(published, ["kind", "theme"]), (ngos, ["region", "open"])]
    counts = COUNTER.count(groups)
    assert counts == {
        "kind": python_counts(published, "kind"),
        "theme": python_counts(published, "theme"),
        "region": python_counts(ngos, "region"),
        "open": python_counts(ngos, "open"),
    }
    # Spelled out, so the Python count cannot share a mistake with the SQL:
    assert counts["kind"] == {"ngo": 3, "business": 1, "foundation": 1}
    assert counts["open"] == {"true": 1, "false": 2}
    assert sorted(counts["theme"].values()) == [2, 2, 2]
    copenhagen = Municipality.objects.get(code="101").region_id
    aarhus = Municipality.objects.get(code="751").region_id
    assert counts["region"] == {str(copenhagen): 1, str(aarhus): 2}


def test_a_group_without_rows_gives_empty_counts_and_a_group_without_facets_none(actors):
    counts = COUNTER.count(
        [(Actor.objects.filter(name="nobody"), ["kind", "theme"]), (Actor.objects.all(), [])]
    )
    assert counts == {"kind": {}, "theme": {}}


def test_no_facets_at_all_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert COUNTER.count([(Actor.objects.all(), [])]) == {}


def _is_cache_query(query) -> bool:
    sql = query["sql"]
    return "portal_cache" in sql or sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))


def test_a_warm_call_is_one_cache_read_and_counts_nothing(
    actors, django_assert_max_num_queries, django_assert_num_queries
):
    groups = [(Actor.objects.filter(status=Actor.Status.PUBLISHED), ["kind", "theme"])]
    with django_assert_max_num_queries(20) as cold:
        first = COUNTER.count(groups)
    counting = [q for q in cold.captured_queries if not _is_cache_query(q)]
    assert len(counting) == 1 and "GROUPING SETS" in counting[0]["sql"]
    with django_assert_num_queries(1) as warm:
        assert COUNTER.count(groups) == first
    assert "portal_cache" in warm.captured_queries[0]["sql"]


def test_another_filter_value_is_counted_not_taken_from_the_cache(actors):
    """The cache key holds the query's parameters, not just its SQL."""
    ngos = COUNTER.count([(Actor.objects.filter(kind=Kind.NGO), ["open"])])
    businesses = COUNTER.count([(Actor.objects.filter(kind=Kind.BUSINESS), ["open"])])
    assert ngos == {"open": {"true": 1, "false": 2}}
    assert businesses == {"open": {"true": 2}}


def test_counts_follow_a_change_once_the_generation_is_renewed(actors):
    groups = [(Actor.objects.filter(status=Actor.Status.PUBLISHED), ["kind", "theme"])]
    before = COUNTER.count(groups)
    draft = actors[-1]
    draft.status = Actor.Status.PUBLISHED
    draft.save()
    # The test generation watches nothing: until it is renewed, the cached counts stand.
    assert COUNTER.count(groups) == before
    COUNTER.generation.renew()
    after = COUNTER.count(groups)
    assert after["kind"]["business"] == before["kind"]["business"] + 1
    assert sum(after["theme"].values()) == sum(before["theme"].values()) + 3


# --- What the filter form draws ----------------------------------------------------------


def field(*options: FacetOption) -> FacetField:
    return FacetField(
        name="kind", label="Type", any_label="Any type", options=list(options), errors=[]
    )


def test_options_html_escapes_labels_and_values():
    html = field(
        FacetOption('x"><script>', "<script>alert(1)</script>", 3, False),
    ).options_html
    assert "<script>" not in html
    assert (
        '<option value="x&quot;&gt;&lt;script&gt;">'
        "&lt;script&gt;alert(1)&lt;/script&gt; (3)</option>"
    ) == html


def test_options_html_marks_only_the_selected_option():
    html = field(
        FacetOption("ngo", "NGO", 3, False),
        FacetOption("business", "Business", 1, True),
    ).options_html
    assert html == (
        '<option value="ngo">NGO (3)</option>'
        '<option value="business" selected>Business (1)</option>'
    )


def test_options_html_is_not_escaped_again_in_a_template():
    rendered = Template("<select>{{ field.options_html }}</select>").render(
        Context({"field": field(FacetOption("ngo", "Æble & co", 2, True))})
    )
    assert rendered == '<select><option value="ngo" selected>Æble &amp; co (2)</option></select>'
