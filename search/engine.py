"""Runs a normalised full-text query on the configured backend, falling back to the database backend.

An app that keeps narrow search rows of its objects (a table keyed by `page_id`; on PostgreSQL with the
vectors of `search.vectors`) asks for a `RowMatch`: SQL that joins the query to those rows (`r`), so that its
visibility, filters, counts and page of results are one statement whatever the backend. Others ask for a
`Match`: an id subquery and the ids in order of relevance. One full-text evaluation feeds each, so a search
costs a constant number of SQL queries. Nothing here knows which models are searched: the caller names one.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from search.backends.elasticsearch import UNAVAILABLE

logger = logging.getLogger(__name__)

# Relevance orders at most this many best matches; any further ones follow, newest first.
RANK_LIMIT = 2_000


def _is_sqlite_fts(backend) -> bool:
    # Compared by name: the SQLite backend's module cannot be imported where the database is PostgreSQL.
    return type(backend).__name__ == "SQLiteSearchBackend"


@dataclass
class Match:
    ids: Any  # a subquery or list usable as `pk__in=`
    ranked: Callable[[int], list[int]]  # the best `limit` ids, best first


def _sqlite_fts(model, query: str, *, columns: str = "title body", prefix: bool = False) -> tuple[str, str, tuple]:
    """The FTS5 table, `FROM ... WHERE ...` with the full-text table driving the join, and its parameters.

    modelsearch's own query puts the FTS5 table in the inner loop and evaluates the MATCH once per index
    row, which takes seconds at a few thousand solutions.
    """
    config = get_app_config()
    fts = config.get_model("SQLiteFTSIndexEntry")._meta.db_table
    entries = config.get_model("IndexEntry")._meta.db_table
    star = "*" if prefix else ""
    expression = "{" + columns + "} : (" + " AND ".join(f'"{term}"{star}' for term in query.split()) + ")"
    content_type = ContentType.objects.get_for_model(model).pk
    # The query's terms are stems of [0-9a-zа-я] only and go in as parameters, never into the SQL text.
    source = f"FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid WHERE {fts} MATCH %s AND e.content_type_id = %s"
    return fts, source, (expression, content_type)


def _sqlite_match(model, query: str, *, columns: str = "title body", prefix: bool = False) -> Match:
    fts, source, params = _sqlite_fts(model, query, columns=columns, prefix=prefix)
    sql = f"SELECT CAST(e.object_id AS INTEGER) {source}"

    def ranked(limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} ORDER BY bm25({fts}) LIMIT %s", [*params, limit])
            return [pk for (pk,) in cursor.fetchall()]

    return Match(ids=RawSQL(sql, params), ranked=ranked)  # noqa: S611


def _postgres_match(backend, model, query: str) -> Match:
    """PostgreSQL full text on the index table alone, so its GIN indexes on `title` and `body` answer;
    modelsearch's own query concatenates the two vectors per row, which no index can serve."""
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    config = backend.config or "simple"
    content_type = ContentType.objects.get_for_model(model).pk
    where = "e.content_type_id = %s AND (e.title @@ q OR e.body @@ q)"
    source = f"FROM {entries} e, plainto_tsquery(%s::regconfig, %s) q WHERE {where}"
    params = (config, query, content_type)

    def ranked(limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.object_id::integer {source} "
                "ORDER BY 2 * ts_rank(e.title, q) + ts_rank(e.body, q) DESC, e.object_id::integer DESC LIMIT %s",
                [*params, limit],
            )
            return [pk for (pk,) in cursor.fetchall()]

    # The query goes in as a parameter, never into the SQL text.
    return Match(ids=RawSQL(f"SELECT e.object_id::integer {source}", params), ranked=ranked)  # noqa: S611


def _own_fallback(results):
    """Results that raise when the engine cannot answer: `_with_fallback` then asks the database with the
    statements of this module, faster than the database backend's generic query."""
    return results.without_fallback() if hasattr(results, "without_fallback") else results


def _backend_match(backend, model, query: str) -> Match:
    results = _own_fallback(backend.search(query, model.objects.all(), order_by_relevance=True))
    if hasattr(results, "get_queryset"):
        unordered = backend.search(query, model.objects.all(), order_by_relevance=False).get_queryset()
        ordered = results.get_queryset()
        return Match(
            ids=unordered.order_by().values("pk"),
            ranked=lambda limit: list(ordered.values_list("pk", flat=True)[:limit]),
        )
    ids = [obj.pk for obj in results[:RANK_LIMIT]]  # an external engine answers here, or raises
    return Match(ids=ids, ranked=lambda limit: ids[:limit])


def _match_with(backend, model, query: str) -> Match:
    if _is_sqlite_fts(backend):
        return _sqlite_match(model, query)
    if type(backend).__name__ == "PostgresSearchBackend":
        return _postgres_match(backend, model, query)
    return _backend_match(backend, model, query)


def _with_fallback(answer: Callable, model, text: str, *, doing: str):
    """`answer(backend, model, text)` on the configured backend, or on the database backend when that one is
    unreachable (with a warning in the log)."""
    try:
        return answer(get_search_backend(), model, text)
    except UNAVAILABLE as error:
        if "database" not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        logger.warning("Search backend unreachable, %s from the database backend: %s", doing, error)
    return answer(get_search_backend("database"), model, text)


def match(model, query: str) -> Match:
    """The objects of `model` that match the (already normalised) query; visibility is the caller's."""
    return _with_fallback(_match_with, model, query, doing="answering")


@dataclass
class RowMatch:
    """How an app's search rows (alias `r`, keyed by `page_id`) meet a full-text query, as SQL fragments with
    their parameters.

    `columns` are carried into the statement's set of matches (alias `m`), where `order` ranks them, best
    first. `params` are in the order the fragments appear: columns, join, where.
    """

    columns: str = ""
    join: str = ""
    where: str = "1 = 1"
    order: str = ""
    params: tuple = ()


def _sqlite_row_match(model, query: str) -> RowMatch:
    fts, source, params = _sqlite_fts(model, query)
    return RowMatch(
        columns=", t.score AS _score",
        # LIMIT -1 (none) keeps SQLite from flattening the subquery into the join, which would put the
        # full-text table back in the inner loop.
        join=f"JOIN (SELECT CAST(e.object_id AS INTEGER) AS page_id, bm25({fts}) AS score {source} LIMIT -1) t "
        "ON t.page_id = r.page_id",
        order="m._score ASC",  # bm25() is smaller for better matches
        params=params,
    )


def _postgres_row_match(backend, model, query: str) -> RowMatch:
    """The rows' own GIN index. Up to RANK_LIMIT matches rank by their whole vectors in Wagtail's index, with
    positions and weights; beyond, a match in the title comes first (ranking a broad query's bodies would
    read every match's vector), then the newest."""
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    content_type = int(ContentType.objects.get_for_model(model).pk)
    full_rank = (
        f"(SELECT ts_rank(e.title || e.body, m._q) FROM {entries} e "  # noqa: S608
        f"WHERE e.content_type_id = {content_type} AND e.object_id = m.page_id::text)"
    )
    return RowMatch(
        columns=", r.title_document AS _title, q AS _q",
        join="CROSS JOIN plainto_tsquery(%s::regconfig, %s) q",
        where="r.document @@ q",
        order=(
            f"CASE WHEN (SELECT COUNT(*) FROM m) <= {RANK_LIMIT} THEN {full_rank} "  # noqa: S608
            "WHEN m._title @@ m._q THEN 1 ELSE 0 END DESC"
        ),
        params=(backend.config or "simple", query),
    )


def _ordered_ids_match(ids: list[int]) -> RowMatch:
    if not ids:
        return RowMatch(where="1 = 0")
    placeholders = ", ".join(["%s"] * len(ids))
    positions = " ".join(["WHEN %s THEN %s"] * len(ids))
    return RowMatch(
        columns=f", CASE r.page_id {positions} END AS _position",
        where=f"r.page_id IN ({placeholders})",
        order="m._position ASC",
        params=(*[value for position, pk in enumerate(ids) for value in (pk, position)], *ids),
    )


def _row_match_with(backend, model, query: str) -> RowMatch:
    if _is_sqlite_fts(backend):
        return _sqlite_row_match(model, query)
    if type(backend).__name__ == "PostgresSearchBackend":
        return _postgres_row_match(backend, model, query)
    return _ordered_ids_match(_backend_match(backend, model, query).ranked(RANK_LIMIT))


def row_match(model, query: str) -> RowMatch:
    """The (already normalised) query as SQL over the search rows; visibility is the caller's."""
    return _with_fallback(_row_match_with, model, query, doing="answering")


def _suggest_with(backend, model, prefix: str) -> Match:
    if _is_sqlite_fts(backend):
        return _sqlite_match(model, prefix, columns="autocomplete", prefix=True)
    results = _own_fallback(backend.autocomplete(prefix, model.objects.all()))
    if hasattr(results, "get_queryset"):
        ordered = results.get_queryset()
        return Match(
            ids=ordered.order_by().values("pk"), ranked=lambda limit: list(ordered.values_list("pk", flat=True)[:limit])
        )
    ids = [obj.pk for obj in results[:RANK_LIMIT]]
    return Match(ids=ids, ranked=lambda limit: ids[:limit])


def suggest(model, prefix: str) -> Match:
    """Objects of `model` whose suggestion text has words starting with the (folded) prefix words."""
    return _with_fallback(_suggest_with, model, prefix, doing="suggesting")
