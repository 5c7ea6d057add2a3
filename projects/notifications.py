"""E-mails of the projects workspace: a checkpoint due in two days or overdue, a new journal post, a join
request and its decision, an approved or declined stage. Each goes only to people of the project with an
address who did not turn that kind off; the text names the project and links to its page, and carries no
student's contacts."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.models import Checkpoint, Decision, JoinRequest, NotificationKind, NotificationOptOut, Post, StageMove
from projects.selectors import with_stages_named

logger = logging.getLogger(__name__)


def project_address(project) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("projects:project", args=[project.pk])


def _send(kind: str, users, subject: str, body: str) -> int:
    users = [user for user in users if user is not None and user.email and user.is_active]
    off = set(NotificationOptOut.objects.filter(kind=kind, user__in=users).values_list("user_id", flat=True))
    addresses = sorted({user.email for user in users if user.pk not in off})
    if not addresses:
        return 0
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
    sent = send_mass_mail(messages, fail_silently=False)
    logger.info("Projects: %s sent to %d people", kind, sent)
    return sent


def _workers(project) -> list:
    return (
        [member.user for member in project.members.select_related("user")]
        + [project.tutor]
        + list(project.consultants.all())
    )


def new_post(post: Post) -> int:
    project = post.project
    people = [user for user in _workers(project) if user.pk != post.author_id]
    return _send(
        NotificationKind.NEW_POST,
        people,
        _("Новая запись в журнале проекта «%(title)s»") % {"title": project.title},
        _("В журнале проекта «%(title)s» новая запись (%(kind)s).\nОткройте проект: %(url)s")
        % {"title": project.title, "kind": post.get_kind_display(), "url": project_address(project)},
    )


def join_requested(request: JoinRequest) -> int:
    project = request.project
    return _send(
        NotificationKind.JOIN_REQUEST,
        [project.tutor],
        _("Заявка на участие в проекте «%(title)s»") % {"title": project.title},
        _(
            "Обучающийся просит принять его в проект «%(title)s» (роль: %(role)s).\n"
            "Примите или отклоните заявку: %(url)s"
        )
        % {"title": project.title, "role": request.role or "—", "url": project_address(project)},
    )


def stage_approved(move: StageMove) -> int:
    project = move.project
    with_stages_named([move], "from_stage", "to_stage")  # named in the language of the one who acts
    return _send(
        NotificationKind.STAGE_APPROVED,
        _workers(project),
        _("Проект «%(title)s»: стадия «%(stage)s»") % {"title": project.title, "stage": move.to_stage.name},
        _("Тьютор одобрил переход проекта «%(title)s» на стадию «%(stage)s».\n%(url)s")
        % {"title": project.title, "stage": move.to_stage.name, "url": project_address(project)},
    )


def stage_declined(move: StageMove) -> int:
    """The one who asked for the move hears that the tutor declined it."""
    project = move.project
    with_stages_named([move], "from_stage", "to_stage")  # named in the language of the one who acts
    return _send(
        NotificationKind.STAGE_DECLINED,
        [move.requested_by],
        _("Проект «%(title)s»: переход отклонён") % {"title": project.title},
        _(
            "Тьютор отклонил переход проекта «%(title)s» на стадию «%(stage)s»: проект остаётся на стадии "
            "«%(current)s». Обсудите с тьютором, что доделать, в журнале проекта.\n%(url)s"
        )
        % {
            "title": project.title,
            "stage": move.to_stage.name,
            "current": move.from_stage.name,
            "url": project_address(project),
        },
    )


def join_decided(request: JoinRequest) -> int:
    """The resident who asked to join hears the tutor's decision."""
    project = request.project
    accepted = request.status == Decision.APPROVED
    body = (
        _("Тьютор принял вас в команду проекта «%(title)s».\n%(url)s")
        if accepted
        else _("Тьютор отклонил вашу заявку на участие в проекте «%(title)s».\n%(url)s")
    )
    return _send(
        NotificationKind.JOIN_DECIDED,
        [request.user],
        _("Заявка на участие в проекте «%(title)s»: решение") % {"title": project.title},
        body % {"title": project.title, "url": project_address(project)},
    )


def checkpoint_reminder(checkpoint: Checkpoint, *, overdue: bool) -> int:
    project = checkpoint.project
    people = [checkpoint.responsible] if checkpoint.responsible else [m.user for m in project.members.all()]
    if overdue:
        people.append(project.tutor)
    kind = NotificationKind.CHECKPOINT_OVERDUE if overdue else NotificationKind.CHECKPOINT_DUE
    template = (
        _("Контрольная точка «%(checkpoint)s» проекта «%(title)s» просрочена: срок был %(due)s.\n%(url)s")
        if overdue
        else _("Через два дня, %(due)s, срок контрольной точки «%(checkpoint)s» проекта «%(title)s».\n%(url)s")
    )
    values = {
        "checkpoint": checkpoint.title,
        "title": project.title,
        "due": f"{checkpoint.due:%d.%m.%Y}",
        "url": project_address(project),
    }
    subject = _("Просрочена контрольная точка: %(checkpoint)s") if overdue else _("Скоро срок: %(checkpoint)s")
    return _send(kind, people, subject % values, template % values)
