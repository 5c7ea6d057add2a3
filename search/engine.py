"""Runs a normalised full-text query on the configured backend, falling back to the database backend.

Every backend answers with the same `Match`: an id subquery (for visibility, facet filters and facet counts,
applied in the database whatever the backend) and the ids in order of relevance. One full-text evaluation
feeds each, so a search costs a constant number of SQL queries.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from search.backends.elasticsearch import UNAVAILABLE

logger = logging.getLogger(__name__)

# Relevance orders at most this many best matches; any further ones follow, newest first.
RANK_LIMIT = 10_000


@dataclass
class Match:
    ids: Any  # a subquery or list usable as `pk__in=`
    ranked: Callable[[int], list[int]]  # the best `limit` ids, best first


def _sqlite_match(model, query: str) -> Match:
    """SQLite FTS5 with the full-text table driving the join: modelsearch's own query puts it in the inner
    loop and evaluates the MATCH once per index row, which takes seconds at a few thousand solutions."""
    config = get_app_config()
    fts = config.get_model("SQLiteFTSIndexEntry")._meta.db_table
    entries = config.get_model("IndexEntry")._meta.db_table
    expression = "{title body} : (" + " AND ".join(f'"{term}"' for term in query.split()) + ")"
    content_type = ContentType.objects.get_for_model(model).pk
    sql = (
        f"SELECT CAST(e.object_id AS INTEGER) FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid "  # noqa: S608
        f"WHERE {fts} MATCH %s AND e.content_type_id = %s"
    )

    def ranked(limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} ORDER BY bm25({fts}) LIMIT %s", [expression, content_type, limit])
            return [pk for (pk,) in cursor.fetchall()]

    # The query's terms are stems of [0-9a-zа-я] only and go in as parameters, never into the SQL text.
    return Match(ids=RawSQL(sql, (expression, content_type)), ranked=ranked)  # noqa: S611


def _backend_match(backend, model, query: str) -> Match:
    results = backend.search(query, model.objects.all(), order_by_relevance=True)
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
    if isinstance(backend, SQLiteSearchBackend):
        return _sqlite_match(model, query)
    return _backend_match(backend, model, query)


def match(model, query: str) -> Match:
    """The objects of `model` that match the (already normalised) query; visibility is the caller's."""
    try:
        return _match_with(get_search_backend(), model, query)
    except UNAVAILABLE as error:
        if "database" not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        logger.warning("Search backend unreachable, answering from the database backend: %s", error)
    return _match_with(get_search_backend("database"), model, query)


def _run(backend, method: str, queryset: QuerySet, query: str) -> QuerySet:
    results = getattr(backend, method)(query, queryset)
    if hasattr(results, "get_queryset"):
        return results.get_queryset()
    return queryset.filter(pk__in=[obj.pk for obj in results[:RANK_LIMIT]])


def suggest(queryset: QuerySet, prefix: str) -> QuerySet:
    """Objects whose suggestion text has words starting with the (folded) prefix."""
    try:
        return _run(get_search_backend(), "autocomplete", queryset, prefix)
    except UNAVAILABLE as error:
        if "database" not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        logger.warning("Search backend unreachable, suggesting from the database backend: %s", error)
    return _run(get_search_backend("database"), "autocomplete", queryset, prefix)
