"""What a project is made of from stage to stage: checkpoints, artefacts, the tutor's decisions on moving to
the next stage and on who joins the team. Written only through `projects.services`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.models.projects import Project
from projects.models.storage import private_storage


class StageWork(models.Model):
    """What a project has at one of its stages (a checkpoint, an artefact)."""

    project = models.ForeignKey(Project, verbose_name=_("проект"), on_delete=models.CASCADE, related_name="%(class)ss")
    stage = models.ForeignKey("projects.Stage", verbose_name=_("стадия"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True


class CheckpointStatus(models.TextChoices):
    PLANNED = "planned", _("запланирована")
    IN_PROGRESS = "in_progress", _("в работе")
    DONE = "done", _("выполнена")


class Checkpoint(StageWork):
    """A point of control within a stage: what is due, by when, and who answers for it."""

    title = models.CharField(_("что сделать"), max_length=200)
    due = models.DateField(_("срок"), db_index=True)
    status = models.CharField(
        _("статус"), max_length=20, choices=CheckpointStatus.choices, default=CheckpointStatus.PLANNED, db_index=True
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ответственный"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_checkpoints",
    )
    reminded_on = models.DateField(_("напоминание отправлено"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("контрольная точка")
        verbose_name_plural = _("контрольные точки")
        ordering = ["due", "pk"]

    def __str__(self):
        return self.title

    def is_overdue(self, today) -> bool:
        return self.status != CheckpointStatus.DONE and self.due < today


class ArtefactKind(models.TextChoices):
    DOCUMENT = "document", _("документ")
    IMAGE = "image", _("изображение")
    LINK = "link", _("ссылка")


class Artefact(StageWork):
    """A document, an image or a link the team made at a stage. Files are kept outside MEDIA_ROOT and sent
    only through the checked download view."""

    kind = models.CharField(_("вид"), max_length=20, choices=ArtefactKind.choices)
    title = models.CharField(_("название"), max_length=200)
    file = models.FileField(_("файл"), upload_to="projects/artefacts/%Y/%m/", storage=private_storage, blank=True)
    url = models.URLField(_("ссылка"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("добавил"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("добавлен"), auto_now_add=True)

    class Meta:
        verbose_name = _("артефакт")
        verbose_name_plural = _("артефакты")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="link") & ~Q(url="")) | (~Q(kind="link") & ~Q(file="")),
                name="projects_artefact_file_or_link",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def file_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class Decision(models.TextChoices):
    REQUESTED = "requested", _("ждёт решения тьютора")
    APPROVED = "approved", _("одобрено")
    DECLINED = "declined", _("отклонено")


class Decided(models.Model):
    """A request the tutor decides (a stage move, a request to join): the decision, who took it, when."""

    status = models.CharField(_("решение"), max_length=20, choices=Decision.choices, default=Decision.REQUESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто решил"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("когда решили"), null=True, blank=True)

    class Meta:
        abstract = True


class StageMove(Decided):
    """A move to the next stage: asked by the team, approved or declined by the tutor. Every move stays, so
    the project's history says who moved it when."""

    project = models.ForeignKey(Project, verbose_name=_("проект"), on_delete=models.CASCADE, related_name="moves")
    from_stage = models.ForeignKey(
        "projects.Stage", verbose_name=_("со стадии"), on_delete=models.PROTECT, related_name="+"
    )
    to_stage = models.ForeignKey(
        "projects.Stage", verbose_name=_("на стадию"), on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("кто попросил"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("когда попросили"), auto_now_add=True)

    class Meta:
        verbose_name = _("переход между стадиями")
        verbose_name_plural = _("переходы между стадиями")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project"], condition=Q(status="requested"), name="projects_one_open_move")
        ]

    def __str__(self):
        return f"{self.from_stage} → {self.to_stage}"


class JoinRequest(Decided):
    """A resident's request to join an open project, in a role it seeks; the tutor accepts or declines."""

    project = models.ForeignKey(
        Project, verbose_name=_("проект"), on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("кто просит"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("в какой роли"), max_length=100, blank=True)
    message = models.TextField(_("сообщение"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("отправлена"), auto_now_add=True)

    class Meta:
        verbose_name = _("заявка на участие")
        verbose_name_plural = _("заявки на участие")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"], condition=Q(status="requested"), name="projects_one_open_join_request"
            )
        ]

    def __str__(self):
        return f"{self.project}: {self.get_status_display()}"
