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
from pages.localized import localizing
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
    with_stages_named,
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


class ProjectJoinRequestSchema(Schema):
    id: int
    status: Decision
    role: str
    user: str = Field(description="Who asks, as the project's people see them")
    message: str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None


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
    join_requests: list[ProjectJoinRequestSchema] = Field(
        description="Requests to join waiting for a decision (the tutor and staff only; empty for anyone else)"
    )


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
    reply_to_id: Id | None = Field(None, description="A question of the journal, to answer it")


class ProjectJoinSchema(Schema):
    role: str = Field("", max_length=100)
    message: str = Field("", max_length=1000)


class ProjectPostEditSchema(Schema):
    text: str = Field(..., min_length=1, max_length=5000)


class ProjectJoinDecisionSchema(Schema):
    accept: bool = Field(..., description="true takes the resident into the team, false declines the request")


class ProjectCheckpointCreateSchema(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    due: datetime.date
    responsible: Id | None = Field(None, description="The user id of a student of the team")


class ProjectCheckpointStatusSchema(Schema):
    status: CheckpointStatus


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
            "checkpoints": [_checkpoint(checkpoint, view.today) for checkpoint in row["checkpoints"]],
            "artefacts": [_artefact(request, artefact) for artefact in row["artefacts"]],
        }
        for row in view.stage_rows()
    ]
    return {
        **_list_item(request, project),
        "team": team_labels(project, inside=people.insider),
        "tutor": person_label(project.tutor, inside=people.insider),
        "subjects": [subject.name for subject in project.subject_list],
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
        "moves": [_move(move) for move in view.moves],
        "journal": [_post(request, post, people) for post in view.posts],
        "join_requests": [_join_request(join_request) for join_request in view.join_requests],
    }


def _checkpoint(checkpoint, today: datetime.date) -> dict:
    return {
        "id": checkpoint.pk,
        "title": checkpoint.title,
        "due": checkpoint.due,
        "status": checkpoint.status,
        "overdue": checkpoint.is_overdue(today),
        "responsible": person_label(checkpoint.responsible, inside=True),
    }


def _join_request(join_request) -> dict:
    return {
        "id": join_request.pk,
        "status": join_request.status,
        "role": join_request.role,
        "user": person_label(join_request.user, inside=True),
        "message": join_request.message,
        "created_at": join_request.created_at,
        "decided_at": join_request.decided_at,
    }


def _refused(error: ProjectError) -> APIError:
    status = REFUSALS.get(error.code, 403)
    if status == 422:
        errors = [{"field": error.field or "__all__", "code": "invalid", "message": error.message}]
        return APIError(422, code="invalid", errors=errors)
    return APIError(status, error.message, code=error.code)


def _run(write, **arguments):
    """Runs a service's write; a refusal becomes this channel's answer (403, 409, or 422 naming the field)."""
    try:
        return write(**arguments)
    except ProjectError as error:
        raise _refused(error) from error


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
    return localizing(projects, related=("stage",))  # the stages' names in the reader's language


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
    project = _run(
        services.project_create,
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
    return Status(201, _detail(request, _view(request, project.pk)))


@router.post(
    "/{project_id}/journal/",
    response={201: ProjectPostSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_post",
    summary="Post to the journal",
)
def journal_post(request: HttpRequest, project_id: Id, payload: ProjectPostCreateSchema):
    post = _run(
        services.post_create,
        project=_for_work(request, project_id),
        by=request.user,
        text=payload.text,
        kind=payload.kind,
        reply_to_id=payload.reply_to_id,
    )
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
    artefact = _run(
        services.artefact_add, project=project, by=request.user, kind=kind, title=title, upload=file, url=url
    )
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
    created = _run(
        services.join_request_create, project=project, by=request.user, role=payload.role, message=payload.message
    )
    return Status(201, _join_request(created))


@router.post(
    "/{project_id}/stage/request/",
    response={201: ProjectMoveSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_stage_request",
    summary="Ask for the next stage",
)
def stage_request(request: HttpRequest, project_id: Id):
    move = _run(services.stage_move_request, project=_for_work(request, project_id), by=request.user)
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
    return _move(
        _run(services.stage_approve, project=_for_work(request, project_id), by=request.user, now=timezone.now())
    )


def _move(move) -> dict:
    """A stage move, as the detail's history and the moves' endpoints answer it (stages in the reader's
    language)."""
    with_stages_named([move], "from_stage", "to_stage")
    return {
        "id": move.pk,
        "from_stage": move.from_stage.name,
        "to_stage": move.to_stage.name,
        "status": move.status,
        "requested_at": move.requested_at,
        "decided_at": move.decided_at,
        "decided_by": person_label(move.decided_by, inside=True),
    }


@router.post(
    "/{project_id}/stage/decline/",
    response={200: ProjectMoveSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_stage_decline",
    summary="Decline the next stage",
)
def stage_decline(request: HttpRequest, project_id: Id):
    """The tutor declines the move the team asked for (409 when none waits); the one who asked is told."""
    return _move(_run(services.stage_decline, project=_for_work(request, project_id), by=request.user))


def _one(related, object_id: int):
    """A row of the project's own (a post, a request, a checkpoint), or 404."""
    found = related.filter(pk=object_id).first()
    if found is None:
        raise APIError(404)
    return found


@router.post(
    "/{project_id}/journal/with-file/",
    response={201: ProjectPostSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_post_file",
    summary="Post to the journal with a file",
)
def journal_post_with_file(
    request: HttpRequest,
    project_id: Id,
    text: str = Form(..., min_length=1, max_length=5000),
    kind: PostKind = Form(PostKind.UPDATE),  # noqa: B008
    reply_to_id: Id | None = Form(None, description="A question of the journal, to answer it"),  # noqa: B008
    file: UploadedFile = File(...),  # noqa: B008
):
    """A post with an attached document or image (multipart); the file goes only to the project's people."""
    post = _run(
        services.post_create,
        project=_for_work(request, project_id),
        by=request.user,
        text=text,
        kind=kind,
        reply_to_id=reply_to_id,
        upload=file,
    )
    return Status(201, _post(request, post, People(member=True)))


@router.post(
    "/{project_id}/journal/{post_id}/edit/",
    response={200: ProjectPostSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_post_edit",
    summary="Edit a journal post",
)
def journal_post_edit(request: HttpRequest, project_id: Id, post_id: Id, payload: ProjectPostEditSchema):
    """Its author, within 15 minutes of writing it, while it is not hidden; 403 for anyone else or later."""
    post = _one(_for_work(request, project_id).posts, post_id)
    post = _run(services.post_edit, post=post, by=request.user, text=payload.text)
    return _post(request, post, People(member=True))


@router.post(
    "/{project_id}/journal/{post_id}/hide/",
    response={200: ProjectPostSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_post_hide",
    summary="Hide a journal post",
)
def journal_post_hide(request: HttpRequest, project_id: Id, post_id: Id):
    """The tutor or staff hide a post: it stays in the journal, marked hidden, its text kept for them."""
    post = _one(_for_work(request, project_id).posts, post_id)
    return _post(request, _run(services.post_hide, post=post, by=request.user), People(tutor=True))


@router.post(
    "/{project_id}/join-requests/{request_id}/decision/",
    response={200: ProjectJoinRequestSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_join_decide",
    summary="Decide a request to join",
)
def join_request_decide(request: HttpRequest, project_id: Id, request_id: Id, payload: ProjectJoinDecisionSchema):
    """The tutor (or staff) accepts the resident into the team or declines; the resident is told by e-mail."""
    join_request = _one(_for_work(request, project_id).join_requests, request_id)
    decided = _run(services.join_request_decide, join_request=join_request, by=request.user, accept=payload.accept)
    return _join_request(decided)


@router.post(
    "/{project_id}/checkpoints/",
    response={201: ProjectCheckpointSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_checkpoint",
    summary="Add a checkpoint",
)
def checkpoint_add(request: HttpRequest, project_id: Id, payload: ProjectCheckpointCreateSchema):
    """A checkpoint of the current stage, planned by the team or the tutor; who answers for it is one of the
    team."""
    checkpoint = _run(
        services.checkpoint_add,
        project=_for_work(request, project_id),
        by=request.user,
        title=payload.title,
        due=payload.due,
        responsible_id=payload.responsible,
    )
    return Status(201, _checkpoint(checkpoint, timezone.localdate()))


@router.post(
    "/{project_id}/checkpoints/{checkpoint_id}/status/",
    response={200: ProjectCheckpointSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="projects_checkpoint_status",
    summary="Mark a checkpoint's status",
)
def checkpoint_status(request: HttpRequest, project_id: Id, checkpoint_id: Id, payload: ProjectCheckpointStatusSchema):
    """The team or the tutor mark a checkpoint planned, in progress or done."""
    checkpoint = _one(_for_work(request, project_id).checkpoints.select_related("project"), checkpoint_id)
    checkpoint = _run(services.checkpoint_set_status, checkpoint=checkpoint, by=request.user, status=payload.status)
    return _checkpoint(checkpoint, timezone.localdate())
