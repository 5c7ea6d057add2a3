"""API v3 router `projects`: the caller's projects and published ones (list with filters, detail with stages,
checkpoints and journal), starting a project, posting to the journal, uploading an artefact, asking to join,
asking for and approving a stage move.

The caller's rights are exactly those of the pages: `projects.selectors` decides what is visible and
`projects.services` what may be done. A project the caller may not open is 404; a refused write is 403 or
409 with the rule in words; bad input is 422 with field errors in Russian, and changes nothing.
"""

import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from api.auth import SIGNED_IN
from api.errors import APIError, ErrorSchema
from api.pagination import LimitOffset
from api.validation import Id
from projects import services
from projects.models import ArtefactKind, CheckpointStatus, Decision, PostKind, ProjectKind
from projects.permissions import People
from projects.selectors import (
    ProjectView,
    person_label,
    project_for_work,
    project_get,
    projects_of_user,
    projects_visible,
    team_labels,
)
from projects.services import ProjectError

router = Router(tags=["projects"])

REFUSALS = {"forbidden": 403, "conflict": 409, "invalid": 422}


class ProjectStageSchema(Schema):
    slug: str
    name: str
    position: int


class ProjectCheckpointSchema(Schema):
    id: int
    title: str
    due: datetime.date
    status: CheckpointStatus
    overdue: bool
    responsible: str = Field(description="The responsible student, as the project's people see them")


class ProjectArtefactSchema(Schema):
    id: int
    kind: ArtefactKind
    title: str
    url: str = Field(description="The link, or the file through the checked download view")
    created_at: datetime.datetime


class ProjectStageRowSchema(Schema):
    stage: ProjectStageSchema
    current: bool
    done: bool
    checkpoints: list[ProjectCheckpointSchema]
    artefacts: list[ProjectArtefactSchema]


class ProjectPostSchema(Schema):
    id: int
    kind: PostKind
    reply_to_id: int | None = Field(description="The question an answer answers")
    author: str
    text: str | None = Field(description="None when the post is hidden (the tutor and staff still read it)")
    hidden: bool
    file_url: str | None
    created_at: datetime.datetime
    edited_at: datetime.datetime | None


class ProjectMoveSchema(Schema):
    id: int
    from_stage: str
    to_stage: str
    status: Decision
    requested_at: datetime.datetime
    decided_at: datetime.datetime | None
    decided_by: str


class ProjectPlacesSchema(Schema):
    member: bool
    tutor: bool
    consultant: bool
    parent: bool
    staff: bool


class ProjectSummarySchema(Schema):
    id: int
    title: str
    summary: str
    kind: ProjectKind
    stage: ProjectStageSchema
    academic_year: str
    grades: str
    open_to_join: bool
    roles_sought: str
    published: bool
    html_url: str
    detail_url: str


class ProjectListItemSchema(ProjectSummarySchema):
    """A project in a list, read from the model with the caller's request for its addresses."""

    @staticmethod
    def resolve_stage(project) -> dict:
        return _stage(project.stage)

    @staticmethod
    def resolve_academic_year(project) -> str:
        return project.academic_year_label

    @staticmethod
    def resolve_grades(project) -> str:
        return project.grades_label

    @staticmethod
    def resolve_published(project) -> bool:
        return project.stage.is_published

    @staticmethod
    def resolve_html_url(project, context) -> str:
        return _absolute(context["request"], "projects:project", project.pk)

    @staticmethod
    def resolve_detail_url(project, context) -> str:
        return _absolute(context["request"], "wagtailapi_v3:projects_detail", project.pk)


class ProjectDetailSchema(ProjectSummarySchema):
    team: list[str] = Field(description="Inside the project: first names; outside: names published with consent")
    tutor: str
    subjects: list[str]
    partner: str | None
    solution_url: str | None
    places: ProjectPlacesSchema
    stages: list[ProjectStageRowSchema]
    moves: list[ProjectMoveSchema]
    journal: list[ProjectPostSchema]


class ProjectCreateSchema(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    summary: str = Field(..., min_length=1, max_length=1000)
    kind: ProjectKind = ProjectKind.INDIVIDUAL
    tutor: int | None = Field(None, description="A teacher's user id (a student proposing must choose one)")
    subjects: list[int] = Field(default_factory=list, max_length=20)
    school_class: str = Field("", max_length=20, description="A teacher starting a project for a whole class")
    open_to_join: bool = False
    roles_sought: str = Field("", max_length=300)


class ProjectPostCreateSchema(Schema):
    text: str = Field(..., min_length=1, max_length=5000)
    kind: PostKind = PostKind.UPDATE
    reply_to_id: int | None = Field(None, description="A question of the journal, to answer it")


class ProjectJoinSchema(Schema):
    role: str = Field("", max_length=100)
    message: str = Field("", max_length=1000)


class ProjectJoinRequestSchema(Schema):
    id: int
    status: Decision
    role: str


class ProjectFilters(Schema):
    stage: str | None = Field(None, description="A stage's slug")
    kind: ProjectKind | None = None
    academic_year: int | None = Field(None, ge=2000, le=2100)
    open_to_join: bool | None = None
    mine: bool = Field(False, description="Only projects in which the caller has a place")


def _absolute(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def _stage(stage) -> dict:
    return {"slug": stage.slug, "name": stage.name, "position": stage.position}


def _list_item(request: HttpRequest, project) -> dict:
    return {
        "id": project.pk,
        "title": project.title,
        "summary": project.summary,
        "kind": project.kind,
        "stage": _stage(project.stage),
        "academic_year": project.academic_year_label,
        "grades": project.grades_label,
        "open_to_join": project.open_to_join,
        "roles_sought": project.roles_sought,
        "published": project.stage.is_published,
        "html_url": _absolute(request, "projects:project", project.pk),
        "detail_url": _absolute(request, "wagtailapi_v3:projects_detail", project.pk),
    }


def _post(request: HttpRequest, post, people: People) -> dict:
    shown = not post.is_hidden or people.leads
    file_url = None
    if post.file and shown:
        file_url = _absolute(request, "projects:post_file", post.project_id, post.pk)
    return {
        "id": post.pk,
        "kind": post.kind,
        "reply_to_id": post.reply_to_id,
        "author": person_label(post.author, inside=True),
        "text": post.text if shown else None,
        "hidden": post.is_hidden,
        "file_url": file_url,
        "created_at": post.created_at,
        "edited_at": post.edited_at,
    }


def _artefact(request: HttpRequest, artefact) -> dict:
    url = artefact.url or _absolute(request, "projects:artefact_file", artefact.project_id, artefact.pk)
    return {
        "id": artefact.pk,
        "kind": artefact.kind,
        "title": artefact.title,
        "url": url,
        "created_at": artefact.created_at,
    }


def _detail(request: HttpRequest, view: ProjectView) -> dict:
    project, people = view.project, view.people
    solution = project.solution
    rows = [
        {
            "stage": _stage(row["stage"]),
            "current": row["current"],
            "done": row["done"],
            "checkpoints": [
                {
                    "id": checkpoint.pk,
                    "title": checkpoint.title,
                    "due": checkpoint.due,
                    "status": checkpoint.status,
                    "overdue": checkpoint.is_overdue(view.today),
                    "responsible": person_label(checkpoint.responsible, inside=True),
                }
                for checkpoint in row["checkpoints"]
            ],
            "artefacts": [_artefact(request, artefact) for artefact in row["artefacts"]],
        }
        for row in view.stage_rows()
    ]
    return {
        **_list_item(request, project),
        "team": team_labels(project, inside=people.insider),
        "tutor": person_label(project.tutor, inside=people.insider),
        "subjects": [subject.name for subject in project.subjects.all()],
        "partner": project.partner.name if project.partner else None,
        "solution_url": request.build_absolute_uri(solution.url) if solution and solution.live else None,
        "places": {
            "member": people.member,
            "tutor": people.tutor,
            "consultant": people.consultant,
            "parent": people.parent,
            "staff": people.staff,
        },
        "stages": rows,
        "moves": [
            {
                "id": move.pk,
                "from_stage": move.from_stage.name,
                "to_stage": move.to_stage.name,
                "status": move.status,
                "requested_at": move.requested_at,
                "decided_at": move.decided_at,
                "decided_by": person_label(move.decided_by, inside=True),
            }
            for move in view.moves
        ],
        "journal": [_post(request, post, people) for post in view.posts],
    }


def _refused(error: ProjectError) -> APIError:
    status = REFUSALS.get(error.code, 403)
    if status == 422:
        errors = [{"field": error.field or "__all__", "code": "invalid", "message": error.message}]
        return APIError(422, code="invalid", errors=errors)
    return APIError(status, error.message, code=error.code)


def _for_work(request: HttpRequest, project_id: int):
    found = project_for_work(project_id=project_id, user=request.user)
    if found is None:
        raise APIError(404)
    return found[0]


def _view(request: HttpRequest, project_id: int) -> ProjectView:
    view = project_get(project_id=project_id, user=request.user)
    if view is None:
        raise APIError(404)
    return view


@router.get("/", response=list[ProjectListItemSchema], url_name="projects_list", summary="Projects")
@paginate(LimitOffset)
def projects_list(request: HttpRequest, filters: Query[ProjectFilters]):
    """The caller's own projects and the published ones open to them, newest first; filters narrow it."""
    projects = projects_visible(user=request.user).select_related("stage").order_by("-created_at", "-pk")
    if filters.mine:
        projects = projects.filter(pk__in=projects_of_user(user=request.user).values("pk"))
    if filters.stage:
        projects = projects.filter(stage__slug=filters.stage)
    if filters.kind:
        projects = projects.filter(kind=filters.kind)
    if filters.academic_year:
        projects = projects.filter(academic_year=filters.academic_year)
    if filters.open_to_join is not None:
        projects = projects.filter(open_to_join=filters.open_to_join)
    return projects


@router.get(
    "/{project_id}/",
    response={200: ProjectDetailSchema, 404: ErrorSchema},
    url_name="projects_detail",
    summary="A project",
)
def project_detail(request: HttpRequest, project_id: Id):
    """Stages with checkpoints and artefacts, the moves' history and the journal, for the project's people;
    the description alone for anyone else who may see a published project."""
    return _detail(request, _view(request, project_id))


@router.post(
    "/",
    response={201: ProjectDetailSchema, 403: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_create",
    summary="Start a project",
)
def project_create(request: HttpRequest, payload: ProjectCreateSchema):
    """A student proposes a project with a teacher as tutor, or a teacher starts one (for a class)."""
    try:
        project = services.project_create(
            by=request.user,
            title=payload.title,
            summary=payload.summary,
            kind=payload.kind,
            tutor_id=payload.tutor,
            subject_ids=payload.subjects,
            school_class=payload.school_class,
            open_to_join=payload.open_to_join,
            roles_sought=payload.roles_sought,
        )
    except ProjectError as error:
        raise _refused(error) from error
    return Status(201, _detail(request, _view(request, project.pk)))


@router.post(
    "/{project_id}/journal/",
    response={201: ProjectPostSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_post",
    summary="Post to the journal",
)
def journal_post(request: HttpRequest, project_id: Id, payload: ProjectPostCreateSchema):
    project = _for_work(request, project_id)
    try:
        post = services.post_create(
            project=project, by=request.user, text=payload.text, kind=payload.kind, reply_to_id=payload.reply_to_id
        )
    except ProjectError as error:
        raise _refused(error) from error
    return Status(201, _post(request, post, People(member=True)))


@router.post(
    "/{project_id}/artefacts/",
    response={201: ProjectArtefactSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_artefact",
    summary="Upload an artefact",
)
def artefact_upload(
    request: HttpRequest,
    project_id: Id,
    kind: ArtefactKind = Form(...),  # noqa: B008
    title: str = Form(..., min_length=1, max_length=200),
    url: str = Form(""),
    file: UploadedFile | None = File(None),  # noqa: B008
):
    """A document or an image (multipart `file`), or a link (`url`), for the project's current stage."""
    project = _for_work(request, project_id)
    try:
        artefact = services.artefact_add(project=project, by=request.user, kind=kind, title=title, upload=file, url=url)
    except ProjectError as error:
        raise _refused(error) from error
    return Status(201, _artefact(request, artefact))


@router.post(
    "/{project_id}/join-requests/",
    response={201: ProjectJoinRequestSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_join",
    summary="Ask to join",
)
def join_request(request: HttpRequest, project_id: Id, payload: ProjectJoinSchema):
    project = _for_work(request, project_id)
    try:
        created = services.join_request_create(
            project=project, by=request.user, role=payload.role, message=payload.message
        )
    except ProjectError as error:
        raise _refused(error) from error
    return Status(201, {"id": created.pk, "status": created.status, "role": created.role})


@router.post(
    "/{project_id}/stage/request/",
    response={201: ProjectMoveSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_stage_request",
    summary="Ask for the next stage",
)
def stage_request(request: HttpRequest, project_id: Id):
    project = _for_work(request, project_id)
    try:
        move = services.stage_move_request(project=project, by=request.user)
    except ProjectError as error:
        raise _refused(error) from error
    return Status(201, _move(move))


@router.post(
    "/{project_id}/stage/approve/",
    response={200: ProjectMoveSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_stage_approve",
    summary="Approve the next stage",
)
def stage_approve(request: HttpRequest, project_id: Id):
    """The tutor approves the move the team asked for (or moves the project on); 403 for anyone else."""
    project = _for_work(request, project_id)
    try:
        move = services.stage_approve(project=project, by=request.user, now=timezone.now())
    except ProjectError as error:
        raise _refused(error) from error
    return _move(move)


def _move(move) -> dict:
    return {
        "id": move.pk,
        "from_stage": move.from_stage.name,
        "to_stage": move.to_stage.name,
        "status": move.status,
        "requested_at": move.requested_at,
        "decided_at": move.decided_at,
        "decided_by": person_label(move.decided_by, inside=True),
    }
