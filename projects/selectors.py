"""Reads of the projects workspace. Every list and page asks these, so who sees a project is decided here:
its people see it whole, anyone else only once it is published and as far as its audience allows."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import DEFERRED, Aggregate, Count, Exists, JSONField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone, translation

from bank.models import SubjectArea
from meetings.models import MeetingRoom, MeetingRoomsPage
from pages.localized import localize, localizing, sources, text_in_reading_language
from projects.models import (
    Artefact,
    Checkpoint,
    CheckpointStatus,
    Decision,
    JoinRequest,
    Post,
    Project,
    ProjectMember,
    Stage,
    StageMove,
)
from projects.permissions import (
    People,
    parent_of_member_exists,
    project_people,
    resident_in_good_standing,
    with_places,
)
from residents import request_cache
from residents.models import Membership
from residents.selectors import User, audiences_visible, membership_published_name, name_consent_exists


def _signed_in(user: User) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


STAGES_KEY = "projects:stages"
ROOMS_PAGE_KEY = "projects:meeting-rooms-page"
SHARED_TIMEOUT = 60 * 60


def stages_key(language: str | None = None) -> str:
    """The shared cache's key of the stages named in `language` (the active one by default)."""
    return f"{STAGES_KEY}:{language or translation.get_language() or settings.LANGUAGE_CODE}"


def stages_all() -> list[Stage]:
    """The methodologists' stages in order: the Russian rows, named in the reader's language (read in the same
    query), from the shared cache, one list per language (forgotten when a stage or a translation is saved or
    deleted)."""
    return request_cache.shared(
        stages_key(), lambda: list(localizing(Stage.objects.order_by("position"))), SHARED_TIMEOUT
    )


def with_stages_named(objects: list, *names: str) -> list:
    """Gives the objects' stage foreign keys `names` ("stage", "from_stage") the stages of `stages_all`, named
    in the reader's language; returns the objects. Nothing is read under the Russian site."""
    if translation.get_language() in (None, settings.LANGUAGE_CODE) or not objects:
        return objects
    stages = {stage.pk: stage for stage in stages_all()}
    for item in objects:
        for name in names:
            if (stage := stages.get(getattr(item, f"{name}_id"))) is not None:
                setattr(item, name, stage)
    return objects


def _overdue_q(today: datetime.date) -> Q:
    return Q(due__lt=today) & ~Q(status=CheckpointStatus.DONE)


def _with_board_data(queryset: QuerySet, today: datetime.date) -> QuerySet:
    """What a card on a board shows, in a fixed number of queries however many projects there are."""
    return (
        queryset.select_related("stage", "tutor")
        .annotate(
            overdue_count=Count("checkpoints", filter=Q(checkpoints__due__lt=today) & ~Q(checkpoints__status="done"))
        )
        .prefetch_related(Prefetch("members", queryset=ProjectMember.objects.select_related("user")))
        .order_by("stage__position", "title", "pk")
    )


def insider_q(user: User) -> Q:
    """Projects in which this user has a place (team, tutor, consultant, parent of a student of the team)."""
    return (
        Q(Exists(ProjectMember.objects.filter(project=OuterRef("pk"), user=user)))
        | Q(tutor=user)
        | Q(Exists(Project.consultants.through.objects.filter(project=OuterRef("pk"), user=user)))
        | Q(parent_of_member_exists(user))
    )


def projects_visible(*, user: User) -> QuerySet[Project]:
    """Every project this user may open: their own, published ones whose audience they belong to, and (for
    residents) those open to join."""
    projects = Project.objects.filter(live=True)
    if _signed_in(user) and user.is_staff:
        return projects
    published = Q(stage__is_published=True, audience__in=audiences_visible(user=user))
    if _signed_in(user) and resident_in_good_standing(user):
        # a project looking for people shows residents its description, so that they may ask to join
        looking = Q(open_to_join=True, stage__is_published=False)
        return projects.filter(published | looking | insider_q(user))
    return projects.filter(published)


def projects_of_user(*, user: User, today: datetime.date | None = None) -> QuerySet[Project]:
    """The user's own projects (team, tutor, consultant, parent), for the board «Мои проекты»."""
    if not _signed_in(user) or not (user.is_staff or resident_in_good_standing(user)):
        return Project.objects.none()
    return _with_board_data(Project.objects.filter(live=True).filter(insider_q(user)), today or timezone.localdate())


def projects_tutored(
    *,
    user: User,
    school_class: str = "",
    stage: str = "",
    overdue: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[Project]:
    """The projects this user tutors (staff: every project), filtered by a student's class, stage, overdue."""
    if not _signed_in(user) or not (user.is_staff or resident_in_good_standing(user)):
        return Project.objects.none()
    today = today or timezone.localdate()
    projects = Project.objects.filter(live=True)
    if not user.is_staff:
        projects = projects.filter(tutor=user)
    if school_class:
        projects = projects.filter(
            Exists(
                ProjectMember.objects.filter(
                    project=OuterRef("pk"), user__membership__school_class=school_class.strip().upper()
                )
            )
        )
    if stage:
        projects = projects.filter(stage__slug=stage)
    if overdue:
        projects = projects.filter(Exists(Checkpoint.objects.filter(_overdue_q(today), project=OuterRef("pk"))))
    return _with_board_data(projects, today)


def projects_open_to_join(*, user: User) -> QuerySet[Project]:
    """Projects looking for people, listed to residents with their summary and the roles sought."""
    if not _signed_in(user) or not (user.is_staff or resident_in_good_standing(user)):
        return Project.objects.none()
    return localizing(
        Project.objects.filter(live=True, open_to_join=True, stage__is_published=False)
        .select_related("stage")
        .order_by("title", "pk"),
        related=("stage",),
    )


def projects_showcase(*, user: User) -> QuerySet[Project]:
    """Published projects whose audience this user belongs to, newest first."""
    return (
        Project.objects.filter(live=True, stage__is_published=True, audience__in=audiences_visible(user=user))
        .select_related("stage", "solution")
        .prefetch_related("subjects", _members_with_names())
        .order_by("-academic_year", "title", "pk")
    )


@dataclass
class ProjectView:
    """One project as this user may see it: the project, the user's places, and (for its people) the rest."""

    project: Project
    people: People
    stages: list[Stage] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    artefacts: list[Artefact] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    moves: list[StageMove] = field(default_factory=list)
    join_requests: list[JoinRequest] = field(default_factory=list)
    today: datetime.date | None = None

    @property
    def open_move(self) -> StageMove | None:
        return next((move for move in self.moves if move.status == Decision.REQUESTED), None)

    @property
    def next_stage(self) -> Stage | None:
        later = [stage for stage in self.stages if stage.position > self.project.stage.position]
        return later[0] if later and not later[0].is_published else None

    def stage_rows(self) -> list[dict]:
        """Each stage with its checkpoints and artefacts, for the page and the API."""
        return [
            {
                "stage": stage,
                "current": stage.pk == self.project.stage_id,
                "done": stage.position < self.project.stage.position,
                "checkpoints": [c for c in self.checkpoints if c.stage_id == stage.pk],
                "artefacts": [a for a in self.artefacts if a.stage_id == stage.pk],
            }
            for stage in self.stages
        ]


def _members_with_names() -> Prefetch:
    """The team with what naming them needs: whether a consent to publish each one's name is in force (see
    `person_label`), read in the same query as the team."""
    return Prefetch(
        "members",
        queryset=ProjectMember.objects.select_related("user__membership").annotate(
            name_consented=name_consent_exists()
        ),
    )


class _JSONRows(Aggregate):
    """The rows of a group as one JSON array: JSONB_AGG on PostgreSQL, JSON_GROUP_ARRAY on SQLite."""

    function = "JSONB_AGG"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def _rows_of(rows_of_projects: QuerySet, **fields) -> Subquery:
    """A project's rows of a table related to it by `project` (each one a JSON object of `fields`), read in the
    project's own query."""
    return _grouped_rows(rows_of_projects.filter(project=OuterRef("pk")), "project", fields)


def _grouped_rows(rows: QuerySet, group: str, fields: dict) -> Subquery:
    grouped = rows.order_by().values(group).annotate(rows=_JSONRows(JSONObject(**fields))).values("rows")
    return Subquery(grouped, output_field=JSONField())


SUBJECT_FIELDS = {
    "id": "subjectarea_id",
    "name": "subjectarea__name",
    "slug": "subjectarea__slug",
    "translation_key": "subjectarea__translation_key",
}
CONSULTANT_FIELDS = {
    "id": "user_id",
    "username": "user__username",
    "first_name": "user__first_name",
    "last_name": "user__last_name",
}

CONSULTANT_ROOMS = "user__person__meeting_rooms"


def _tutor_room_fields() -> dict:
    """A room's fields, its name in the reader's language (rooms are the Russian rows, see `_project_base`)."""
    return {"id": "id", "name": text_in_reading_language(MeetingRoom, "", "name"), "host_user_id": "host__user_id"}


def _consultant_room_fields() -> dict:
    return {
        "id": f"{CONSULTANT_ROOMS}__id",
        "name": text_in_reading_language(MeetingRoom, CONSULTANT_ROOMS, "name"),
        "host_user_id": "user_id",
    }


JOIN_REQUEST_FIELDS = {
    **{name: name for name in ("id", "status", "decided_by_id", "decided_at", "project_id", "user_id", "role")},
    **{name: name for name in ("message", "created_at")},
    "user.username": "user__username",
    "user.first_name": "user__first_name",
    "user.last_name": "user__last_name",
    "membership.id": "user__membership__id",
    "membership.user_id": "user__membership__user_id",
    "membership.role": "user__membership__role",
    "membership.school_class": "user__membership__school_class",
    "membership.public_name": "user__membership__public_name",
}


def _project_base() -> QuerySet[Project]:
    """The project with everything its page shows about it. Its subjects and consultants are read in the
    project's own query (see `_keep_people_and_subjects`), the team with the consents naming it in one more."""
    return (
        Project.objects.select_related("stage", "tutor__membership", "partner", "solution", "defence_event")
        .annotate(
            subject_rows=_rows_of(Project.subjects.through.objects, **SUBJECT_FIELDS),
            consultant_rows=_rows_of(Project.consultants.through.objects, **CONSULTANT_FIELDS),
            waiting_join_rows=_rows_of(JoinRequest.objects.filter(status=Decision.REQUESTED), **JOIN_REQUEST_FIELDS),
            # the rooms the tutor and the consultants host (see `tutor_rooms`): the Russian rows, named in the
            # reader's language
            tutor_room_rows=_grouped_rows(
                sources(MeetingRoom.objects.filter(host__user_id=OuterRef("tutor_id"))),
                "host__user_id",
                _tutor_room_fields(),
            ),
            consultant_room_rows=_rows_of(
                Project.consultants.through.objects.filter(
                    **{f"{CONSULTANT_ROOMS}__locale__language_code": settings.LANGUAGE_CODE}
                ),
                **_consultant_room_fields(),
            ),
        )
        .prefetch_related(_members_with_names())
    )


def _join_request(row: dict, project: Project) -> JoinRequest:
    """A waiting request to join, with the asking user and their membership, from its JSON row."""
    join_request = _from_row(JoinRequest, row, project)
    user = _from_row(get_user_model(), {"user.id": row["user_id"]} | row, project, prefix="user.")
    membership = _from_row(Membership, row, project, prefix="membership.") if row["membership.id"] else None
    user._state.fields_cache["membership"] = membership
    join_request.user = user
    return join_request


def _keep_people_and_subjects(project: Project) -> None:
    """The subjects (in the reader's language) and consultants read with the project, as plain lists ordered by
    name: `project.subject_list`, `project.consultant_list`; the consultants' other fields are deferred (read if
    something asks for them)."""
    subjects = [_from_row(SubjectArea, row, project) for row in project.subject_rows or []]
    consultants = [_from_row(get_user_model(), row, project) for row in project.consultant_rows or []]
    project.subject_list = sorted(localize(subjects), key=lambda subject: subject.name)
    project.consultant_list = sorted(consultants, key=lambda user: (user.last_name, user.first_name))


def _from_row(model, row: dict, project: Project, prefix: str = ""):
    """An instance as the database gave it, from a JSON row (`prefix` before each field's name; fields not in
    the row are deferred). JSON has no dates: they are parsed, and a time without a zone is UTC (SQLite)."""
    fields = model._meta.concrete_fields
    values = []
    for model_field in fields:
        value = row.get(prefix + model_field.attname, DEFERRED)
        if value is not DEFERRED and value is not None:
            value = model_field.to_python(value)
            if isinstance(value, datetime.datetime) and timezone.is_naive(value):
                value = timezone.make_aware(value, datetime.UTC)
        values.append(value)
    return model.from_db(project._state.db, [model_field.attname for model_field in fields], values)


def _consultant(row: dict):
    fields = {field: row[field] for field in CONSULTANT_FIELDS}
    fields.update(is_active=bool(fields["is_active"]), is_staff=bool(fields["is_staff"]))  # SQLite's JSON: 0 or 1
    return get_user_model()(**fields)


def project_get(*, project_id: int, user: User, today: datetime.date | None = None) -> ProjectView | None:
    """The project with what this user may see of it, or None when they may not open it at all."""
    visible = _project_base().filter(pk__in=projects_visible(user=user).values("pk")).filter(pk=project_id)
    project = with_places(visible, user).first()
    if project is None:
        return None
    _keep_people_and_subjects(project)
    people = project_people(project, user)
    with_stages_named([project], "stage")
    view = ProjectView(project, people, stages=stages_all(), today=today or timezone.localdate())
    if people.insider:
        view.checkpoints = list(project.checkpoints.select_related("responsible__membership").order_by("due", "pk"))
        view.artefacts = list(project.artefacts.select_related("added_by").order_by("created_at", "pk"))
        view.posts = list(project.posts.select_related("author__membership", "hidden_by").order_by("created_at", "pk"))
        view.moves = with_stages_named(
            list(project.moves.select_related("from_stage", "to_stage", "requested_by", "decided_by__membership")),
            "from_stage",
            "to_stage",
        )
        if people.leads:
            # read with the project (`_project_base`)
            rows = [_join_request(row, project) for row in project.waiting_join_rows or []]
            view.join_requests = sorted(rows, key=lambda join_request: (join_request.created_at, join_request.pk))
    return view


def project_for_work(*, project_id: int, user: User) -> tuple[Project, People] | None:
    """The project and the user's places, for a write (a post, an upload, a decision); None if not visible."""
    project = with_places(projects_visible(user=user).select_related("stage").filter(pk=project_id), user).first()
    if project is None:
        return None
    return project, project_people(project, user)


def person_label(user, *, inside: bool) -> str:
    """How a person of a project is named. Inside the project (to its people): first name and the initial of
    the surname. Outside: for a student, only the name published with consent; for an adult, the full name."""
    if user is None:
        return ""
    membership = getattr(user, "membership", None)
    is_student = membership is not None and membership.role == "student"
    if not inside and is_student:
        return membership_published_name(membership)
    if inside and is_student:
        initial = f" {user.last_name[:1]}." if user.last_name else ""
        return f"{user.first_name}{initial}".strip() or user.get_username()
    return user.get_full_name() or user.get_username()


def team_labels(project: Project, *, inside: bool) -> list[str]:
    labels = [person_label(_named(member), inside=inside) for member in project.members.all()]
    return [label for label in labels if label]


def _named(member: ProjectMember):
    """The member's user, their consent to a published name (read with the team) set where `person_label`
    looks for it."""
    membership = getattr(member.user, "membership", None)
    if membership is not None and hasattr(member, "name_consented"):
        membership.name_consented = member.name_consented
    return member.user


def checkpoints_due_on(*, day: datetime.date) -> QuerySet[Checkpoint]:
    return (
        Checkpoint.objects.filter(due=day, project__live=True)
        .exclude(status=CheckpointStatus.DONE)
        .select_related("project", "responsible")
    )


def tutor_rooms(project: Project, user: User | None = None) -> list[dict]:
    """The meeting rooms the project's tutor and consultants host (not the user's own: a host does not book
    their own room), with the address of each room's slot picker; the rooms are read with the project
    (`project_get`). The tutor books a meeting with a consultant from here, the team with the tutor or a
    consultant."""
    page = meeting_rooms_page()
    if page is None:
        return []
    own = getattr(user, "pk", None)
    rows = {row["id"]: row for row in [*(project.tutor_room_rows or []), *(project.consultant_room_rows or [])]}
    rooms = [_from_row(MeetingRoom, row, project) for row in rows.values() if row["host_user_id"] != own]
    rooms.sort(key=lambda room: (room.name, room.pk))
    return [{"room": room, "url": page.url + page.reverse_subpage("room", args=[room.pk])} for room in rooms]


def meeting_rooms_page() -> MeetingRoomsPage | None:
    """The live meeting rooms page, from the shared cache (forgotten whenever a page is saved or deleted)."""
    found = request_cache.shared(
        ROOMS_PAGE_KEY, lambda: list(MeetingRoomsPage.objects.live().order_by("path")[:1]), SHARED_TIMEOUT
    )
    return found[0] if found else None
