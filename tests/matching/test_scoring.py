"""The score and its explanation on the hand-built set of conftest.py."""

import pytest
from django.utils import translation

from ecosystem.models import Actor
from matching import reasons, scoring
from tests.matching.conftest import DEPRIVATION, case, themes

pytestmark = pytest.mark.django_db


def suggestions(subject, language="en", **options):
    rows, total = scoring.ranked(subject, limit=50, language=language, **options)
    with translation.override(language):
        reasons.explain_all(rows, language)
    return rows, total


def test_the_order_and_the_points_are_those_worked_out_by_hand(world):
    rows, total = suggestions(scoring.Subject.for_actor(world["subject"]))
    assert [(row.name, row.score) for row in rows] == [
        ("Fonden for Unge", 16),
        ("Warsaw Youth Lab", 11),
        ("Job bridges", 8),
        ("Aarhus Universitet", 6),
    ]
    assert total == 4
    assert [row.type for row in rows] == ["actor", "actor", "case", "actor"]


def test_each_suggestion_says_why_in_words(world):
    rows, _total = suggestions(scoring.Subject.for_actor(world["subject"]))
    why = {row.name: row.reasons for row in rows}
    assert why["Fonden for Unge"] == [
        "Shares 3 themes: “Access to quality employment, including for young people”, "
        "“Upskilling, reskilling and lifelong learning”, “Active inclusion”",
        "Works with the same target group: “Children and young people”",
        "Open to partnerships",
        "Complementary role: funder",
    ]
    assert why["Warsaw Youth Lab"] == [
        "Shares 2 themes: “Access to quality employment, including for young people”, "
        "“Active inclusion”",
        "Works with the same target group: “Children and young people”",
        "Shares SDG 8",
        "Open to partnerships",
    ]
    assert why["Job bridges"][-1] == "Seeks partners"
    assert why["Aarhus Universitet"] == [
        "Shares 1 theme: “Upskilling, reskilling and lifelong learning”",
        "Complementary role: researcher",
    ]


def test_the_reasons_are_in_danish_on_the_danish_page(world):
    rows, _total = suggestions(scoring.Subject.for_actor(world["subject"]), language="da")
    assert rows[0].reasons == [
        "Deler 3 temaer: »Adgang til kvalitetsbeskæftigelse, herunder for unge«, "
        "»Opkvalificering, omskoling og livslang læring«, »Aktiv inklusion«",
        "Arbejder med samme målgruppe: »Børn og unge«",
        "Åben for partnerskaber",
        "Komplementær rolle: bevillingsgiver",
    ]


def test_never_an_unpublished_actor_or_a_case_that_is_not_public(world):
    rows, _total = suggestions(scoring.Subject.for_actor(world["subject"]))
    names = {row.name for row in rows}
    assert not names & {
        "Kladden",
        "Ventende",
        "Submitted case",
        "Private case",
        "Draft lead case",
        "Vestby Kommune",  # open and a policy maker, but shares nothing
        "Ungdomsbroen",  # not itself
    }


def test_an_actor_unpublished_later_drops_out(world):
    world["funder"].status = Actor.Status.ARCHIVED
    world["funder"].save()
    rows, _total = suggestions(scoring.Subject.for_actor(world["subject"]))
    assert "Fonden for Unge" not in {row.name for row in rows}


def test_a_case_that_seeks_partners_abroad_ranks_the_sought_country_and_kind_first(world):
    subject_case = case(
        world["subject"],
        "Young people into work",
        theme_slugs=("access-to-employment",),
        validated=True,
        seeks_partners=True,
        partner_countries=["PL"],
        partner_kinds=["ngo"],
    )
    rows, _total = suggestions(scoring.Subject.for_case(subject_case))
    by_name = {row.name: row for row in rows}
    # Warsaw: 1 theme (3) + open (2) + in Poland (4) + an NGO (3) = 12;
    # the funder: 1 theme (3) + open (2) + a complementary role (3) = 8.
    assert rows[0].name == "Warsaw Youth Lab"
    assert by_name["Warsaw Youth Lab"].score == 12
    assert by_name["Warsaw Youth Lab"].reasons[-2:] == [
        "In Poland, as sought",
        "NGO or civil society, as sought",
    ]
    assert by_name["Fonden for Unge"].score == 8
    # Not the case itself, nor its lead organisation.
    assert "Young people into work" not in by_name and "Ungdomsbroen" not in by_name


def test_an_actor_seeks_what_its_own_public_cases_seek(world):
    case(
        world["subject"],
        "Young people into work",
        theme_slugs=(DEPRIVATION,),
        validated=True,
        seeks_partners=True,
        partner_countries=["PL"],
    )
    rows, _total = suggestions(scoring.Subject.for_actor(world["subject"]))
    warsaw = next(row for row in rows if row.name == "Warsaw Youth Lab")
    assert warsaw.score == 11 + 4
    assert "In Poland, as sought" in warsaw.reasons


def test_a_case_does_not_suggest_the_partners_it_already_has(world):
    subject_case = case(
        world["subject"],
        "With a partner",
        theme_slugs=("access-to-employment",),
        validated=True,
        seeks_partners=True,
    )
    subject_case.partners.add(world["funder"])
    rows, _total = suggestions(scoring.Subject.for_case(subject_case))
    assert "Fonden for Unge" not in {row.name for row in rows}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"show": scoring.SHOW_ACTORS},
            ["Fonden for Unge", "Warsaw Youth Lab", "Aarhus Universitet"],
        ),
        ({"show": scoring.SHOW_CASES}, ["Job bridges"]),
        ({"where": scoring.WHERE_ABROAD}, ["Warsaw Youth Lab", "Job bridges"]),
        ({"where": scoring.WHERE_DENMARK}, ["Fonden for Unge", "Aarhus Universitet"]),
    ],
)
def test_the_suggestions_narrow_to_actors_cases_denmark_or_abroad(world, options, expected):
    rows, total = suggestions(scoring.Subject.for_actor(world["subject"]), **options)
    assert [row.name for row in rows] == expected
    assert total == len(expected)


def test_paging_gives_every_suggestion_once(world):
    subject = scoring.Subject.for_actor(world["subject"])
    first, total = scoring.ranked(subject, limit=3, offset=0)
    second, _ = scoring.ranked(subject, limit=3, offset=3)
    past, past_total = scoring.ranked(subject, limit=3, offset=30)
    assert total == 4 and len(first) == 3 and len(second) == 1
    assert {r.id for r in first}.isdisjoint({r.id for r in second})
    assert past == [] and past_total == 4


def test_an_actor_with_no_themes_gets_no_suggestions(world):
    lonely = world["subject"]
    lonely.themes.set([])
    lonely.target_groups.set([])
    lonely.sdgs.set([])
    assert themes() == []
    rows, total = suggestions(scoring.Subject.for_actor(lonely))
    assert rows == [] and total == 0


def test_the_complementary_roles_count_both_ways():
    assert Actor.Role.FUNDER in scoring.complements(Actor.Role.PRACTITIONER)
    assert Actor.Role.PRACTITIONER in scoring.complements(Actor.Role.FUNDER)
    assert Actor.Role.POLICY_MAKER in scoring.complements(Actor.Role.RESEARCHER)


def test_the_module_documents_the_weights_the_query_uses():
    """The docstring's table is what people read: it must say what the code does."""
    import re

    table = scoring.__doc__.split("sum of these points")[1].split("A candidate is suggested")[0]
    documented = [int(n) for n in re.findall(r"\s(\d+)\n", table)]
    assert documented == list(scoring.WEIGHTS.values())
