"""`/api/v3/bank/`: the bank's search with facets and the title suggestions, on the project's v3 API; and
`/api/v2/solutions/`, the solutions on Wagtail's API v2, searchable in Russian.

Anonymous callers see what everyone may see; a bearer token makes the search answer as its user.
"""

from django.db.models import Case, When
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from bank.models import SolutionPage
from bank.search.forms import BankSearchForm
from bank.search.selectors import COVER_RENDITION, search_solutions, suggest_titles
from bank.selectors import visible_solutions
from search.engine import match
from search.normalize import normalize

router = Router(tags=["bank"])
PER_PAGE = 20
V2_RANKED = 500  # API v2 orders the best matches by relevance, the rest newest first


class BankSearchParams(Schema):
    q: str = Field("", max_length=200, description="Запрос: любые формы слов, ё и е не различаются")
    subject: str = Field("", description="Предметная область (slug)")
    grade: int | None = Field(None, ge=1, le=11, description="Класс")
    year: int | None = Field(None, ge=2000, le=2100, description="Учебный год: год его начала")
    type: str = Field("", description="Тип проекта (slug)")
    tag: str = Field("", description="Метка (slug)")
    sort: str = Field("relevance", pattern="^(relevance|date)$", description="relevance или date")
    page: int = Field(1, ge=1)


class CoverSchema(Schema):
    url: str
    width: int
    height: int
    alt: str


class SolutionHitSchema(Schema):
    id: int
    title: str
    url: str
    summary: str
    subjects: list[str]
    grades: list[int]
    year: str
    type: str
    tags: list[str]
    cover: CoverSchema | None
    snippet: str = Field(description="Фрагмент текста, найденные слова в <mark>")


class FacetValueSchema(Schema):
    value: str
    label: str
    count: int
    selected: bool


class BankSearchSchema(Schema):
    count: int
    page: int
    num_pages: int
    results: list[SolutionHitSchema]
    facets: dict[str, list[FacetValueSchema]]


class SuggestionSchema(Schema):
    id: int
    title: str
    url: str


def _cover(solution) -> dict | None:
    if not solution.cover:
        return None
    rendition = solution.cover.get_rendition(COVER_RENDITION)
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height, "alt": solution.cover.title}


def _hit(solution, request: HttpRequest) -> dict:
    return {
        "id": solution.pk,
        "title": solution.title,
        "url": solution.get_full_url(request),
        "summary": solution.summary,
        "subjects": solution.subject_names,
        "grades": solution.grades,
        "year": solution.academic_year_label,
        "type": solution.project_type_name,
        "tags": solution.tag_names,
        "cover": _cover(solution),
        "snippet": str(solution.snippet),
    }


@router.get(
    "/search/",
    response=BankSearchSchema,
    auth=[BearerTokenAuth(), AllowAnonymous()],
    url_name="bank_search",
    operation_id="bank_search",
    summary="Поиск по банку проектных решений с фасетами",
)
def bank_search(request: HttpRequest, filters: Query[BankSearchParams]):
    params = BankSearchForm(filters.dict()).parameters()
    found = search_solutions(user=request.user, params=params, per_page=PER_PAGE)
    return {
        "count": found.count,
        "page": found.page.number,
        "num_pages": found.page.paginator.num_pages,
        "results": [_hit(solution, request) for solution in found.results],
        "facets": {name: [vars(value) for value in values] for name, values in found.facets.items()},
    }


@router.get(
    "/suggest/",
    response=list[SuggestionSchema],
    auth=[BearerTokenAuth(), AllowAnonymous()],
    url_name="bank_suggest",
    operation_id="bank_suggest",
    summary="Подсказки названий решений по первым буквам",
)
def bank_suggest(request: HttpRequest, q: str = ""):
    return [
        {"id": solution.pk, "title": solution.title, "url": solution.get_url(request)}
        for solution in suggest_titles(user=request.user, prefix=q[:100])
    ]


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


class SolutionsAPIViewSet(PagesAPIViewSet):
    """`/api/v2/solutions/`: solutions the caller may see, readable in full and searchable with `?search=`."""

    model = SolutionPage
    filter_backends = [
        NormalisedSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        return visible_solutions(user=self.request.user).specific(defer=False)
