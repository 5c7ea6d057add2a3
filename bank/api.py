"""`/api/v3/bank/`: the bank's search with facets and the title suggestions, on the project's v3 API; residents'
contributions (proposing a solution, «мы использовали это решение»); and `/api/v2/solutions/`, the solutions on
Wagtail's API v2, searchable in Russian.

Each caller, anonymous or signed in by session or token, gets what their tier opens (`api.auth`).
"""

from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.db.models import Case, When, prefetch_related_objects
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet

from api.auth import SIGNED_IN
from api.errors import APIError, ErrorSchema
from api.images import ImageData, image_data
from api.pagination import LimitOffset, ListMeta, ListParams
from api.v2 import ConventionsMixin
from api.validation import Id, field_errors_from_django
from bank.forms import ReuseReportForm, SolutionProposalForm
from bank.models import ProjectType, SolutionBankPage, SolutionPage, SubjectArea
from bank.models.contributions import STORY_MAX_LENGTH
from bank.search.forms import BankSearchForm
from bank.search.selectors import SearchWindow, solution_title_suggestions, solutions_search_window
from bank.selectors import solution_reuse, solutions_visible
from bank.services import ContributionError, may_submit_solution, reuse_report, solution_submit
from pages.localized import localize, sources
from residents.selectors import pages_visible
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


Slug = Annotated[str, Field(max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")]


class SolutionProposalSchema(Schema):
    """A solution a resident proposes: it becomes a draft in the editors' moderation workflow."""

    title: str = Field(max_length=255)
    summary: str = Field(max_length=300, description="Одно-два предложения")
    problem: str = Field(max_length=5000)
    goal: str = Field(max_length=5000)
    result: str = Field(max_length=5000, description="Результат или продукт")
    reuse: str = Field("", max_length=5000, description="Как использовать повторно")
    grade_from: int = Field(ge=-1000, le=1000, description="Класс, с (1-11)")
    grade_to: int = Field(ge=-1000, le=1000, description="Класс, по (1-11)")
    project_type: Slug = Field(description="Тип проекта (slug, как в фасетах поиска)")
    subjects: list[Slug] = Field(default_factory=list, max_length=20, description="Предметные области (slug)")
    tutor: Id | None = Field(None, description="Наставник (id педагога или тьютора); обучающимся обязателен")


class SolutionProposalReceiptSchema(Schema):
    id: int = Field(description="The draft page's id; the page stays unpublished until the editors approve it")
    title: str
    status: str = Field(description="`moderation`: waiting for the editors")
    message: str


class ReuseReportSchema(Schema):
    story: str = Field(max_length=STORY_MAX_LENGTH, description="Как использовали решение")
    where: str = Field(max_length=200, description="Школа или класс")


class ReuseStorySchema(Schema):
    story: str
    where: str
    date: str = Field(description="The day it was reported, YYYY-MM-DD")

    @staticmethod
    def resolve_date(report) -> str:
        return report.created_at.date().isoformat()


class SolutionReuseSchema(Schema):
    count: int = Field(description="How many times the solution was reused: published stories only")
    stories: list[ReuseStorySchema] = Field(description="The newest published stories (no authors' names)")


class MessageSchema(Schema):
    message: str


def _form_errors(form) -> list[dict]:
    return field_errors_from_django(ValidationError(form.errors.as_data()))


def _ids_of(model, slugs: list[str], *, field: str) -> list[int]:
    """Slugs as primary keys for the form; an unknown slug is refused (422) with its name, in Russian."""
    known = dict(sources(model.objects.filter(slug__in=slugs)).values_list("slug", "pk"))
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        message = _("Нет такого значения: «%(slug)s».") % {"slug": unknown[0]}
        raise APIError(422, message, errors=[{"field": field, "code": "invalid_choice", "message": message}])
    return [known[slug] for slug in slugs]


def _visible_solution(request: HttpRequest, solution_id: int) -> SolutionPage:
    solution = solutions_visible(user=request.user).filter(pk=solution_id).first()
    if solution is None:
        raise APIError(404)
    return solution


@router.post(
    "/contributions/",
    response={201: SolutionProposalReceiptSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="bank_contribute",
    operation_id="bank_contribute",
    summary="Предложить решение в банк (черновик на модерацию)",
)
def contribute(request: HttpRequest, proposal: SolutionProposalSchema):
    """A teacher or tutor of the school, or a student with a teacher as tutor, proposes a solution; it waits in
    the editors' moderation workflow and the proposer learns the decision by e-mail. 401 without a session or
    token, 403 for others, 422 with a Russian message per field; a refused proposal writes nothing."""
    bank = pages_visible(SolutionBankPage.objects.live(), user=request.user).first()
    if bank is None:
        raise APIError(404)
    if not may_submit_solution(user=request.user):
        message = _("Предложить решение могут педагоги и тьюторы лицея или обучающиеся вместе с педагогом.")
        raise APIError(403, message, code="forbidden")
    data = proposal.dict()
    data["project_type"] = _ids_of(ProjectType, [data["project_type"]], field="project_type")[0]
    data["subjects"] = _ids_of(SubjectArea, data["subjects"], field="subjects")
    form = SolutionProposalForm(data)
    if not form.is_valid():
        raise APIError(422, errors=_form_errors(form))
    try:
        page = solution_submit(bank=bank, user=request.user, data=form.cleaned_data)
    except ContributionError as error:
        if not error.field:
            raise APIError(403, error.message, code=error.code) from error
        errors = [{"field": error.field, "code": error.code, "message": error.message}]
        raise APIError(422, error.message, errors=errors) from error
    message = _("Решение «%(title)s» отправлено редакции. Мы напишем вам, когда его рассмотрят.") % {
        "title": page.title
    }
    return Status(201, {"id": page.pk, "title": page.title, "status": "moderation", "message": message})


@router.get(
    "/solutions/{solution_id}/reuse/",
    response={200: SolutionReuseSchema, 404: ErrorSchema},
    url_name="bank_reuse",
    operation_id="bank_reuse",
    summary="Сколько раз решение использовали, и опубликованные истории",
)
def reuse_read(request: HttpRequest, solution_id: Id):
    return solution_reuse(solution=_visible_solution(request, solution_id))


@router.post(
    "/solutions/{solution_id}/reuse/",
    response={201: MessageSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="bank_reuse_report",
    operation_id="bank_reuse_report",
    summary="Мы использовали это решение",
)
def reuse_create(request: HttpRequest, solution_id: Id, report: ReuseReportSchema):
    """Anyone signed in who may see the solution tells how they reused it; the story is counted and shown once
    the editors publish it (a file goes through the site's form). 422 with a Russian message per field."""
    solution = _visible_solution(request, solution_id)
    form = ReuseReportForm(report.dict())
    if not form.is_valid():
        raise APIError(422, errors=_form_errors(form))
    try:
        reuse_report(solution=solution, user=request.user, story=report.story, where=report.where)
    except ContributionError as error:
        errors = [{"field": error.field, "code": error.code, "message": error.message}] if error.field else []
        raise APIError(422 if error.field else 403, error.message, code=error.code, errors=errors) from error
    return Status(201, {"message": _("Спасибо! Ваша история появится на странице после проверки редакцией.")})


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

    def paginate_queryset(self, queryset):
        """The page of solutions, their subjects read for the whole page when asked for: one query for the
        subjects and, in English, one for their translations, instead of one per solution."""
        solutions = super().paginate_queryset(queryset)
        fields = self.request.GET.get("fields", "")
        if solutions is None or not ("subject_names" in fields or "*" in fields):
            return solutions
        solutions = list(solutions)
        prefetch_related_objects(solutions, "subjects")
        localize([subject for solution in solutions for subject in solution.subjects.all()])
        return solutions
