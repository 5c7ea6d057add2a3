"""Reads of the bank search: results, facet counts and suggestions, only over what the visitor may see."""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Sum
from django.utils.translation import gettext as _
from taggit.models import Tag

from bank.models import FacetTotal, ProjectType, SolutionPage, SolutionRow, SolutionRowsVersion, SubjectArea
from bank.models.pages import academic_year_label
from bank.search.facet_keys import FACETS, facet_key, split_key
from bank.selectors import CARD_RENDITION, visible_solutions, with_card_data
from residents.selectors import STAFF, User, visible_audiences
from search import engine
from search.fields import contains_all, elements
from search.highlight import has_match, highlight
from search.normalize import normalize
from search.normalize import words as fold_words

TAG_FACET_SIZE = 20
RESULTS_TTL = 600  # seconds; a change to any solution makes cached results stale at once
COVER_RENDITION = CARD_RENDITION


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class BankResults:
    count: int
    page: PaginatorPage
    facets: dict[str, list[FacetValue]]
    query_stems: set[str] = field(default_factory=set)

    @property
    def results(self) -> list[SolutionPage]:
        return list(self.page.object_list)


def _facet_values(rows, params: dict, name: str, label=str) -> list[FacetValue]:
    selected = str(params.get(name) or "")
    return [
        FacetValue(value=str(value), label=label(title), count=count, selected=str(value) == selected)
        for value, title, count in rows
        if count
    ]


SLUG_TABLES = {"subject": SubjectArea, "type": ProjectType, "tag": Tag}


def _filters(params: dict) -> tuple[list[str], list]:
    """The facet filters as one condition on the search rows' facet keys (`r`), which PostgreSQL answers from
    a GIN index; an unknown slug or number matches nothing. Table names come from the models; the values go
    in as parameters."""
    items, values = [], []
    for facet in FACETS:
        value = params.get(facet)
        if not value:
            continue
        if facet in SLUG_TABLES:
            table = SLUG_TABLES[facet]._meta.db_table
            items.append(f"({facet_key(facet, 0)} + (SELECT id FROM {table} WHERE slug = %s))")  # noqa: S608
            values.append(value)
        else:
            try:
                values.append(facet_key(facet, int(value)))
            except (TypeError, ValueError):
                return ["1 = 0"], []
            items.append("%s")
    return ([contains_all("r.facet_keys", items, connection)] if items else []), values


def _visibility(user: User, within) -> tuple[list[str], list]:
    """Live solutions of the audiences this visitor may see, outside view restrictions, under `within`."""
    where, values = ["r.live", "NOT r.restricted"], []
    audiences = visible_audiences(user=user)
    if not audiences >= set(STAFF):
        where.append(f"r.audience IN ({', '.join(['%s'] * len(audiences))})" if audiences else "1 = 0")
        values += sorted(audiences)
    if within is not None:
        where.append("r.path LIKE %s AND r.path <> %s")
        values += [f"{within.path}%", within.path]
    return where, values


def _statement(match: engine.RowMatch, where: list[str], order: str) -> str:
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


def _labels(counts: dict[str, dict[int, int]]) -> dict[str, dict[int, tuple[str, str]]]:
    """(slug, name) of the subjects, project types and tags that have counts, in one query."""
    parts, values = [], []
    for facet, model in SLUG_TABLES.items():
        ids = list(counts[facet])
        if ids:
            # Table names come from the models; ids go in as parameters.
            parts.append(
                f"SELECT '{facet}', id, slug, name FROM {model._meta.db_table} "  # noqa: S608
                f"WHERE id IN ({', '.join(['%s'] * len(ids))})"
            )
            values += ids
    labels = {facet: {} for facet in SLUG_TABLES}
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), values)
            for facet, pk, slug, name in cursor.fetchall():
                labels[facet][pk] = (slug, name)
    return labels


def _facets(counts: dict[str, dict[int, int]], params: dict) -> dict[str, list[FacetValue]]:
    labels = _labels(counts)

    def values(facet: str, ordering) -> list[tuple[str, str, int]]:
        rows = [(*labels[facet][pk], count) for pk, count in counts[facet].items() if pk in labels[facet]]
        return sorted(rows, key=ordering)

    return {
        "subject": _facet_values(values("subject", lambda row: row[1]), params, "subject"),
        "grade": _facet_values(
            [(n, n, counts["grade"][n]) for n in sorted(counts["grade"])],
            params,
            "grade",
            lambda n: _("%(grade)s класс") % {"grade": n},
        ),
        "year": _facet_values(
            [(year, year, counts["year"][year]) for year in sorted(counts["year"], reverse=True) if year],
            params,
            "year",
            academic_year_label,
        ),
        "type": _facet_values(values("type", lambda row: row[1]), params, "type"),
        "tag": _facet_values(values("tag", lambda row: (-row[2], row[1]))[:TAG_FACET_SIZE], params, "tag"),
    }


def _run(sql: str, params: list, *, limit: int, offset: int) -> tuple[int, dict[str, dict[int, int]], list[int]]:
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


def _cached_run(sql: str, params: list, *, limit: int, offset: int):
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


def _whole_bank_counts(user: User, within) -> tuple[int, dict[str, dict[int, int]]]:
    """Browsing whole banks, without a query or a filter: the counts read from the facet totals, one query."""
    totals = FacetTotal.objects.filter(count__gt=0)
    audiences = visible_audiences(user=user)
    if not audiences >= set(STAFF):
        totals = totals.filter(audience__in=audiences)
    if within is not None:
        totals = totals.filter(bank_path=within.path)
    total, counts = 0, {facet: {} for facet in FACETS}
    for key, count in totals.values_list("key").annotate(count=Sum("count")).order_by():
        if key == 0:
            total = count
        else:
            facet, item = split_key(key)
            counts[facet][item] = count
    return total, counts


def _newest_ids(where: list[str], params: list, *, limit: int, offset: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT r.page_id FROM {SolutionRow._meta.db_table} r WHERE {' AND '.join(where)} "  # noqa: S608
            "ORDER BY r.published_date DESC, r.page_id DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [pk for (pk,) in cursor.fetchall()]


def _page_number(value) -> int:
    try:
        return max(1, int(value or 1))
    except (TypeError, ValueError):
        return 1


def search_solutions(*, user: User, params: dict, per_page: int = 12, within=None) -> BankResults:
    """The bank search: query, facet filters, facet counts, sorting and one page of results.

    The visible, filtered matches are counted five ways and paged in one statement over the search rows
    (`search.models.SolutionRow`), remembered until a row changes; browsing whole banks reads the facet
    totals instead. The page's cards take a constant number of queries more.
    """
    query = normalize(params.get("q") or "")
    match = engine.row_match(SolutionPage, query) if query else engine.RowMatch()
    by_relevance = bool(query) and params.get("sort", "relevance") == "relevance"
    visible, visible_values = _visibility(user, within)
    filters, filter_values = _filters(params)
    number = _page_number(params.get("page"))
    if query or filters:
        sql = _statement(match, [*visible, *filters], f"{match.order}, " if by_relevance and match.order else "")
        values = [*match.params, *visible_values, *filter_values]

        def page_ids(offset: int) -> list[int]:
            return _cached_run(sql, values, limit=per_page, offset=offset)[2]

        total, counts, hits = _cached_run(sql, values, limit=per_page, offset=(number - 1) * per_page)
    else:

        def page_ids(offset: int) -> list[int]:
            return _newest_ids(visible, visible_values, limit=per_page, offset=offset)

        (total, counts), hits = _whole_bank_counts(user, within), page_ids((number - 1) * per_page)
    page = Paginator(range(total), per_page).get_page(number)
    if total and page.number != number:  # past the last page: show the last one, as Django's paginator does
        hits = page_ids((page.number - 1) * per_page)
    by_id = {solution.pk: solution for solution in with_card_data(SolutionPage.objects.filter(pk__in=hits))}
    page.object_list = [by_id[pk] for pk in hits if pk in by_id]
    stems = set(query.split())
    for solution in page.object_list:
        solution.snippet = _snippet(solution, stems)
    return BankResults(count=total, page=page, facets=_facets(counts, params), query_stems=stems)


def _snippet(solution: SolutionPage, stems: set[str]):
    if not stems:
        return highlight(solution.summary, stems)
    texts = [solution.summary, solution.problem, solution.goal, *solution.stage_texts, solution.result, solution.reuse]
    text = next((text for text in texts if has_match(text, stems)), solution.summary)
    return highlight(text, stems)


def suggest_titles(*, user: User, prefix: str, limit: int = 8) -> list[SolutionPage]:
    """Titles of visible solutions with words starting with what the visitor has typed so far."""
    words = " ".join(fold_words(prefix))
    if len(words) < 2:
        return []
    ranked = engine.suggest(SolutionPage, words).ranked(limit * 10)
    visible = visible_solutions(SolutionPage.objects.filter(pk__in=ranked), user=user)
    allowed = {solution.pk: solution for solution in visible.only("id", "title", "url_path")}
    return [allowed[pk] for pk in ranked if pk in allowed][:limit]
