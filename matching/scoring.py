"""How partner suggestions are ranked: one documented score, computed by PostgreSQL in one
query (CTEs), whatever the number of candidates.

The subject is an actor, or a public case that seeks partners. Every published actor and
every public case (validated, consent to the portal, lead organisation published) is a
candidate, except the subject itself and what belongs to it: an actor's own cases; a
case's lead organisation, its other cases and the partners it already lists. Nothing
unpublished and no case that is not validated can ever be a candidate.

A candidate's score is the sum of these points (`WEIGHTS`, shown on the page as "how
suggestions are ranked"):

    each shared theme                                   3
    each shared target group                            2
    each shared SDG                                     1
    open to partnerships (an actor) / seeks partners    2
      (a case)
    a complementary role (`COMPLEMENTARY_ROLES`)         3
    in a country the subject seeks                      4
    of a kind of organisation the subject seeks         3

A candidate is suggested only if it shares at least one theme, target group or SDG, or is
in a sought country or of a sought kind: openness and a role alone suggest nobody. Equal
scores are ordered by name.

The countries and kinds sought are a case's `partner_countries` and `partner_kinds`; for
an actor, those of its own public cases that seek partners. A case candidate's role and
kind are its lead organisation's; its countries are where it runs (else its lead's
country).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from ecosystem.models import Actor
from validation.models import PUBLIC_STATES, CaseApplication

WEIGHTS = {
    "theme": 3,
    "target_group": 2,
    "sdg": 1,
    "open": 2,
    "complementary_role": 3,
    "sought_country": 4,
    "sought_kind": 3,
}

Role = Actor.Role
# Roles that complete each other in a partnership; the table holds each pair once and
# counts both ways (a practitioner suggests a funder, a funder a practitioner).
COMPLEMENTARY_ROLES = (
    (Role.PRACTITIONER, Role.FUNDER),
    (Role.PRACTITIONER, Role.RESEARCHER),
    (Role.PRACTITIONER, Role.POLICY_MAKER),
    (Role.RESEARCHER, Role.POLICY_MAKER),
    (Role.PRACTITIONER, Role.INTERMEDIARY),
)

ACTOR = "actor"
CASE = "case"
DENMARK = "DK"
# What the suggestions page may narrow to (the form's choices).
SHOW_ALL, SHOW_ACTORS, SHOW_CASES = "", ACTOR, CASE
WHERE_ANY, WHERE_DENMARK, WHERE_ABROAD = "", "dk", "abroad"


def complements(role: str) -> list[str]:
    """The roles that complement `role`, in the table's order."""
    found = [b for a, b in COMPLEMENTARY_ROLES if a == role]
    return found + [a for a, b in COMPLEMENTARY_ROLES if b == role]


@dataclass(frozen=True)
class Subject:
    """Who the suggestions are for: an actor, or a case (and its lead organisation)."""

    actor_id: int
    role: str
    case_id: int | None = None

    @classmethod
    def for_actor(cls, actor: Actor) -> Subject:
        return cls(actor_id=actor.pk, role=actor.role)

    @classmethod
    def for_case(cls, case: CaseApplication) -> Subject:
        return cls(actor_id=case.actor_id, role=case.actor.role, case_id=case.pk)


@dataclass
class Candidate:
    """One row of the ranked query: what a suggestion shows and why it scored."""

    type: str
    id: int
    name: str
    slug: str
    lead_name: str
    lead_slug: str
    kind: str
    role: str
    countries: list[str]
    open: bool
    summary: str
    summary_lang: str
    themes: list[int]
    target_groups: list[int]
    sdgs: list[int]
    complementary_role: bool
    sought_countries: list[str]
    sought_kind: bool
    score: int
    reasons: list[str] = field(default_factory=list)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _link(model, relation: str) -> tuple[str, str, str]:
    """A many-to-many relation's link table and its two columns."""
    m2m = model._meta.get_field(relation)
    quote = connection.ops.quote_name
    return (
        quote(m2m.remote_field.through._meta.db_table),
        quote(m2m.m2m_column_name()),
        quote(m2m.m2m_reverse_name()),
    )


RELATIONS = (("themes", "themes"), ("target_groups", "target_groups"), ("sdgs", "sdgs"))


def _subject_sql(subject: Subject) -> str:
    """The subject's themes, target groups, SDGs and what it seeks, as one row."""
    owner, owner_param = (CaseApplication, "%(case)s") if subject.case_id else (Actor, "%(actor)s")
    parts = []
    for name, relation in RELATIONS:
        table, own, other = _link(owner, relation)
        parts.append(f"ARRAY(SELECT {other} FROM {table} WHERE {own} = {owner_param}) AS {name}")
    cases = _table(CaseApplication)
    if subject.case_id:
        sought = (
            f"(SELECT partner_countries::text[] FROM {cases} WHERE id = %(case)s) AS countries",
            f"(SELECT partner_kinds::text[] FROM {cases} WHERE id = %(case)s) AS kinds",
        )
    else:
        seeking = (
            f"FROM {cases} c, unnest(c.{{column}}) AS u(value) WHERE c.actor_id = %(actor)s "
            "AND c.status = ANY(%(public_states)s) AND c.consent_portal AND c.seeks_partners"
        )
        sought = (
            f"ARRAY(SELECT DISTINCT u.value::text {seeking.format(column='partner_countries')})"
            " AS countries",
            f"ARRAY(SELECT DISTINCT u.value::text {seeking.format(column='partner_kinds')})"
            " AS kinds",
        )
    return f"SELECT {', '.join(parts)}, %(role)s::text AS role, {', '.join(sought)}"


def _shared_sql(model, alias: str) -> str:
    """For each relation, the ids a candidate shares with the subject (sorted)."""
    parts = []
    for name, relation in RELATIONS:
        table, own, other = _link(model, relation)
        parts.append(
            f"ARRAY(SELECT x.{other} FROM {table} x WHERE x.{own} = {alias}.id "
            f"AND x.{other} = ANY(s.{name}) ORDER BY 1) AS {name}"
        )
    return ", ".join(parts)


def _summary_sql(alias: str, language: str) -> tuple[str, str]:
    """An actor's short description in `language`, else the other; and which it is."""
    other = "en" if language == "da" else "da"
    mine, theirs = f"{alias}.short_description_{language}", f"{alias}.short_description_{other}"
    return (
        f"COALESCE(NULLIF({mine}, ''), {theirs}, '')",
        f"CASE WHEN {mine} <> '' THEN '{language}' ELSE '{other}' END",
    )


def _ranked_sql(subject: Subject, *, language: str, show: str, where: str) -> str:
    actors, cases = _table(Actor), _table(CaseApplication)
    partner_table, partner_case, partner_actor = _link(CaseApplication, "partners")
    summary, summary_lang = _summary_sql("a", language)
    actor_rows = (
        f"SELECT 'actor'::text AS type, a.id, a.name::text AS name, a.slug::text AS slug, "
        f"''::text AS lead_name, ''::text AS lead_slug, a.kind::text AS kind, "
        f"a.role::text AS role, ARRAY[a.country::text] AS countries, "
        f"a.open_to_partnerships AS open, {summary} AS summary, "
        f"{summary_lang} AS summary_lang, {_shared_sql(Actor, 'a')} "
        f"FROM {actors} a CROSS JOIN subject s "
        f"WHERE a.status = %(published)s AND a.id <> ALL(%(exclude_actors)s) "
        f"AND NOT EXISTS (SELECT 1 FROM {partner_table} p "
        f"WHERE p.{partner_case} = %(case)s AND p.{partner_actor} = a.id)"
    )
    case_rows = (
        f"SELECT 'case'::text AS type, c.id, c.title::text AS name, c.slug::text AS slug, "
        f"l.name::text AS lead_name, l.slug::text AS lead_slug, l.kind::text AS kind, "
        f"l.role::text AS role, "
        f"COALESCE(NULLIF(c.countries::text[], '{{}}'), ARRAY[l.country::text]) AS countries, "
        f"c.seeks_partners AS open, c.summary::text AS summary, 'en'::text AS summary_lang, "
        f"{_shared_sql(CaseApplication, 'c')} "
        f"FROM {cases} c JOIN {actors} l ON l.id = c.actor_id CROSS JOIN subject s "
        f"WHERE c.status = ANY(%(public_states)s) AND c.consent_portal "
        f"AND l.status = %(published)s AND c.id IS DISTINCT FROM %(case)s "
        f"AND c.actor_id <> ALL(%(exclude_actors)s)"
    )
    unions = {SHOW_ACTORS: actor_rows, SHOW_CASES: case_rows}.get(
        show, f"{actor_rows} UNION ALL {case_rows}"
    )
    w = WEIGHTS
    score = (
        f"{w['theme']} * cardinality(themes) + {w['target_group']} * cardinality(target_groups)"
        f" + {w['sdg']} * cardinality(sdgs) + {w['open']} * open::int"
        f" + {w['complementary_role']} * complementary_role::int"
        f" + {w['sought_country']} * (cardinality(sought_countries) > 0)::int"
        f" + {w['sought_kind']} * sought_kind::int"
    )
    place = {
        WHERE_DENMARK: f"AND '{DENMARK}' = ANY(countries)",
        WHERE_ABROAD: f"AND NOT countries <@ ARRAY['{DENMARK}']",
    }.get(where, "")
    return (
        f"WITH subject AS MATERIALIZED ({_subject_sql(subject)}), "
        f"candidates AS ({unions}), "
        "scored AS ("
        "SELECT c.*, "
        "EXISTS (SELECT 1 FROM unnest(%(pairs_from)s::text[], %(pairs_to)s::text[]) AS p(a, b) "
        "WHERE p.a = s.role AND p.b = c.role) AS complementary_role, "
        "ARRAY(SELECT u FROM unnest(c.countries) AS u WHERE u = ANY(s.countries) ORDER BY 1) "
        "AS sought_countries, "
        "c.kind = ANY(s.kinds) AS sought_kind "
        "FROM candidates c CROSS JOIN subject s) "
        f"SELECT *, ({score}) AS score, count(*) OVER () AS total FROM scored "
        "WHERE (cardinality(themes) + cardinality(target_groups) + cardinality(sdgs) "
        "+ cardinality(sought_countries) > 0 OR sought_kind) "
        f"{place} "
        "ORDER BY score DESC, lower(name), type, id LIMIT %(limit)s OFFSET %(offset)s"
    )


def _params(subject: Subject, *, limit: int, offset: int) -> dict:
    both_ways = [*COMPLEMENTARY_ROLES, *((b, a) for a, b in COMPLEMENTARY_ROLES)]
    return {
        "actor": subject.actor_id,
        "case": subject.case_id,
        "role": subject.role,
        "exclude_actors": [subject.actor_id],
        "published": Actor.Status.PUBLISHED,
        "public_states": [str(state) for state in PUBLIC_STATES],
        "pairs_from": [str(a) for a, _b in both_ways],
        "pairs_to": [str(b) for _a, b in both_ways],
        "limit": limit,
        "offset": offset,
    }


COLUMNS = (
    "type",
    "id",
    "name",
    "slug",
    "lead_name",
    "lead_slug",
    "kind",
    "role",
    "countries",
    "open",
    "summary",
    "summary_lang",
    "themes",
    "target_groups",
    "sdgs",
    "complementary_role",
    "sought_countries",
    "sought_kind",
    "score",
    "total",
)


def ranked(
    subject: Subject,
    *,
    limit: int,
    offset: int = 0,
    language: str = "en",
    show: str = SHOW_ALL,
    where: str = WHERE_ANY,
) -> tuple[list[Candidate], int]:
    """One page of candidates, best first, and how many there are in all: one query.

    The total comes with the rows (a window count); a page past the end has no rows and
    a total of 0, which the caller answers by asking for the last page.
    """
    language = "en" if language.startswith("en") else "da"
    sql = _ranked_sql(subject, language=language, show=show, where=where)
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(subject, limit=limit, offset=offset))
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    total = rows[0]["total"] if rows else 0
    return [Candidate(**{k: row[k] for k in COLUMNS if k != "total"}) for row in rows], total


def count(subject: Subject, *, show: str = SHOW_ALL, where: str = WHERE_ANY) -> int:
    """How many candidates there are: only asked for when a page was past the end."""
    sql = _ranked_sql(subject, language="en", show=show, where=where)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM ({sql}) AS page",
            _params(subject, limit=None, offset=0),
        )
        return cursor.fetchone()[0]
