"""Residents' writes to the bank: submitting a solution for moderation, reporting that a solution was reused.

A refused write raises ContributionError with a message for the person and changes nothing.
"""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from bank.models import Contribution, Decision, ReuseReport, SolutionBankPage, SolutionPage
from bank.models.contributions import REUSE_FILE_EXTENSIONS, REUSE_FILE_MAX_BYTES, STORY_MAX_LENGTH
from bank.notifications import notify_decision
from people.models import Person
from residents.roles import Role
from residents.selectors import User, can_view

SUBMITTER_ROLES = (Role.TEACHER, Role.TUTOR)
TUTOR_ROLES = (Role.TEACHER, Role.TUTOR)


class ContributionError(Exception):
    def __init__(self, message, *, code: str, field: str = ""):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code
        self.field = field


def _role_of(user: User) -> str | None:
    membership = getattr(user, "membership", None) if user and user.is_authenticated else None
    return membership.role if membership else None


def may_submit_solution(*, user: User) -> bool:
    """Teachers and tutors of the school, and its students (who name their teacher as tutor)."""
    return _role_of(user) in (*SUBMITTER_ROLES, Role.STUDENT) and user.is_active


def solution_submit(*, bank: SolutionBankPage, user: User, data: dict) -> SolutionPage:
    """A draft SolutionPage under the bank, sent to the editors' moderation workflow; nothing goes live."""
    role = _role_of(user)
    if not may_submit_solution(user=user):
        raise ContributionError(
            _("Предложить решение могут педагоги и тьюторы лицея или обучающиеся вместе с педагогом."),
            code="forbidden",
        )
    tutor: Person | None = data.get("tutor")
    if role == Role.STUDENT and (tutor is None or tutor.role not in TUTOR_ROLES):
        raise ContributionError(
            _("Обучающийся предлагает решение вместе с педагогом: выберите наставника."), code="tutor", field="tutor"
        )
    if data["grade_from"] > data["grade_to"]:
        raise ContributionError(_("Класс «по» не может быть меньше класса «с»."), code="grades", field="grade_to")
    slug = f"{slugify(data['title'], allow_unicode=True)[:40]}-{uuid.uuid4().hex[:6]}"
    with transaction.atomic():
        page = SolutionPage(
            title=data["title"],
            slug=slug,
            summary=data["summary"],
            problem=data["problem"],
            goal=data["goal"],
            result=data["result"],
            reuse=data.get("reuse", ""),
            grade_from=data["grade_from"],
            grade_to=data["grade_to"],
            project_type=data["project_type"],
            tutor=tutor,
            live=False,
            owner=user,
        )
        bank.add_child(instance=page)
        page.subjects.set(data.get("subjects") or [])
        page.save_revision(user=user)
        Contribution.objects.create(page=page, submitter=user)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return page


def contribution_decided(*, page: SolutionPage, approved: bool, now=None) -> None:
    """The editors approved or rejected a submitted solution: the submitter is told by e-mail."""
    contribution = Contribution.objects.filter(page=page, decision=Decision.WAITING).first()
    if contribution is None:
        return
    contribution.decision = Decision.APPROVED if approved else Decision.REJECTED
    contribution.decided_at = now or timezone.now()
    contribution.save(update_fields=["decision", "decided_at"])
    notify_decision(contribution)


def reuse_report(*, solution: SolutionPage, user: User, story: str, where: str, file=None) -> ReuseReport:
    """«Мы использовали это решение» from a signed-in person who may see the solution."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise ContributionError(_("Войдите на сайт, чтобы рассказать об использовании решения."), code="login")
    if not solution.live or not can_view(solution, user=user):
        raise ContributionError(_("Это решение вам недоступно."), code="forbidden")
    story, where = (story or "").strip(), (where or "").strip()
    if not story:
        raise ContributionError(_("Расскажите коротко, как вы использовали решение."), code="required", field="story")
    if len(story) > STORY_MAX_LENGTH:
        raise ContributionError(
            _("Рассказ длиннее %(max)s знаков: сократите его.") % {"max": STORY_MAX_LENGTH},
            code="too_long",
            field="story",
        )
    if not where:
        raise ContributionError(_("Укажите школу или класс."), code="required", field="where")
    if len(where) > 200:
        raise ContributionError(_("Школа или класс — не длиннее 200 знаков."), code="too_long", field="where")
    if file:
        _check_file(file)
    return ReuseReport.objects.create(solution=solution, author=user, story=story, where=where, file=file or "")


def _check_file(file) -> None:
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if extension not in REUSE_FILE_EXTENSIONS:
        raise ContributionError(
            _("Файл может быть в формате: %(formats)s.") % {"formats": ", ".join(REUSE_FILE_EXTENSIONS)},
            code="file_type",
            field="file",
        )
    if file.size > REUSE_FILE_MAX_BYTES:
        raise ContributionError(_("Файл больше 10 МБ."), code="file_size", field="file")
