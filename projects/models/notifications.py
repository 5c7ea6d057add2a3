"""Which e-mails of the projects workspace a resident has turned off (everything is on by default)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    CHECKPOINT_DUE = "checkpoint_due", _("срок контрольной точки через 2 дня")
    CHECKPOINT_OVERDUE = "checkpoint_overdue", _("контрольная точка просрочена")
    NEW_POST = "new_post", _("новая запись в журнале")
    JOIN_REQUEST = "join_request", _("заявка на участие")
    STAGE_APPROVED = "stage_approved", _("переход на новую стадию одобрен")
    STAGE_DECLINED = "stage_declined", _("переход на новую стадию отклонён")
    JOIN_DECIDED = "join_decided", _("решение по моей заявке на участие")


class NotificationOptOut(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("резидент"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("уведомление"), max_length=30, choices=NotificationKind.choices)

    class Meta:
        verbose_name = _("отключённое уведомление")
        verbose_name_plural = _("отключённые уведомления")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="projects_optout_once")]

    def __str__(self):
        return self.get_kind_display()
