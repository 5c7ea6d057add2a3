"""`/api/v3/bank/`: the bank's search with facets and the title suggestions, on the project's v3 API; and
`/api/v2/solutions/`, the solutions on Wagtail's API v2, searchable in Russian.

Each caller, anonymous or signed in by session or token, gets what their tier opens (`api.auth`).
"""

from typing import Literal

from django.db.models import Case, When
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet

from api.images import ImageData, image_data
from api.pagination import LimitOffset, ListMeta, ListParams
from api.v2 import ConventionsMixin
from bank.models import SolutionPage
from bank.search.forms import BankSearchForm
from bank.search.selectors import SearchWindow, solution_title_suggestions, solutions_search_window
from bank.selectors import solutions_visible
from search.engine import match
from search.normalize import normalize

router = Router(tags=["bank"])
V2_RANKED = 500  # API v2 orders the best matches by relevance, the rest newest first


class BankSearchParams(Schema):
    q: str = Field("", max_length=200, description="Запрос: любые формы слов, ё и е не различаются")
    subject: str = Field("", description="Предметная область (slug)")
    grade: int | None = Field(None, ge=1, le=11, description="Класс")
    year: int | None = Field(None, ge=2000, le=2100, description="Учебный год: год его начала")
    type: str = Field("", description="Тип проекта (slug)")
    tag: str = Field("", description="Метка (slug)")
    sort: Literal["relevance", "date"] = Field("relevance", description="relevance или date")


class BankSolutionHitSchema(Schema):
    id: int
    title: str
    url: str
    summary: str
    subjects: list[str] = Field(alias="subject_names")
    grades: list[int]
    year: str = Field(alias="academic_year_label")
    type: str = Field(alias="project_type_name")
    tags: list[str] = Field(alias="tag_names")
    cover: ImageData | None
    snippet: str = Field(description="Фрагмент текста, найденные слова в <mark>")

    @staticmethod
    def resolve_url(solution: SolutionPage, context) -> str:
        return solution.get_full_url(context["request"])

    @staticmethod
    def resolve_cover(solution: SolutionPage, context) -> ImageData | None:
        return image_data(solution.cover, request=context["request"])

    @staticmethod
    def resolve_snippet(solution: SolutionPage) -> str:
        return str(solution.snippet)


class BankFacetValueSchema(Schema):
    value: str
    label: str
    count: int
    selected: bool


class BankSearchResultsSchema(Schema):
    """A window of the results, with the whole result's count and, per facet, the count of each value."""

    meta: ListMeta
    items: list[BankSolutionHitSchema] = Field(alias="results")
    facets: dict[str, list[BankFacetValueSchema]]

    @staticmethod
    def resolve_meta(found: SearchWindow) -> dict:
        return {"total_count": found.count}


class BankSuggestionSchema(Schema):
    id: int
    title: str
    url: str

    @staticmethod
    def resolve_url(solution: SolutionPage, context) -> str:
        return solution.get_full_url(context["request"])


@router.get(
    "/search/",
    response=BankSearchResultsSchema,
    url_name="bank_search",
    operation_id="bank_search",
    summary="Поиск по банку проектных решений с фасетами",
    by_alias=False,
)
def bank_search(request: HttpRequest, filters: Query[BankSearchParams], window: Query[ListParams]):
    params = BankSearchForm(filters.dict()).parameters()
    return solutions_search_window(user=request.user, params=params, limit=window.limit, offset=window.offset)


@router.get(
    "/suggest/",
    response=list[BankSuggestionSchema],
    url_name="bank_suggest",
    operation_id="bank_suggest",
    summary="Подсказки названий решений по первым буквам",
)
@paginate(LimitOffset)
def bank_suggest(request: HttpRequest, q: str = Query("", max_length=100)):
    return solution_title_suggestions(user=request.user, prefix=q)


class NormalisedSearchFilter(SearchFilter):
    """`?search=` on API v2 understands Russian like the bank page: the query is normalised first."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = normalize(request.GET["search"])
        if not query:
            return queryset.none()
        found = match(SolutionPage, query)
        matches = queryset.filter(pk__in=found.ids)
        if "order" in request.GET:
            return matches
        ranked = found.ranked(V2_RANKED)
        if not ranked:
            return matches
        relevance = Case(*[When(pk=pk, then=rank) for rank, pk in enumerate(ranked)], default=len(ranked))
        return matches.order_by(relevance, "-pk")


class SolutionsAPIViewSet(ConventionsMixin, PagesAPIViewSet):
    """`/api/v2/solutions/`: solutions the caller may see, readable in full and searchable with `?search=`."""

    model = SolutionPage
    filter_backends = [
        NormalisedSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        return solutions_visible(user=self.request.user).select_related("locale")
