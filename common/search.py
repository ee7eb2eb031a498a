"""Full-text search: one parser of what a visitor types, ranking, and the stored vector.

How a model gets search:
1. Declare a stored generated column built by `search_vector()`: which fields, with which
   weight (A matters most), in which text-search configuration. The configuration is
   either fixed ("danish", "english", "simple" for names and places that must not be
   stemmed) or taken from the row's own language column with `language_config()`, so a
   Danish row is stemmed as Danish and an English row as English.
2. Index it with a GinIndex.
3. Declare what the portal knows about a row as `search_about = About(...)` on the model:
   its taxonomies (many-to-many fields to models with names in both languages) and its
   choice fields (type, kind), whose labels in both languages find the row too.
4. Filter with `found(queryset, search_query(text))` and order with `ranked()`.

Generated columns cannot read other tables, so the words of an item's taxonomies are
matched when the query runs, in the same SQL statement: the few taxonomy rows whose names
match are found by a subquery, the rows tagged with them by another, and a renamed theme
is searched by its new name at once, with no vector to renew. Ranking keeps a match in the
title first (weight A), then a match by taxonomy or type, then the body (see rank()).

What a visitor types is widened in Python by the glossary (common.models.GlossaryEntry):
a word or phrase of an entry also searches for the entry's other words, in both languages.

Only stock PostgreSQL is used (no extensions), so this runs on any managed server.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.core.signals import request_started
from django.db import connection, models
from django.db.models import Case, ExpressionWrapper, F, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save
from django.db.models.sql import Query
from django.utils import translation

from common.generations import Generation, current_many

# Letters and digits only: what goes into a raw tsquery can never be tsquery syntax.
_WORD = re.compile(r"[^\W_]+")
MAX_LENGTH = 200
# The stemmings a visitor's words are matched with: the portal's two languages.
CONFIGS = ("danish", "english")


def search_query(
    text: str, *, configs: Iterable[str] = CONFIGS, glossary: bool = True
) -> SearchQuery | None:
    """The tsquery for what a visitor typed, or None when nothing searchable is left.

    The whole text is matched with each stemming (websearch syntax, so quotes and `-word`
    work and nothing can be a syntax error), and, where it holds words of the glossary,
    also with each such word replaced by any of the entry's words ("ældre hjælp" also
    searches "older people hjælp" and "seniors hjælp"). While typing, the last word is
    usually unfinished, so the earlier words plus a prefix match of the last word ("virk"
    finds "virksomhed") are OR-ed in. An excluded word stays excluded.
    """
    # PostgreSQL's text cannot hold NUL: a typed or pasted one would be a server error.
    text = text.replace("\x00", "").strip()[:MAX_LENGTH]
    words = _WORD.findall(text)
    if not words:
        return None
    configs = tuple(configs)
    query = _websearch(text, configs)
    entries = glossary_entries() if glossary else []
    query = _widened(text, query, configs, entries)
    tokens = text.split()
    last = tokens[-1]
    if last.startswith("-") or last.endswith('"'):
        # An excluded word or a quoted phrase is finished: no prefix match, which would
        # otherwise bring back exactly what the visitor excluded.
        _split(query, text, configs, entries, prefix=False)
        return _compiled(query)
    prefix = SearchQuery(f"{words[-1].lower()}:*", config="simple", search_type="raw")
    rest = " ".join(tokens[:-1])  # the earlier words as typed, so "-word" still excludes
    if _WORD.search(rest):
        prefix = _websearch(rest, configs) & prefix
    query = query | prefix
    _split(query, text, configs, entries, prefix=True)
    return _compiled(query)


class _Compiled(SearchQuery):
    """A search query compiled to SQL once, a leaf for the ORM however often it is used.
    A query widened by the glossary is a tree of dozens of nodes, used in the filter, in
    the rank and in every taxonomy's subquery; resolving and copying that tree each time
    cost the portal-wide search more than the database's own work.

    The SQL is a scalar subquery, so PostgreSQL computes the tsquery once per statement
    and plans every match without seeing it: a common word's many ORed lexemes made the
    planner expect a quarter of the table and read every row's vector; a tsquery it
    cannot see is planned on the GIN index, which finds the same rows several times
    faster (tens of thousands of actors and resources)."""

    def __init__(self, sql: str, params: tuple):
        models.Expression.__init__(self, output_field=SearchQueryField())
        self.source_expressions, self.extra = [], {}  # what Func's copy() reads
        self.sql, self.params = sql, params

    def get_source_expressions(self) -> list:
        return []

    def set_source_expressions(self, exprs) -> None:
        assert not exprs

    def resolve_expression(self, *args, **kwargs):
        return self

    def as_sql(self, compiler, connection, **extra):
        return f"(SELECT {self.sql})", list(self.params)


def _compiled(query: SearchQuery) -> SearchQuery:
    """`query` (and its `terms` and `excluded`, see _split()) compiled once."""

    def compile_one(one: SearchQuery) -> _Compiled:
        compiler = Query(None).get_compiler(connection=connection)
        sql, params = compiler.compile(one)
        return _Compiled(sql, tuple(params))

    compiled = compile_one(query)
    terms = getattr(query, "terms", None)
    compiled.terms = None if terms is None else [compile_one(term) for term in terms]
    compiled.excluded = [compile_one(term) for term in getattr(query, "excluded", [])]
    return compiled


def _split(query, text: str, configs, entries: list[list[str]], *, prefix: bool) -> None:
    """Attach to `query` its terms, for matching each word in the row's own words OR in
    what the portal knows about it (found()): `query.terms`, one tsquery per word or
    quoted phrase or glossary phrase (with the entry's other words as alternatives, and
    the prefix match for the last word), and `query.excluded`, one per "-word". With a
    websearch "or", `terms` is None and the whole query is matched either way."""
    tokens = _TOKEN.findall(text.lower())
    if any(t == "or" for t in tokens):
        query.terms, query.excluded = None, []
        return
    excluded = [t[1:] for t in tokens if t.startswith("-") and _WORD.search(t)]
    positive = [t for t in tokens if not t.startswith("-") and _WORD.search(t)]
    quoted = [t for t in positive if t.startswith('"')]
    words = [w for t in positive if not t.startswith('"') for w in _WORD.findall(t)]
    used: set[int] = set()
    terms = []
    for entry in entries:
        for phrase in entry:
            at = _find(words, _WORD.findall(phrase), used)
            if at is not None:
                used.update(at)
                either = None
                for alternative in entry:
                    one = _websearch(alternative, configs)
                    either = one if either is None else either | one
                terms.append(either)
                break
    last = tokens[-1] if tokens else ""
    for i, word in enumerate(words):
        if i in used or word in _STOP_WORDS:
            continue
        term = _websearch(word, configs)
        if prefix and i == len(words) - 1 and last.endswith(word) and not last.startswith("-"):
            term = term | SearchQuery(f"{word}:*", config="simple", search_type="raw")
        terms.append(term)
    terms += [_websearch(t, configs) for t in quoted]
    query.terms = terms
    query.excluded = [_websearch(t, configs) for t in excluded]


# A word or a quoted phrase, with its minus if excluded.
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
# Words too common to be a term of their own (the text-search configurations drop them).
_STOP_WORDS = frozenset(
    "og i at er en et den det de til af på for med som om fra har the of and a an in to "
    "for with on at by is are or from".split()
)


def _widened(
    text: str, query: SearchQuery, configs: tuple[str, ...], entries: list[list[str]]
) -> SearchQuery:
    """`query` OR the text with each glossary phrase in it replaced by its entry."""
    tokens = text.lower().split()
    kept = [t for t in tokens if not t.startswith("-")]
    excluded = [t for t in tokens if t.startswith("-")]
    words = _WORD.findall(" ".join(kept))
    used: set[int] = set()
    groups: list[list[str]] = []
    for entry in entries:
        for phrase in entry:
            at = _find(words, _WORD.findall(phrase), used)
            if at is not None:
                used.update(at)
                groups.append(entry)
                break
    if not groups:
        return query
    widened = None
    for entry in groups:
        either = None
        for phrase in entry:
            one = _websearch(phrase, configs)
            either = one if either is None else either | one
        widened = either if widened is None else widened & either
    rest = " ".join([w for i, w in enumerate(words) if i not in used] + excluded)
    if _WORD.search(rest):
        widened = widened & _websearch(rest, configs)
    return query | widened


def _find(words: list[str], phrase: list[str], used: set[int]) -> range | None:
    """Where the phrase's words stand together in `words`, each word equal or, for words
    of five letters or more, the start of the word typed with an ending of at most four
    letters ("flygtningene", "familierne"; not "seniorhusene" for "senior")."""
    if not phrase:
        return None
    for start in range(len(words) - len(phrase) + 1):
        at = range(start, start + len(phrase))
        if used.intersection(at):
            continue
        if all(
            words[i] == p
            or (len(p) >= 5 and words[i].startswith(p) and len(words[i]) - len(p) <= 4)
            for i, p in zip(at, phrase, strict=True)
        ):
            return at
    return None


# Renewed by every change of the glossary: pages that search depend on it.
GLOSSARY = Generation("glossary")


def glossary_entries() -> list[list[str]]:
    """The glossary's entries, each a list of phrases, read once per request."""
    from common.models import GlossaryEntry, phrases  # the app registry is ready by now

    memo = getattr(_REQUEST, "glossary", None)
    if memo is not None:
        return memo
    _REQUEST.glossary = entries = _glossary_entries(GlossaryEntry, phrases)
    return entries


def _glossary_entries(GlossaryEntry, phrases) -> list[list[str]]:
    # One small query: cheaper than the cache's own bookkeeping on a miss.
    entries = (phrases(words) for words in GlossaryEntry.objects.values_list("words", flat=True))
    return [entry for entry in entries if len(entry) > 1]


# The glossary read once per request (a list page parses the words several times): the
# memo is cleared when a request starts and when an entry changes in this process.
_REQUEST = threading.local()


def forget_glossary(**_signal) -> None:
    _REQUEST.glossary = None


def watch_glossary(model: type[models.Model]) -> None:
    GLOSSARY.watch(model)
    request_started.connect(forget_glossary, dispatch_uid="search-glossary-request")
    post_save.connect(forget_glossary, sender=model, dispatch_uid="search-glossary-save")
    post_delete.connect(forget_glossary, sender=model, dispatch_uid="search-glossary-delete")


def _websearch(text: str, configs: tuple[str, ...]) -> SearchQuery:
    query = SearchQuery(text, config=configs[0], search_type="websearch")
    for config in configs[1:]:
        query = query | SearchQuery(text, config=config, search_type="websearch")
    return query


def ranked(queryset: QuerySet, query: SearchQuery, *, field: str = "search_vector") -> QuerySet:
    """The matching rows, best match first (ties by primary key, so pages are stable)."""
    return (
        found(queryset, query, field=field)
        .annotate(rank=rank(queryset.model, query, field=field))
        .order_by("-rank", "pk")
    )


# --- When nothing is found ----------------------------------------------------------------

VOCABULARY_KEY = "search:vocabulary"
VOCABULARY_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Vocabulary:
    """The portal's words, and the same words by length (what suggestion() compares)."""

    words: frozenset[str]
    by_length: dict[int, tuple[str, ...]]

    @classmethod
    def of(cls, words: Iterable[str]) -> Vocabulary:
        by_length: dict[int, list[str]] = {}
        for word in sorted(set(words)):
            by_length.setdefault(len(word), []).append(word)
        return cls(frozenset(words), {n: tuple(w) for n, w in by_length.items()})

    def __contains__(self, word: str) -> bool:
        return word in self.words


# The vocabulary as this process last read it, with the stamps it was read under.
_VOCABULARY: dict[str, tuple[dict[str, str], Vocabulary]] = {}


def vocabulary(
    querysets: Iterable[QuerySet],
    extra: Callable[[], Iterable[str]],
    generations: Iterable[Generation] = (),
) -> Vocabulary:
    """The words the portal holds: the unstemmed words (weight D, the "simple" parts) of
    the public rows' vectors, read in one query, and the `extra` words (taxonomy names,
    the glossary). Reading every vector costs seconds on a large portal, so the words are
    kept, in the cache and in the process, until one of `generations` (the data they are
    read from) changes, or a day has passed."""
    generations = tuple(generations)
    stamps = current_many(generations) if generations else {}
    memo = _VOCABULARY.get(VOCABULARY_KEY)
    if memo is not None and memo[0] == stamps:
        return memo[1]
    stamped = ":".join(f"{n}={v}" for n, v in sorted(stamps.items()))
    key = f"{VOCABULARY_KEY}:{hashlib.sha256(stamped.encode()).hexdigest()[:32]}"
    words = cache.get(key)
    if words is None:
        words = _read_vocabulary(querysets, extra)
        cache.set(key, words, VOCABULARY_SECONDS)
    known = Vocabulary.of(words)
    _VOCABULARY[VOCABULARY_KEY] = (stamps, known)
    return known


def _read_vocabulary(querysets: Iterable[QuerySet], extra: Callable[[], Iterable[str]]) -> set:
    selects, params = [], []
    for queryset in querysets:
        sql, sql_params = queryset.values("search_vector").query.sql_with_params()
        selects.append(
            f"SELECT u.lexeme FROM ({sql}) AS t, unnest(t.search_vector) AS u "
            "WHERE 'D' = ANY(u.weights)"
        )
        params.extend(sql_params)
    words = set()
    if selects:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ".join(selects), params)
            words.update(row[0] for row in cursor.fetchall())
    for text in extra():
        words.update(w.lower() for w in _WORD.findall(text))
    return {w for w in words if len(w) >= 3 and not w.isdigit()}


# difflib's ratio is 2 * matches / (len(a) + len(b)): at this cutoff a word can only be
# close to words whose length is within these bounds of its own.
SUGGESTION_CUTOFF = 0.75


def suggestion(text: str, words: Vocabulary) -> str | None:
    """What the visitor may have meant: each typed word the portal does not know replaced
    by the closest word it does, or None when no word changes. Only the words of a length
    that could be close enough are compared (difflib would skip the others anyway)."""
    typed = _WORD.findall(text.lower()[:MAX_LENGTH])
    changed, suggested = False, []
    for word in typed:
        if word in words or len(word) < 3:
            suggested.append(word)
            continue
        m = len(word)
        candidates = [
            known
            for n, same_length in words.by_length.items()
            if 2 * min(m, n) / (m + n) >= SUGGESTION_CUTOFF
            for known in same_length
        ]
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=SUGGESTION_CUTOFF)
        if close:
            changed = True
        suggested.append(close[0] if close else word)
    return " ".join(suggested) if changed else None


def count_unanswered(text: str) -> None:
    """Count a search that found nothing: its words, lower case, never who searched."""
    from common.models import UnansweredSearch

    words = " ".join(text.replace("\x00", "").lower().split())[:200]
    if not words:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {UnansweredSearch._meta.db_table} "
            "(words, count, first_seen, last_seen) VALUES (%s, 1, now(), now()) "
            "ON CONFLICT (words) DO UPDATE SET count = "
            f"{UnansweredSearch._meta.db_table}.count + 1, last_seen = now()",
            [words],
        )


# --- What the portal knows about a row ----------------------------------------------------

# The rank's tiers: a match in the title (weight A) first, then a match by taxonomy or
# type, then the rest; within a tier, ts_rank scaled into [0, 1) (normalization 32).
TITLE_RANK = 2.0
TAXONOMY_RANK = 1.0


@dataclass(frozen=True)
class About:
    """What the portal knows about the rows of a model, declared on it as `search_about`:
    `relations`, many-to-many fields to taxonomies whose `names` (one per language) find
    the row; `choices`, choice fields whose labels in both languages find the row;
    `words`, what every row of the model is about, in both languages (a funding call is
    about "finansiering")."""

    relations: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    words: str = ""
    names: tuple[str, ...] = ("name_da", "name_en")


def found(queryset: QuerySet, query: SearchQuery, *, field: str = "search_vector") -> QuerySet:
    """The rows of `queryset` that `query` finds: by their own words (the stored vector
    `field`, or an annotation of that name), or with every word found in their own words
    or in what the portal knows about them ("ældre aarhus": tagged Ældre, in Aarhus). An
    excluded word excludes by either. One SQL statement: each vector match is a subquery
    on its GIN index."""
    model = queryset.model
    condition = _own(model, query, field)
    terms = getattr(query, "terms", None)
    if getattr(model, "search_about", None) is not None:
        if terms is None:
            condition |= _about(model, query)
        elif terms:
            both = Q()
            for term in terms:
                both &= _own(model, term, field) | _about(model, term)
            condition |= both
        for term in getattr(query, "excluded", []):
            condition &= ~(_own(model, term, field) | _about(model, term))
    return queryset.filter(condition)


def _own(model: type[models.Model], query: SearchQuery, field: str) -> Q:
    try:
        model._meta.get_field(field)
    except FieldDoesNotExist:
        return Q(**{field: query})  # a vector computed in the query (small tables)
    return Q(pk__in=model._base_manager.filter(**{field: query}).values("pk"))


def rank(model: type[models.Model], query: SearchQuery, *, field: str = "search_vector"):
    """The rank of a found row: TITLE_RANK when the query matches its title (weight A),
    plus TAXONOMY_RANK when its taxonomies or type match, plus its own words' ts_rank."""
    title = Case(When(_TitleMatch(field, query), then=Value(TITLE_RANK)), default=Value(0.0))
    # Only the rows that the query finds by their own words are ranked by them: a row
    # found by its themes alone ranks by that, and its vector is never read (ts_rank and
    # ts_filter on tens of thousands of rows tagged with a common theme cost seconds).
    words = SearchRank(F(field), query, normalization=Value(32))
    # Tested on the row itself: it is one of the rows found, and a subquery here would
    # read the whole index (or table) a second time.
    own = Case(When(Q(**{field: query}), then=title + words), default=Value(0.0))
    about = _about(model, query)
    bonus = Value(0.0)
    if about is not None:
        bonus = Case(When(about, then=Value(TAXONOMY_RANK)), default=Value(0.0))
    return ExpressionWrapper(bonus + own, output_field=models.FloatField())


class _TitleMatch(models.Expression):
    """True where the query matches the weight-A (title) part of the vector."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, field: str, query: SearchQuery):
        super().__init__(output_field=models.BooleanField())
        self.vector = F(field)
        self.query = query

    def get_source_expressions(self):
        return [self.vector, self.query]

    def set_source_expressions(self, exprs):
        self.vector, self.query = exprs

    def as_sql(self, compiler, connection):
        vector, vector_params = compiler.compile(self.vector)
        query, query_params = compiler.compile(self.query)
        return f"(ts_filter({vector}, '{{a}}') @@ ({query}))", [*vector_params, *query_params]


def _about(model: type[models.Model], query: SearchQuery) -> Q | None:
    about: About | None = getattr(model, "search_about", None)
    if about is None:
        return None
    condition = Q()
    for relation in about.relations:
        m2m = model._meta.get_field(relation)
        names = m2m.related_model._base_manager.annotate(
            search_names=names_vector(about.names)
        ).filter(search_names=query)
        tagged = m2m.remote_field.through._base_manager.filter(
            **{f"{m2m.m2m_reverse_field_name()}__in": names.values("pk")}
        ).values(m2m.m2m_field_name())
        condition |= Q(pk__in=tagged)
    for name in about.choices:
        condition |= Q(_LabelledAs(name, choice_words(model, name), query))
    if about.words:
        condition |= Q(_LabelledAs(None, [("", about.words)], query))
    return condition


def names_vector(names: tuple[str, ...]) -> SearchVector:
    """A taxonomy's names as a tsvector, computed in the query: the Danish name stemmed as
    Danish, the English as English, and both unstemmed."""
    danish, english = names
    return (
        SearchVector(danish, config="danish")
        + SearchVector(english, config="english")
        + SearchVector(danish, english, config="simple")
    )


def choice_words(model: type[models.Model], name: str) -> list[tuple[str, str]]:
    """(value, its label in Danish and English) for each choice of a field."""
    words = []
    for value, label in model._meta.get_field(name).flatchoices:
        both = []
        for language in ("da", "en"):
            with translation.override(language):
                both.append(str(label))
        words.append((str(value), " ".join(both)))
    return words


class _LabelledAs(models.Expression):
    """True where the row's choice column holds a value whose label matches the query:
    `column IN (SELECT value FROM (VALUES ...) WHERE label-vector @@ query)`; without a
    column, true for every row when any of the words match."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, column: str | None, words: list[tuple[str, str]], query: SearchQuery):
        super().__init__(output_field=models.BooleanField())
        self.column = F(column) if column else Value("")
        self.words = words
        self.query = query

    def get_source_expressions(self):
        return [self.column, self.query]

    def set_source_expressions(self, exprs):
        self.column, self.query = exprs

    def as_sql(self, compiler, connection):
        if not self.words:
            return "FALSE", []
        column, column_params = compiler.compile(self.column)
        query, query_params = compiler.compile(self.query)
        rows = ", ".join(["(%s, %s)"] * len(self.words))
        vector = (
            "to_tsvector('danish'::regconfig, w) || to_tsvector('english'::regconfig, w) "
            "|| to_tsvector('simple'::regconfig, w)"
        )
        if isinstance(self.column, Value):
            column, column_params = "''", []
        sql = (
            f"{column} IN (SELECT v FROM (VALUES {rows}) AS labels(v, w) "
            f"WHERE ({vector}) @@ ({query}))"
        )
        params = [*column_params, *(p for pair in self.words for p in pair), *query_params]
        return sql, params


# --- The stored vector --------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """Some fields of the row, with their weight and their text-search configuration
    (a name such as "danish", or an expression from `language_config()`)."""

    fields: tuple[str, ...]
    weight: str
    config: str | models.Expression


def language_config(field: str, configs: dict[str, str], *, default: str = "simple") -> Case:
    """The configuration chosen by the row's language column, e.g.
    language_config("language", {"da": "danish", "en": "english"}); other languages get
    `default` (no stemming). Immutable, so it can build a generated column."""
    return Case(
        *(
            When(**{field: code}, then=Cast(Value(config), output_field=_RegConfig()))
            for code, config in configs.items()
        ),
        default=Cast(Value(default), output_field=_RegConfig()),
    )


class _RegConfig(models.Field):
    def db_type(self, connection) -> str:
        return "regconfig"


def search_vector(*parts: Part) -> models.GeneratedField:
    """The stored, generated tsvector column computed by PostgreSQL from `parts`."""
    expression = None
    for part in parts:
        vector = SearchVector(*part.fields, weight=part.weight, config=part.config)
        expression = vector if expression is None else expression + vector
    return models.GeneratedField(
        expression=expression, output_field=SearchVectorField(), db_persist=True
    )
