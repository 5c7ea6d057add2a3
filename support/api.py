"""API v3 of the support system: programmes, materials and, for the person concerned, their progress.

The caller is decided by `api.auth` (token, else session, else anonymous); whoever it is sees only what the
audiences admit, through the same selectors as the HTML pages. Progress is the caller's own and needs a
signed-in caller.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.rich_text import expand_db_html

from api.auth import SIGNED_IN
from api.errors import APIError
from api.pagination import LimitOffset
from api.validation import Id
from pages.selectors import pages_in_reading_language
from residents.audiences import Audience
from support.models import MaterialPage, ProgrammePage
from support.models.base import TargetGroup
from support.models.materials import MaterialKind
from support.models.programmes import ProgrammeFormat
from support.selectors import (
    ProgrammeProgress,
    materials_found,
    programme_modules,
    programme_progress,
    programmes_completed,
    programmes_visible,
    progress_for_user,
    topic_exists,
)
from support.services import module_mark_done, module_mark_undone

router = Router(tags=["support"])


class SupportTopicSchema(Schema):
    name: str
    slug: str


class SupportMaterialSchema(Schema):
    id: int
    title: str
    url: str = Field(description="The material's page on the site")
    introduction: str
    audience: Audience
    kind: MaterialKind
    target_groups: list[TargetGroup]
    topics: list[SupportTopicSchema]

    @staticmethod
    def resolve_url(page: MaterialPage, context) -> str:
        return page.get_full_url(context["request"])


class SupportMaterialDetailSchema(SupportMaterialSchema):
    body: list[dict]

    @staticmethod
    def resolve_body(page: MaterialPage, context) -> list[dict]:
        return page.body.stream_block.get_api_representation(page.body, context)


class SupportModuleSchema(Schema):
    id: str = Field(description="Stable while the module exists: progress is recorded against it")
    title: str
    hours: int
    topics: list[str]
    outcomes: list[str]
    material_ids: list[int] = Field(description="The module's materials the caller may open")


class SupportProgrammeSchema(Schema):
    id: int
    title: str
    url: str = Field(description="The programme's page on the site")
    introduction: str
    audience: Audience
    target_group: TargetGroup
    format: ProgrammeFormat
    partner: str
    total_hours: int

    @staticmethod
    def resolve_url(page: ProgrammePage, context) -> str:
        return page.get_full_url(context["request"])


class SupportProgrammeDetailSchema(SupportProgrammeSchema):
    goal: str
    expected_outcomes: str = Field(description="HTML")
    modules: list[SupportModuleSchema]

    @staticmethod
    def resolve_expected_outcomes(page: ProgrammePage) -> str:
        return expand_db_html(page.expected_outcomes)

    @staticmethod
    def resolve_modules(page: ProgrammePage, context) -> list:
        return programme_modules(programme=page, user=context["request"].user)


class SupportProgressSchema(Schema):
    programme_id: int
    title: str
    done_module_ids: list[str]
    done_count: int
    module_count: int
    hours_done: int
    total_hours: int
    percent: int
    completed_at: datetime | None

    @staticmethod
    def resolve_programme_id(progress: ProgrammeProgress) -> int:
        return progress.programme.pk

    @staticmethod
    def resolve_title(progress: ProgrammeProgress) -> str:
        return progress.programme.title

    @staticmethod
    def resolve_done_module_ids(progress: ProgrammeProgress) -> list[str]:
        return sorted(progress.done_ids)

    @staticmethod
    def resolve_total_hours(progress: ProgrammeProgress) -> int:
        return progress.programme.total_hours


class SupportCompletionSchema(Schema):
    programme_id: int | None = Field(description="null once the programme has been removed")
    title: str = Field(description="The programme's title when it was completed")
    hours: int
    completed_at: datetime

    @staticmethod
    def resolve_title(completion) -> str:
        return completion.programme_title


class SupportProgrammeListParams(Schema):
    target_group: TargetGroup | None = None


class SupportMaterialListParams(Schema):
    group: TargetGroup | None = None
    topic: str | None = Field(None, max_length=100, description="Slug of a support topic")
    q: str = Field("", max_length=200, description="Words to find in the materials")


def programme_for(request: HttpRequest, programme_id: int) -> ProgrammePage:
    page = programmes_visible(user=request.user, queryset=ProgrammePage.objects.filter(pk=programme_id)).first()
    if page is None:
        raise APIError(404, _("Программа не найдена."), code="programme_not_found")
    return page


@router.get("/programmes/", response=list[SupportProgrammeSchema], url_name="support_programmes", summary="Programmes")
@paginate(LimitOffset)
def list_programmes(request: HttpRequest, filters: Query[SupportProgrammeListParams]):
    """Programmes the caller may open, in the language being read, in the order of the site's tree."""
    programmes = pages_in_reading_language(ProgrammePage.objects.all())
    if filters.target_group:
        programmes = programmes.filter(target_group=filters.target_group)
    return programmes_visible(user=request.user, queryset=programmes)


@router.get(
    "/programmes/{programme_id}/",
    response=SupportProgrammeDetailSchema,
    url_name="support_programme",
    summary="A programme with its modules",
)
def get_programme(request: HttpRequest, programme_id: Id):
    """One programme with its modules; a module lists only the materials the caller may open."""
    return programme_for(request, programme_id)


@router.get("/materials/", response=list[SupportMaterialSchema], url_name="support_materials", summary="Materials")
@paginate(LimitOffset)
def list_materials(request: HttpRequest, filters: Query[SupportMaterialListParams]):
    """Materials the caller may open, by title, filtered by group and topic, or found by words."""
    if filters.topic and not topic_exists(slug=filters.topic):
        message = _("Такой темы нет.")
        raise APIError(422, errors=[{"field": "topic", "code": "does_not_exist", "message": str(message)}])
    return materials_found(
        user=request.user,
        materials=pages_in_reading_language(MaterialPage.objects.all()),
        group=filters.group or "",
        topic=filters.topic or "",
        query=filters.q.strip(),
    )


@router.get(
    "/materials/{material_id}/", response=SupportMaterialDetailSchema, url_name="support_material", summary="A material"
)
def get_material(request: HttpRequest, material_id: Id):
    page = materials_found(user=request.user, materials=MaterialPage.objects.filter(pk=material_id)).first()
    if page is None:
        raise APIError(404, _("Материал не найден."), code="material_not_found")
    return page


@router.get(
    "/progress/",
    response=list[SupportProgressSchema],
    auth=SIGNED_IN,
    url_name="support_progress",
    summary="My progress",
)
@paginate(LimitOffset)
def my_progress(request: HttpRequest):
    """The caller's own progress in every programme they may open (in the language being read), in the order of
    the site's tree."""
    programmes = pages_in_reading_language(ProgrammePage.objects.all())
    return progress_for_user(user=request.user, programmes=programmes)


@router.get(
    "/progress/completions/",
    response=list[SupportCompletionSchema],
    auth=SIGNED_IN,
    url_name="support_completions",
    summary="My completed programmes",
)
@paginate(LimitOffset)
def my_completions(request: HttpRequest):
    """Programmes the caller has completed, newest first (for a profile)."""
    return programmes_completed(user=request.user)


def _mark(request: HttpRequest, programme_id: int, module_id: str, *, done: bool) -> ProgrammeProgress:
    page = programme_for(request, programme_id)
    mark = module_mark_done if done else module_mark_undone
    try:
        mark(user=request.user, programme=page, module_id=module_id)
    except ValidationError as error:
        raise APIError(404, " ".join(error.messages), code="module_not_found") from error
    except PermissionDenied as error:
        raise APIError(403, str(error), code="may_not_track") from error
    return programme_progress(user=request.user, programme=page)


@router.put(
    "/progress/{programme_id}/modules/{module_id}/",
    response=SupportProgressSchema,
    auth=SIGNED_IN,
    url_name="support_mark",
    summary="Mark a module done",
)
def mark_done(request: HttpRequest, programme_id: Id, module_id: str):
    """Marks one module done for the caller (again is harmless); 404 for a module the programme no longer has."""
    return _mark(request, programme_id, module_id, done=True)


@router.delete(
    "/progress/{programme_id}/modules/{module_id}/",
    response=SupportProgressSchema,
    auth=SIGNED_IN,
    url_name="support_unmark",
    summary="Take back a module's mark",
)
def mark_undone(request: HttpRequest, programme_id: Id, module_id: str):
    """Takes back the caller's mark on one module, and the programme's completion with it."""
    return _mark(request, programme_id, module_id, done=False)
