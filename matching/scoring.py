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

The query: each link table (themes, target groups, SDGs of actors and of cases) is read
once and aggregated into the ids each candidate shares with the subject; the candidates
are scored with plain comparisons, counted, and cut to one page; only that page's rows
get their slugs, summaries and sought countries joined in. The count rides along with
the page, so a page past the end still learns the total in the same query.

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


def _shared(model, prefix: str, alias: str) -> tuple[list[str], str, str]:
    """For each relation, a CTE of the candidates that share any of the subject's ids,
    with those ids (one pass over the link table, not one lookup per candidate); the
    select list and the joins that give every candidate its three arrays."""
    ctes, selects, joins = [], [], []
    for name, relation in RELATIONS:
        table, own, other = _link(model, relation)
        cte = f"{prefix}_{name}"
        ctes.append(
            f"{cte} AS (SELECT x.{own} AS id, array_agg(x.{other} ORDER BY x.{other}) AS ids "
            f"FROM {table} x CROSS JOIN subject s WHERE x.{other} = ANY(s.{name}) "
            f"GROUP BY x.{own})"
        )
        selects.append(f"COALESCE({cte}.ids, '{{}}') AS {name}")
        joins.append(f"LEFT JOIN {cte} ON {cte}.id = {alias}.id")
    return ctes, ", ".join(selects), " ".join(joins)


def _summary_sql(alias: str, language: str) -> tuple[str, str]:
    """An actor's short description in `language`, else the other; and which it is."""
    other = "en" if language == "da" else "da"
    mine, theirs = f"{alias}.short_description_{language}", f"{alias}.short_description_{other}"
    return (
        f"COALESCE(NULLIF({mine}, ''), {theirs}, '')",
        f"CASE WHEN {mine} <> '' THEN '{language}' ELSE '{other}' END",
    )


def _ranked_sql(subject: Subject, *, language: str, show: str, where: str) -> str:
    """Every candidate scored (light columns only), the page cut from them in order, and
    only then the page's names, slugs and summaries joined in."""
    actors, cases = _table(Actor), _table(CaseApplication)
    partner_table, partner_case, partner_actor = _link(CaseApplication, "partners")
    actor_ctes, actor_shared, actor_joins = _shared(Actor, "actor", "a")
    case_ctes, case_shared, case_joins = _shared(CaseApplication, "case", "c")
    actor_rows = (
        f"SELECT 'actor'::text AS type, a.id, a.name::text AS name, a.kind::text AS kind, "
        f"a.role::text AS role, ARRAY[a.country::text] AS countries, "
        f"a.open_to_partnerships AS open, {actor_shared} "
        f"FROM {actors} a {actor_joins} "
        f"WHERE a.status = %(published)s AND a.id <> ALL(%(exclude_actors)s) "
        f"AND NOT EXISTS (SELECT 1 FROM {partner_table} p "
        f"WHERE p.{partner_case} = %(case)s AND p.{partner_actor} = a.id)"
    )
    case_rows = (
        f"SELECT 'case'::text AS type, c.id, c.title::text AS name, l.kind::text AS kind, "
        f"l.role::text AS role, "
        f"COALESCE(NULLIF(c.countries::text[], '{{}}'), ARRAY[l.country::text]) AS countries, "
        f"c.seeks_partners AS open, {case_shared} "
        f"FROM {cases} c JOIN {actors} l ON l.id = c.actor_id {case_joins} "
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
        f" + {w['sought_country']} * in_sought_country::int"
        f" + {w['sought_kind']} * sought_kind::int"
    )
    place = {
        WHERE_DENMARK: f"AND '{DENMARK}' = ANY(countries)",
        WHERE_ABROAD: f"AND NOT countries <@ ARRAY['{DENMARK}']",
    }.get(where, "")
    summary, summary_lang = _summary_sql("a", language)
    ctes = [
        f"subject AS MATERIALIZED ({_subject_sql(subject)})",
        *actor_ctes,
        *case_ctes,
        f"candidates AS ({unions})",
        # Only plain comparisons per candidate: no subquery runs once per row.
        "matched AS ("
        "SELECT c.*, c.role = ANY(%(complements)s::text[]) AS complementary_role, "
        "c.countries && s.countries AS in_sought_country, "
        "c.kind = ANY(s.kinds) AS sought_kind "
        "FROM candidates c CROSS JOIN subject s "
        "WHERE cardinality(c.themes) + cardinality(c.target_groups) + cardinality(c.sdgs) > 0 "
        "OR c.countries && s.countries OR c.kind = ANY(s.kinds))",
        f"scored AS (SELECT *, ({score}) AS score FROM matched WHERE true {place})",
        "page AS (SELECT * FROM scored "
        "ORDER BY score DESC, lower(name), type, id LIMIT %(limit)s OFFSET %(offset)s)",
        "counted AS (SELECT count(*) AS total FROM scored)",
    ]
    # The count is joined to the page, so even a page past the end answers with one row:
    # the total, and nulls for a suggestion.
    return (
        f"WITH {', '.join(ctes)} "
        "SELECT page.*, counted.total, COALESCE(a.slug, c.slug)::text AS slug, "
        "ARRAY(SELECT u FROM unnest(page.countries) AS u, subject s WHERE u = ANY(s.countries) "
        "ORDER BY 1) AS sought_countries, "
        "COALESCE(l.name, '')::text AS lead_name, COALESCE(l.slug, '')::text AS lead_slug, "
        f"CASE WHEN page.type = 'actor' THEN {summary} ELSE c.summary END AS summary, "
        f"CASE WHEN page.type = 'actor' THEN {summary_lang} ELSE 'en' END AS summary_lang "
        f"FROM counted LEFT JOIN page ON true "
        f"LEFT JOIN {actors} a ON page.type = 'actor' AND a.id = page.id "
        f"LEFT JOIN {cases} c ON page.type = 'case' AND c.id = page.id "
        f"LEFT JOIN {actors} l ON l.id = c.actor_id "
        "ORDER BY page.score DESC, lower(page.name), page.type, page.id"
    )


def _params(subject: Subject, *, limit: int, offset: int) -> dict:
    return {
        "actor": subject.actor_id,
        "case": subject.case_id,
        "role": subject.role,
        "exclude_actors": [subject.actor_id],
        "published": Actor.Status.PUBLISHED,
        "public_states": [str(state) for state in PUBLIC_STATES],
        "complements": [str(role) for role in complements(subject.role)],
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
    """One page of candidates, best first, and how many there are in all: one query,
    also for a page past the end (no candidates, and the total)."""
    language = "en" if language.startswith("en") else "da"
    sql = _ranked_sql(subject, language=language, show=show, where=where)
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(subject, limit=limit, offset=offset))
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    total = rows[0]["total"]
    found = [row for row in rows if row["id"] is not None]
    return [Candidate(**{k: row[k] for k in COLUMNS if k != "total"}) for row in found], total
