"""The SQL of one bank search: the visible, filtered matches counted five ways and paged in one statement
over the search rows, remembered until a row changes; and the cheaper reads of browsing a whole bank."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Sum
from django.utils.translation import get_language, get_supported_language_variant
from wagtail.models import Locale, Page, TranslatableMixin

from bank.models.rows import FacetTotal, SolutionRow, SolutionRowsVersion
from bank.search.facet_keys import FACETS, facet_key, split_key
from bank.search.facets import SLUG_TABLES
from residents.selectors import STAFF, User, audiences_visible
from search.engine import RowMatch
from search.fields import contains_all, elements

RESULTS_TTL = 600  # seconds; a change to any solution makes cached results stale at once
Counts = dict[str, dict[int, int]]  # {facet: {value: count}}


def filters(params: dict) -> tuple[list[str], list]:
    """The facet filters as one condition on the search rows' facet keys (`r`), which PostgreSQL answers from
    a GIN index; an unknown slug or number matches nothing. Table names come from the models; the values go
    in as parameters."""
    items, values = [], []
    for facet in FACETS:
        value = params.get(facet)
        if not value:
            continue
        if facet in SLUG_TABLES:
            model = SLUG_TABLES[facet]
            source, language = "", []
            if issubclass(model, TranslatableMixin):  # a slug is unique per language; solutions point at Russian rows
                source, language = (
                    f" AND locale_id = (SELECT id FROM {Locale._meta.db_table} WHERE language_code = %s)",  # noqa: S608
                    [settings.LANGUAGE_CODE],
                )
            table = model._meta.db_table
            items.append(f"({facet_key(facet, 0)} + (SELECT id FROM {table} WHERE slug = %s{source}))")  # noqa: S608
            values += [value, *language]
        else:
            try:
                values.append(facet_key(facet, int(value)))
            except (TypeError, ValueError):
                return ["1 = 0"], []
            items.append("%s")
    return ([contains_all("r.facet_keys", items, connection)] if items else []), values


def _reading_language() -> str:
    return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)


def visibility(user: User, within) -> tuple[list[str], list]:
    """Live solutions of the audiences this visitor may see, outside view restrictions, under `within` (a bank
    page, in its own language) or, searching every bank, in the language being read: a solution and its
    translation are not listed side by side."""
    where, values = ["r.live", "NOT r.restricted"], []
    audiences = audiences_visible(user=user)
    if not audiences >= set(STAFF):
        where.append(f"r.audience IN ({', '.join(['%s'] * len(audiences))})" if audiences else "1 = 0")
        values += sorted(audiences)
    if within is not None:
        where.append("r.path LIKE %s AND r.path <> %s")
        values += [f"{within.path}%", within.path]
    else:
        where.append(
            f"EXISTS (SELECT 1 FROM {Page._meta.db_table} p JOIN {Locale._meta.db_table} l ON l.id = p.locale_id "  # noqa: S608
            "WHERE p.id = r.page_id AND l.language_code = %s)"
        )
        values.append(_reading_language())
    return where, values


def statement(match: RowMatch, where: list[str], order: str) -> str:
    """The visible, filtered matches (`m`) once; then their count, every facet value's count (one pass over
    the packed facet keys) and one page of them, in one statement."""
    return (
        "WITH m AS MATERIALIZED (SELECT r.page_id, r.published_date, r.facet_keys"  # noqa: S608
        f"{match.columns} FROM {SolutionRow._meta.db_table} r {match.join} "
        f"WHERE {' AND '.join([match.where, *where])}) "
        "SELECT 'total', 0, COUNT(*) FROM m "
        f"UNION ALL SELECT 'key', k.value, COUNT(*) FROM m CROSS JOIN {elements('m.facet_keys', 'k', connection)} "
        "GROUP BY k.value "
        "UNION ALL SELECT * FROM (SELECT 'hit', m.page_id, 0 FROM m "
        f"ORDER BY {order}m.published_date DESC, m.page_id DESC LIMIT %s OFFSET %s) hits"
    )


def _run(sql: str, params: list, *, limit: int, offset: int) -> tuple[int, Counts, list[int]]:
    """The number of matches, {facet: {value: count}} and the page's ids."""
    total, counts, hits = 0, {facet: {} for facet in FACETS}, []
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        for kind, value, count in cursor.fetchall():
            if kind == "hit":
                hits.append(value)
            elif kind == "key":
                facet, item = split_key(value)
                counts[facet][item] = count
            else:
                total = count
    return total, counts, hits


def cached_run(sql: str, params: list, *, limit: int, offset: int) -> tuple[int, Counts, list[int]]:
    """`_run`, remembered until any search row changes: the key holds the statement with every value that
    shapes it (query, filters, the visitor's audiences, view restrictions, page) and the rows' version."""
    version = SolutionRowsVersion.objects.values_list("token", flat=True).first()
    text = f"{version}|{sql}|{params!r}|{limit}|{offset}"
    key = "bank-search:" + hashlib.sha256(text.encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = _run(sql, params, limit=limit, offset=offset)
        cache.set(key, found, RESULTS_TTL)
    return found


def whole_bank_counts(user: User, within) -> tuple[int, Counts]:
    """Browsing whole banks, without a query or a filter: the counts read from the facet totals, one query."""
    totals = FacetTotal.objects.filter(count__gt=0)
    audiences = audiences_visible(user=user)
    if not audiences >= set(STAFF):
        totals = totals.filter(audience__in=audiences)
    if within is not None:
        totals = totals.filter(bank_path=within.path)
    else:  # the banks in the language being read (a subquery, no query of its own)
        banks = Page.objects.filter(locale__language_code=_reading_language()).values("path")
        totals = totals.filter(bank_path__in=banks)
    total, counts = 0, {facet: {} for facet in FACETS}
    for key, count in totals.values_list("key").annotate(count=Sum("count")).order_by():
        if key == 0:
            total = count
        else:
            facet, item = split_key(key)
            counts[facet][item] = count
    return total, counts


def newest_ids(where: list[str], params: list, *, limit: int, offset: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT r.page_id FROM {SolutionRow._meta.db_table} r WHERE {' AND '.join(where)} "  # noqa: S608
            "ORDER BY r.published_date DESC, r.page_id DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [pk for (pk,) in cursor.fetchall()]
