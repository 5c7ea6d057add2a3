"""Reads of the bank search: results, facet counts and suggestions, only over what the visitor may see."""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from bank.models.pages import SolutionPage
from bank.search import queries
from bank.search.facets import FacetValue, facets_of
from bank.selectors import CARD_RENDITION, solutions_visible, solutions_with_card_data
from pages.localized import localize_related
from residents.selectors import User
from search import engine
from search.highlight import has_match, highlight
from search.normalize import normalize
from search.normalize import words as fold_words

COVER_RENDITION = CARD_RENDITION


@dataclass
class SearchWindow:
    """A window of the bank search's results, with the whole result's count and facet counts."""

    count: int
    results: list[SolutionPage]
    facets: dict[str, list[FacetValue]]
    query_stems: set[str] = field(default_factory=set)


@dataclass
class BankResults:
    count: int
    page: PaginatorPage
    facets: dict[str, list[FacetValue]]
    query_stems: set[str] = field(default_factory=set)

    @property
    def results(self) -> list[SolutionPage]:
        return list(self.page.object_list)


MAX_PAGE = 100_000


def _page_number(value) -> int:
    """The page asked for, 1 for anything that is not a page number; a page past `MAX_PAGE` (far past the last)
    is read as `MAX_PAGE`, so that its offset stays a number the database takes."""
    try:
        return min(max(1, int(value or 1)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def _matches(*, user: User, params: dict, within, limit: int, offset: int):
    """The search's count, its facet counts and the ids of one window of results, over visible matches only;
    and a reader of another window, for a page asked past the last.

    The visible, filtered matches are counted five ways and windowed in one statement over the search rows
    (`bank.models.SolutionRow`), remembered until a row changes; browsing whole banks reads the facet
    totals instead."""
    query = normalize(params.get("q") or "")
    match = engine.row_match(SolutionPage, query) if query else engine.RowMatch()
    by_relevance = bool(query) and params.get("sort", "relevance") == "relevance"
    visible, visible_values = queries.visibility(user, within)
    filters, filter_values = queries.filters(params)
    if query or filters:
        sql = queries.statement(match, [*visible, *filters], f"{match.order}, " if by_relevance and match.order else "")
        values = [*match.params, *visible_values, *filter_values]

        def window_ids(*, limit: int, offset: int) -> list[int]:
            return queries.cached_run(sql, values, limit=limit, offset=offset)[2]

        total, counts, ids = queries.cached_run(sql, values, limit=limit, offset=offset)
    else:

        def window_ids(*, limit: int, offset: int) -> list[int]:
            return queries.newest_ids(visible, visible_values, limit=limit, offset=offset)

        (total, counts), ids = queries.whole_bank_counts(user, within), window_ids(limit=limit, offset=offset)
    return total, counts, ids, window_ids, set(query.split())


def _cards(ids: list[int], stems: set[str]) -> list[SolutionPage]:
    """The solutions of `ids` in that order, with what a card shows and the snippet around the query's words."""
    solutions = localize_related(
        list(solutions_with_card_data(SolutionPage.objects.filter(pk__in=ids))), "subjects", "project_type", "tags"
    )
    by_id = {solution.pk: solution for solution in solutions}
    cards = [by_id[pk] for pk in ids if pk in by_id]
    for solution in cards:
        solution.snippet = _snippet(solution, stems)
    return cards


def solutions_search_window(*, user: User, params: dict, limit: int, offset: int, within=None) -> SearchWindow:
    """The bank search for the APIs: `limit` results from `offset` on (none past the end)."""
    total, counts, ids, _window_ids, stems = _matches(
        user=user, params=params, within=within, limit=limit, offset=offset
    )
    return SearchWindow(count=total, results=_cards(ids, stems), facets=facets_of(counts, params), query_stems=stems)


def solutions_search(*, user: User, params: dict, per_page: int = 12, within=None) -> BankResults:
    """The bank search for the bank page: query, facet filters, facet counts, sorting and one page of results;
    a page past the last shows the last one, as Django's paginator does."""
    number = _page_number(params.get("page"))
    total, counts, ids, window_ids, stems = _matches(
        user=user, params=params, within=within, limit=per_page, offset=(number - 1) * per_page
    )
    page = Paginator(range(total), per_page).get_page(number)
    if total and page.number != number:
        ids = window_ids(limit=per_page, offset=(page.number - 1) * per_page)
    page.object_list = _cards(ids, stems)
    return BankResults(count=total, page=page, facets=facets_of(counts, params), query_stems=stems)


def _snippet(solution: SolutionPage, stems: set[str]):
    if not stems:
        return highlight(solution.summary, stems)
    texts = [solution.summary, solution.problem, solution.goal, *solution.stage_texts, solution.result, solution.reuse]
    text = next((text for text in texts if has_match(text, stems)), solution.summary)
    return highlight(text, stems)


def solution_title_suggestions(*, user: User, prefix: str, limit: int = 8) -> list[SolutionPage]:
    """Titles of visible solutions with words starting with what the visitor has typed so far."""
    words = " ".join(fold_words(prefix))
    if len(words) < 2:
        return []
    ranked = engine.suggest(SolutionPage, words).ranked(limit * 10)
    visible = solutions_visible(SolutionPage.objects.filter(pk__in=ranked), user=user)
    allowed = {solution.pk: solution for solution in visible.only("id", "title", "url_path")}
    return [allowed[pk] for pk in ranked if pk in allowed][:limit]
