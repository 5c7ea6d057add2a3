"""API v3 of the support system: programmes, materials and, for the person concerned, their progress.

Reads accept a bearer token, the site's session, or nobody; whoever it is sees only what the audiences
admit (the same selectors as the HTML pages).
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from residents.selectors import visible_pages
from support.models import MaterialPage, ProgrammePage
from support.models.base import TargetGroup
from support.selectors import (
    MaterialFilters,
    ProgrammeProgress,
    completed_programmes,
    filter_materials,
    progress_for_user,
    visible_module_materials,
)
from support.services import module_mark_done, module_mark_undone

READ_AUTH = [BearerTokenAuth(), django_auth, AllowAnonymous()]
PERSONAL_AUTH = [BearerTokenAuth(), django_auth]

router = Router(tags=["support"])


class ListParams(Schema):
    limit: int = 20
    offset: int = 0


class TopicOut(Schema):
    name: str
    slug: str


class MaterialOut(Schema):
    id: int
    title: str
    url: str
    introduction: str
    audience: str
    kind: str
    target_groups: list[str]
    topics: list[TopicOut]


class MaterialDetailOut(MaterialOut):
    body: list


class ModuleOut(Schema):
    id: str
    title: str
    hours: int
    topics: list[str]
    outcomes: list[str]
    material_ids: list[int]


class ProgrammeOut(Schema):
    id: int
    title: str
    url: str
    introduction: str
    audience: str
    target_group: str
    format: str
    partner: str
    total_hours: int


class ProgrammeDetailOut(ProgrammeOut):
    goal: str
    expected_outcomes: str
    modules: list[ModuleOut]


class Page_(Schema):
    count: int


class ProgrammeList(Page_):
    items: list[ProgrammeOut]


class MaterialList(Page_):
    items: list[MaterialOut]


class ProgressOut(Schema):
    programme_id: int
    title: str
    done_module_ids: list[str]
    done_count: int
    module_count: int
    hours_done: int
    total_hours: int
    percent: int
    completed_at: datetime | None


class CompletionOut(Schema):
    programme_id: int | None
    title: str
    hours: int
    completed_at: datetime


def _window(params: ListParams) -> slice:
    if params.limit < 1 or params.limit > 100 or params.offset < 0:
        raise HttpError(400, "limit — от 1 до 100, offset — не меньше 0.")
    return slice(params.offset, params.offset + params.limit)


def _programme(page: ProgrammePage) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.url or "",
        "introduction": page.introduction,
        "audience": page.audience,
        "target_group": page.target_group,
        "format": page.format,
        "partner": page.partner,
        "total_hours": page.total_hours,
    }


def _material(page: MaterialPage) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.url or "",
        "introduction": page.introduction,
        "audience": page.audience,
        "kind": page.kind,
        "target_groups": page.target_groups,
        "topics": [{"name": topic.name, "slug": topic.slug} for topic in page.topics.all()],
    }


def _visible_programme(request: HttpRequest, programme_id: int) -> ProgrammePage:
    page = visible_pages(ProgrammePage.objects.filter(pk=programme_id), user=request.user).first()
    if page is None:
        raise HttpError(404, "Программа не найдена.")
    return page


@router.get("/programmes/", response=ProgrammeList, auth=READ_AUTH, url_name="support_programmes")
def list_programmes(request, params: Query[ListParams], target_group: str = ""):
    """Programmes this caller may open, in the order of the site's tree."""
    programmes = visible_pages(ProgrammePage.objects.all(), user=request.user).order_by("path")
    if target_group:
        if target_group not in TargetGroup.values:
            raise HttpError(400, "Такой группы нет: teachers, parents, students или community.")
        programmes = programmes.filter(target_group=target_group)
    window = _window(params)
    return {"count": programmes.count(), "items": [_programme(page) for page in programmes[window]]}


@router.get("/programmes/{programme_id}/", response=ProgrammeDetailOut, auth=READ_AUTH, url_name="support_programme")
def get_programme(request, programme_id: int):
    """One programme with its modules; a module lists only the materials this caller may open."""
    page = _visible_programme(request, programme_id)
    visible_materials = visible_module_materials(programme=page, user=request.user)
    modules = [
        {
            "id": block.id,
            "title": block.value["title"],
            "hours": block.value["hours"],
            "topics": list(block.value["topics"]),
            "outcomes": list(block.value["outcomes"]),
            "material_ids": [m.pk for m in block.value["materials"] if m and m.pk in visible_materials],
        }
        for block in page.modules
        if block.block_type == "module"
    ]
    return {
        **_programme(page),
        "goal": page.goal,
        "expected_outcomes": page.expected_outcomes,
        "modules": modules,
    }


@router.get("/materials/", response=MaterialList, auth=READ_AUTH, url_name="support_materials")
def list_materials(request, params: Query[ListParams], group: str = "", topic: str = "", q: str = ""):
    """Materials this caller may open, filtered by group and topic, or found by words."""
    filters = MaterialFilters.from_query({"group": group, "topic": topic, "q": q})
    if filters.errors:
        raise HttpError(400, " ".join(filters.errors))
    materials = filter_materials(
        visible_pages(MaterialPage.objects.all(), user=request.user), group=filters.group, topic=filters.topic
    )
    if filters.query:
        found = visible_pages(MaterialPage.objects.all(), user=request.user).search(filters.query, operator="and")
        materials = materials.filter(pk__in=[page.pk for page in found[:100]])
    materials = materials.distinct().order_by("title")
    window = _window(params)
    items = materials.prefetch_related("topics")[window]
    return {"count": materials.count(), "items": [_material(page) for page in items]}


@router.get("/materials/{material_id}/", response=MaterialDetailOut, auth=READ_AUTH, url_name="support_material")
def get_material(request, material_id: int):
    page = visible_pages(MaterialPage.objects.filter(pk=material_id), user=request.user).first()
    if page is None:
        raise HttpError(404, "Материал не найден.")
    body = page.body.stream_block.get_api_representation(page.body, context={"request": request})
    return {**_material(page), "body": body}


def _progress(progress: ProgrammeProgress) -> dict:
    page = progress.programme
    return {
        "programme_id": page.pk,
        "title": page.title,
        "done_module_ids": sorted(progress.done_ids),
        "done_count": progress.done_count,
        "module_count": progress.module_count,
        "hours_done": progress.hours_done,
        "total_hours": page.total_hours,
        "percent": progress.percent,
        "completed_at": progress.completed_at,
    }


@router.get("/progress/", response=list[ProgressOut], auth=PERSONAL_AUTH, url_name="support_progress")
def my_progress(request):
    """The caller's own progress in every programme they may open; nobody else's."""
    return [_progress(item) for item in progress_for_user(user=request.user, programmes=ProgrammePage.objects.all())]


@router.get("/progress/completions/", response=list[CompletionOut], auth=PERSONAL_AUTH, url_name="support_completions")
def my_completions(request):
    """Programmes the caller has completed (for a profile)."""
    return [
        {
            "programme_id": item.programme_id,
            "title": item.programme_title,
            "hours": item.hours,
            "completed_at": item.completed_at,
        }
        for item in completed_programmes(user=request.user)
    ]


def _mark(request, programme_id: int, module_id: str, *, done: bool) -> dict:
    page = _visible_programme(request, programme_id)
    try:
        if done:
            module_mark_done(user=request.user, programme=page, module_id=module_id)
        else:
            module_mark_undone(user=request.user, programme=page, module_id=module_id)
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from error
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error
    progress = progress_for_user(user=request.user, programmes=ProgrammePage.objects.filter(pk=page.pk))
    return _progress(progress[0])


@router.put(
    "/progress/{programme_id}/modules/{module_id}/", response=ProgressOut, auth=PERSONAL_AUTH, url_name="support_mark"
)
def mark_done(request, programme_id: int, module_id: str):
    """Marks one module done for the caller."""
    return _mark(request, programme_id, module_id, done=True)


@router.delete(
    "/progress/{programme_id}/modules/{module_id}/", response=ProgressOut, auth=PERSONAL_AUTH, url_name="support_unmark"
)
def mark_undone(request, programme_id: int, module_id: str):
    """Takes back the caller's mark on one module."""
    return _mark(request, programme_id, module_id, done=False)
