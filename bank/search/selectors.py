"""Reads of the bank search: results, facet counts and suggestions, only over what the visitor may see."""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from bank.models.pages import SolutionPage
from bank.search import queries
from bank.search.facets import FacetValue, facets_of
from bank.selectors import CARD_RENDITION, visible_solutions, with_card_data
from residents.selectors import User
from search import engine
from search.highlight import has_match, highlight
from search.normalize import normalize
from search.normalize import words as fold_words

COVER_RENDITION = CARD_RENDITION


@dataclass
class BankResults:
    count: int
    page: PaginatorPage
    facets: dict[str, list[FacetValue]]
    query_stems: set[str] = field(default_factory=set)

    @property
    def results(self) -> list[SolutionPage]:
        return list(self.page.object_list)


def _page_number(value) -> int:
    try:
        return max(1, int(value or 1))
    except (TypeError, ValueError):
        return 1


def search_solutions(*, user: User, params: dict, per_page: int = 12, within=None) -> BankResults:
    """The bank search: query, facet filters, facet counts, sorting and one page of results.

    The visible, filtered matches are counted five ways and paged in one statement over the search rows
    (`bank.models.SolutionRow`), remembered until a row changes; browsing whole banks reads the facet
    totals instead. The page's cards take a constant number of queries more.
    """
    query = normalize(params.get("q") or "")
    match = engine.row_match(SolutionPage, query) if query else engine.RowMatch()
    by_relevance = bool(query) and params.get("sort", "relevance") == "relevance"
    visible, visible_values = queries.visibility(user, within)
    filters, filter_values = queries.filters(params)
    number = _page_number(params.get("page"))
    if query or filters:
        sql = queries.statement(match, [*visible, *filters], f"{match.order}, " if by_relevance and match.order else "")
        values = [*match.params, *visible_values, *filter_values]

        def page_ids(offset: int) -> list[int]:
            return queries.cached_run(sql, values, limit=per_page, offset=offset)[2]

        total, counts, hits = queries.cached_run(sql, values, limit=per_page, offset=(number - 1) * per_page)
    else:

        def page_ids(offset: int) -> list[int]:
            return queries.newest_ids(visible, visible_values, limit=per_page, offset=offset)

        (total, counts), hits = queries.whole_bank_counts(user, within), page_ids((number - 1) * per_page)
    page = Paginator(range(total), per_page).get_page(number)
    if total and page.number != number:  # past the last page: show the last one, as Django's paginator does
        hits = page_ids((page.number - 1) * per_page)
    by_id = {solution.pk: solution for solution in with_card_data(SolutionPage.objects.filter(pk__in=hits))}
    page.object_list = [by_id[pk] for pk in hits if pk in by_id]
    stems = set(query.split())
    for solution in page.object_list:
        solution.snippet = _snippet(solution, stems)
    return BankResults(count=total, page=page, facets=facets_of(counts, params), query_stems=stems)


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
