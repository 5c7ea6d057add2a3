"""Writes with rules: starting a project, its team, stage moves, checkpoints, artefacts, the journal, join
requests. A refused write raises ProjectError with a message for the person (and the field at fault) and
changes nothing. The tutor's decisions are also written to the project's history in the admin."""

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from bank.models import SubjectArea
from pages.localized import sources
from projects import notifications
from projects.models import (
    Artefact,
    ArtefactKind,
    Checkpoint,
    CheckpointStatus,
    Decision,
    JoinRequest,
    NotificationKind,
    NotificationOptOut,
    Post,
    PostKind,
    Project,
    ProjectKind,
    ProjectMember,
    Stage,
    StageMove,
)
from projects.permissions import People, can_edit_post, project_people, resident_in_good_standing
from projects.selectors import checkpoints_due_on
from residents.audiences import Audience
from residents.models import Partner, Tier
from residents.roles import Role
from residents.selectors import User

STAGE_APPROVED = "projects.stage_approved"
STAGE_DECLINED = "projects.stage_declined"
MEMBER_ADDED = "projects.member_added"
POST_HIDDEN = "projects.post_hidden"
TUTOR_ROLES = (Role.TEACHER, Role.TUTOR)
DOCUMENT_EXTENSIONS = set(settings.WAGTAILDOCS_EXTENSIONS)
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}


class ProjectError(Exception):
    """A rule was broken; `message` says which, `field` names the input at fault (if one is)."""

    def __init__(self, message, *, code: str, field: str | None = None):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code
        self.field = field


def _require(condition: bool, message, *, code: str = "forbidden", field: str | None = None) -> None:
    if not condition:
        raise ProjectError(message, code=code, field=field)


def _internal(user, role: str | tuple) -> bool:
    roles = (role,) if isinstance(role, str) else role
    membership = getattr(user, "membership", None)
    return bool(
        membership is not None
        and membership.tier == Tier.INTERNAL
        and membership.role in roles
        and resident_in_good_standing(user)
    )


def _first_stage() -> Stage:
    return sources(Stage.objects.order_by("position")).first()


def _text(value: str, field: str, *, required: bool = True, limit: int = 5000) -> str:
    value = (value or "").strip()
    _require(bool(value) or not required, _("Заполните это поле."), code="invalid", field=field)
    _require(len(value) <= limit, _("Не длиннее %(limit)d знаков.") % {"limit": limit}, code="invalid", field=field)
    return value


def project_create(
    *,
    by: User,
    title: str,
    summary: str,
    tutor_id: int | None = None,
    kind: str = ProjectKind.INDIVIDUAL,
    subject_ids: list[int] | None = None,
    grade_from: int | None = None,
    grade_to: int | None = None,
    school_class: str = "",
    open_to_join: bool = False,
    roles_sought: str = "",
    consultant_ids: list[int] | None = None,
    partner_id: int | None = None,
    audience: str = Audience.EVERYONE,
) -> Project:
    """A student proposes a project (they are its team, a teacher of their choice tutors it), or a teacher
    starts one (they tutor it; with `school_class`, the students of that class are its team). Consultants,
    the partner and the audience are checked as `project_settings_update` checks them."""
    is_student = _internal(by, Role.STUDENT)
    is_teacher = _internal(by, TUTOR_ROLES)
    _require(is_student or is_teacher, _("Начать проект могут обучающиеся и педагоги лицея."))
    title = _text(title, "title", limit=200)
    summary = _text(summary, "summary", limit=1000)
    _require(kind in ProjectKind.values, _("Выберите вид проекта."), code="invalid", field="kind")
    if is_student:
        tutor = get_user_model().objects.filter(pk=tutor_id).select_related("membership").first()
        _require(
            tutor is not None and _internal(tutor, TUTOR_ROLES),
            _("Выберите тьютора проекта из педагогов лицея."),
            code="invalid",
            field="tutor",
        )
        team = [by]
    else:
        tutor = by
        team = []
        if school_class:
            team = list(
                get_user_model().objects.filter(
                    membership__role=Role.STUDENT, membership__school_class=school_class.strip().upper()
                )
            )
            _require(bool(team), _("В этом классе нет обучающихся."), code="invalid", field="school_class")
    grade = _grade_of(by) or 9
    grade_from, grade_to = grade_from or grade, grade_to or grade_from or grade
    _require(
        1 <= grade_from <= grade_to <= 11,
        _("Классы — от 1 до 11, «с» не больше «по»."),
        code="invalid",
        field="grade_to",
    )
    consultants, partner = _consultants_and_partner(consultant_ids or [], partner_id)
    _require(audience in Audience.values, _("Выберите, кому открыт проект."), code="invalid", field="audience")
    with transaction.atomic():
        project = Project(
            title=title,
            summary=summary,
            kind=ProjectKind.COLLECTIVE if len(team) > 1 else kind,
            grade_from=grade_from,
            grade_to=grade_to,
            stage=_first_stage(),
            tutor=tutor,
            open_to_join=open_to_join,
            roles_sought=roles_sought.strip()[:300],
            partner=partner,
            audience=audience,
            created_by=by,
            live=True,
        )
        project.subjects.set(sources(SubjectArea.objects.filter(pk__in=subject_ids or [])))
        project.consultants.set(consultants)
        project.save()
        for position, student in enumerate(team):
            ProjectMember.objects.create(project=project, user=student, sort_order=position)
        project.save_revision(user=by, log_action=True)
    return project


def _consultants_and_partner(consultant_ids: list[int], partner_id: int | None) -> tuple[list, Partner | None]:
    """Consultants are teachers of the lyceum or representatives of the project's partner, whose contract is
    in force; a partner's representative comes only with that partner chosen."""
    partner = None
    if partner_id:
        partner = Partner.objects.filter(pk=partner_id).first()
        _require(
            partner is not None and partner.contract_valid_on(timezone.localdate()),
            _("Выберите партнёра с действующим договором."),
            code="invalid",
            field="partner",
        )
    wanted = set(consultant_ids)
    consultants = list(get_user_model().objects.filter(pk__in=wanted).select_related("membership"))
    _require(len(consultants) == len(wanted), _("Нет такого консультанта."), code="invalid", field="consultants")
    for consultant in consultants:
        membership = getattr(consultant, "membership", None)
        external = membership is not None and membership.tier == Tier.EXTERNAL
        _require(
            _internal(consultant, TUTOR_ROLES) or (external and resident_in_good_standing(consultant)),
            _("Консультанты — педагоги лицея или представители партнёра."),
            code="invalid",
            field="consultants",
        )
        _require(
            not external or (partner is not None and membership.partner_id == partner.pk),
            _("Представитель партнёра консультирует, если его организация выбрана партнёром проекта."),
            code="invalid",
            field="consultants",
        )
    return consultants, partner


def project_settings_update(
    *,
    project: Project,
    by: User,
    consultant_ids: list[int],
    partner_id: int | None,
    audience: str,
    open_to_join: bool,
    roles_sought: str = "",
) -> Project:
    """The tutor (or staff) sets who consults the project, its partner, who sees it once published, and
    whether it looks for people; a new revision keeps the change in the project's history."""
    _require(project_people(project, by).leads, _("Настройки проекта меняет его тьютор."))
    consultants, partner = _consultants_and_partner(consultant_ids, partner_id)
    _require(audience in Audience.values, _("Выберите, кому открыт проект."), code="invalid", field="audience")
    roles_sought = _text(roles_sought, "roles_sought", required=False, limit=300)
    with transaction.atomic():
        project.partner, project.audience = partner, audience
        project.open_to_join, project.roles_sought = open_to_join, roles_sought
        project.consultants.set(consultants)
        project.save()
        project.save_revision(user=by, log_action=True)
    return project


def _grade_of(user) -> int | None:
    membership = getattr(user, "membership", None)
    digits = "".join(ch for ch in getattr(membership, "school_class", "") if ch.isdigit())
    return int(digits) if digits and 1 <= int(digits) <= 11 else None


def member_add(*, project: Project, by: User, user_id: int, role: str = "") -> ProjectMember:
    """The tutor or a student of the team adds a student of the lyceum to the team."""
    people = project_people(project, by)
    _require(people.member or people.leads, _("Добавлять участников могут команда и тьютор проекта."))
    student = get_user_model().objects.filter(pk=user_id).select_related("membership").first()
    _require(
        student is not None and _internal(student, Role.STUDENT),
        _("В команду входят обучающиеся лицея."),
        code="invalid",
        field="user",
    )
    try:
        with transaction.atomic():
            member = ProjectMember.objects.create(
                project=project, user=student, role=role.strip()[:100], sort_order=project.members.count()
            )
    except IntegrityError:
        raise ProjectError(_("Этот обучающийся уже в команде."), code="conflict", field="user") from None
    if project.kind != ProjectKind.COLLECTIVE and project.members.count() > 1:
        project.kind = ProjectKind.COLLECTIVE
        project.save(update_fields=["kind"])
    log(project, MEMBER_ADDED, user=by, data={"member": student.pk})
    return member


def stage_move_request(*, project: Project, by: User) -> StageMove:
    """The team asks the tutor to move the project to the next stage (the last one, «опубликован», comes only
    from the bank)."""
    people = project_people(project, by)
    _require(people.member or people.leads, _("Перейти к следующей стадии просит команда или тьютор."))
    following = sources(Stage.objects).filter(position__gt=project.stage.position).order_by("position").first()
    _require(
        following is not None and not following.is_published,
        _("Следующая стадия наступит, когда решение проекта опубликуют в банке."),
        code="conflict",
    )
    try:
        with transaction.atomic():
            return StageMove.objects.create(
                project=project, from_stage=project.stage, to_stage=following, requested_by=by
            )
    except IntegrityError:
        raise ProjectError(_("Переход уже ждёт решения тьютора."), code="conflict") from None


def stage_move_decide(*, move: StageMove, by: User, approve: bool, now=None) -> StageMove:
    """The tutor (or staff) approves or declines; an approved move changes the project's stage."""
    now = now or timezone.now()
    with transaction.atomic():
        move = StageMove.objects.select_for_update().select_related("project", "to_stage").get(pk=move.pk)
        project = move.project
        _require(project_people(project, by).leads, _("Переход между стадиями одобряет тьютор проекта."))
        _require(move.status == Decision.REQUESTED, _("По этому переходу уже есть решение."), code="conflict")
        move.status = Decision.APPROVED if approve else Decision.DECLINED
        move.decided_by, move.decided_at = by, now
        move.save(update_fields=["status", "decided_by", "decided_at"])
        if approve:
            project.stage = move.to_stage
            project.save(update_fields=["stage"])
        data = {"from": move.from_stage_id, "to": move.to_stage_id}
        log(project, STAGE_APPROVED if approve else STAGE_DECLINED, user=by, data=data)
    if approve:
        notifications.stage_approved(move)
    else:
        notifications.stage_declined(move)
    return move


def stage_approve(*, project: Project, by: User, now=None) -> StageMove:
    """The tutor's one step: approves the move the team asked for, or moves the project on themselves."""
    move = project.moves.filter(status=Decision.REQUESTED).first()
    if move is None:
        _require(project_people(project, by).leads, _("Переход между стадиями одобряет тьютор проекта."))
        move = stage_move_request(project=project, by=by)
    return stage_move_decide(move=move, by=by, approve=True, now=now)


def stage_decline(*, project: Project, by: User, now=None) -> StageMove:
    """The tutor declines the move the team asked for; the project stays at its stage."""
    _require(project_people(project, by).leads, _("Переход между стадиями одобряет тьютор проекта."))
    move = project.moves.filter(status=Decision.REQUESTED).first()
    _require(move is not None, _("Нет перехода, который ждёт решения тьютора."), code="conflict")
    return stage_move_decide(move=move, by=by, approve=False, now=now)


def stage_publish(*, project: Project) -> None:
    """The bank published the project's solution: the project reaches the last stage."""
    published = sources(Stage.objects.filter(is_published=True)).first()
    if published is None or project.stage_id == published.pk:
        return
    with transaction.atomic():
        StageMove.objects.filter(project=project, status=Decision.REQUESTED).update(status=Decision.DECLINED)
        StageMove.objects.create(
            project=project,
            from_stage=project.stage,
            to_stage=published,
            status=Decision.APPROVED,
            decided_at=timezone.now(),
        )
        project.stage = published
        project.save(update_fields=["stage"])
        log(project, STAGE_APPROVED, data={"from": project.stage_id, "to": published.pk})


def checkpoint_add(
    *, project: Project, by: User, title: str, due: datetime.date, responsible_id: int | None = None
) -> Checkpoint:
    """A checkpoint of the current stage, planned by the team or the tutor."""
    people = project_people(project, by)
    _require(people.member or people.leads, _("Контрольные точки планируют команда и тьютор."))
    title = _text(title, "title", limit=200)
    _require(due is not None, _("Укажите срок."), code="invalid", field="due")
    responsible = None
    if responsible_id:
        responsible = project.members.filter(user_id=responsible_id).first()
        _require(responsible is not None, _("Ответственный — участник команды."), code="invalid", field="responsible")
    return Checkpoint.objects.create(
        project=project,
        stage=project.stage,
        title=title,
        due=due,
        responsible_id=responsible.user_id if responsible else None,
    )


def checkpoint_set_status(*, checkpoint: Checkpoint, by: User, status: str) -> Checkpoint:
    people = project_people(checkpoint.project, by)
    _require(people.member or people.leads, _("Статус отмечают команда и тьютор."))
    _require(status in CheckpointStatus.values, _("Неизвестный статус."), code="invalid", field="status")
    checkpoint.status = status
    checkpoint.save(update_fields=["status"])
    return checkpoint


def _check_file(upload, kind: str, field: str) -> None:
    extension = Path(upload.name).suffix.lower().lstrip(".")
    allowed = IMAGE_EXTENSIONS if kind == ArtefactKind.IMAGE else DOCUMENT_EXTENSIONS | IMAGE_EXTENSIONS
    _require(
        extension in allowed,
        _("Такой файл не принимается. Допустимо: %(extensions)s.") % {"extensions": ", ".join(sorted(allowed))},
        code="invalid",
        field=field,
    )
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    _require(
        upload.size <= limit,
        _("Файл больше %(megabytes)d МБ.") % {"megabytes": limit // (1024 * 1024)},
        code="invalid",
        field=field,
    )


def artefact_add(*, project: Project, by: User, kind: str, title: str, upload=None, url: str = "") -> Artefact:
    """A document, image or link of the current stage, added by the team, the tutor or a consultant."""
    _require(project_people(project, by).worker, _("Добавлять материалы могут команда, тьютор и консультанты."))
    _require(
        kind in ArtefactKind.values, _("Выберите вид: документ, изображение или ссылка."), code="invalid", field="kind"
    )
    title = _text(title, "title", limit=200)
    if kind == ArtefactKind.LINK:
        url = (url or "").strip()
        _require(
            url.startswith(("http://", "https://")),
            _("Укажите ссылку, начинающуюся с https://."),
            code="invalid",
            field="url",
        )
        return Artefact.objects.create(
            project=project, stage=project.stage, kind=kind, title=title, url=url, added_by=by
        )
    _require(upload is not None, _("Выберите файл."), code="invalid", field="file")
    _check_file(upload, kind, "file")
    artefact = Artefact(project=project, stage=project.stage, kind=kind, title=title, added_by=by)
    artefact.file.save(Path(upload.name).name, upload, save=False)
    artefact.save()
    return artefact


def post_create(
    *, project: Project, by: User, text: str, kind: str = PostKind.UPDATE, reply_to_id: int | None = None, upload=None
) -> Post:
    """A post of the journal: members write news and questions, everyone who works in the project answers."""
    people = project_people(project, by)
    _require(people.worker, _("Писать в журнал могут команда, тьютор и консультанты проекта."))
    _require(kind in PostKind.values, _("Выберите вид записи."), code="invalid", field="kind")
    text = _text(text, "text")
    reply_to = None
    if reply_to_id is not None:
        reply_to = project.posts.filter(pk=reply_to_id, reply_to__isnull=True).first()
        _require(reply_to is not None, _("Нет такой записи в журнале."), code="invalid", field="reply_to")
        kind = PostKind.ANSWER
    _require(
        kind != PostKind.ANSWER or reply_to is not None, _("Ответ пишут к вопросу."), code="invalid", field="reply_to"
    )
    if upload is not None:
        _check_file(upload, ArtefactKind.DOCUMENT, "file")
    post = Post(project=project, author=by, kind=kind, text=text, reply_to=reply_to)
    if upload is not None:
        post.file.save(Path(upload.name).name, upload, save=False)
    post.save()
    notifications.new_post(post)
    return post


def post_edit(*, post: Post, by: User, text: str, now=None) -> Post:
    now = now or timezone.now()
    _require(
        can_edit_post(post, by, now=now), _("Исправить запись может её автор в течение 15 минут."), code="forbidden"
    )
    post.text = _text(text, "text")
    post.edited_at = now
    post.save(update_fields=["text", "edited_at"])
    return post


def post_hide(*, post: Post, by: User, now=None) -> Post:
    """The tutor or staff hide a post; it stays in the journal, marked as hidden, and in the history."""
    _require(project_people(post.project, by).leads, _("Скрыть запись может тьютор проекта или сотрудник."))
    if post.is_hidden:
        return post
    post.hidden_at, post.hidden_by = now or timezone.now(), by
    post.save(update_fields=["hidden_at", "hidden_by"])
    log(post.project, POST_HIDDEN, user=by, data={"post": post.pk})
    return post


def join_request_create(*, project: Project, by: User, role: str = "", message: str = "") -> JoinRequest:
    """A resident asks to join a project that is open to join."""
    people: People = project_people(project, by)
    _require(_internal(by, Role.STUDENT), _("Присоединиться к проекту могут обучающиеся лицея."))
    _require(project.open_to_join, _("Этот проект сейчас не набирает участников."), code="conflict")
    _require(not people.member, _("Вы уже в команде этого проекта."), code="conflict")
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(
                project=project,
                user=by,
                role=_text(role, "role", required=False, limit=100),
                message=_text(message, "message", required=False, limit=1000),
            )
    except IntegrityError:
        raise ProjectError(_("Ваша заявка уже ждёт решения тьютора."), code="conflict") from None
    notifications.join_requested(request)
    return request


def join_request_decide(*, join_request: JoinRequest, by: User, accept: bool, now=None) -> JoinRequest:
    with transaction.atomic():
        join_request = JoinRequest.objects.select_for_update().select_related("project").get(pk=join_request.pk)
        project = join_request.project
        _require(project_people(project, by).leads, _("Решение о заявке принимает тьютор проекта."))
        _require(join_request.status == Decision.REQUESTED, _("По этой заявке уже есть решение."), code="conflict")
        join_request.status = Decision.APPROVED if accept else Decision.DECLINED
        join_request.decided_by, join_request.decided_at = by, now or timezone.now()
        join_request.save(update_fields=["status", "decided_by", "decided_at"])
        if accept and not project.members.filter(user_id=join_request.user_id).exists():
            ProjectMember.objects.create(
                project=project,
                user_id=join_request.user_id,
                role=join_request.role,
                sort_order=project.members.count(),
            )
            if project.kind != ProjectKind.COLLECTIVE:
                project.kind = ProjectKind.COLLECTIVE
                project.save(update_fields=["kind"])
            log(project, MEMBER_ADDED, user=by, data={"member": join_request.user_id})
    notifications.join_decided(join_request)
    return join_request


def notifications_set(*, user: User, enabled: set[str]) -> None:
    """Keeps on the kinds in `enabled` and turns off the others."""
    with transaction.atomic():
        NotificationOptOut.objects.filter(user=user, kind__in=enabled).delete()
        for kind in set(NotificationKind.values) - enabled:
            NotificationOptOut.objects.get_or_create(user=user, kind=kind)


def checkpoints_remind(*, today: datetime.date, progress=lambda rows: rows) -> int:
    """Reminds of checkpoints due in two days and of those that became overdue yesterday, once a day each."""
    due = list(checkpoints_due_on(day=today + datetime.timedelta(days=2)).exclude(reminded_on=today))
    late = list(checkpoints_due_on(day=today - datetime.timedelta(days=1)).exclude(reminded_on=today))
    sent = 0
    for checkpoint in progress(due + late):
        sent += notifications.checkpoint_reminder(checkpoint, overdue=checkpoint.due < today)
        Checkpoint.objects.filter(pk=checkpoint.pk).update(reminded_on=today)
    return sent
