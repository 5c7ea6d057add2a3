"""A resident's progress through a programme: the modules marked done, and the programmes completed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModuleProgress(models.Model):
    """One module a resident has marked done. `module_id` is the StreamField block id of the module."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("резидент"), on_delete=models.CASCADE, related_name="+"
    )
    programme = models.ForeignKey(
        "support.ProgrammePage", verbose_name=_("программа"), on_delete=models.CASCADE, related_name="+"
    )
    module_id = models.CharField(_("модуль"), max_length=64)
    done_at = models.DateTimeField(_("пройден"), default=timezone.now)

    class Meta:
        verbose_name = _("пройденный модуль")
        verbose_name_plural = _("пройденные модули")
        constraints = [
            models.UniqueConstraint(fields=["user", "programme", "module_id"], name="support_progress_unique_module")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.programme_id}/{self.module_id}"


class ProgrammeCompletion(models.Model):
    """A programme a resident has completed, kept for the teacher's profile (achievements).

    The title and hours are copied at completion: the record stays true if the programme is later
    edited or removed.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("резидент"), on_delete=models.CASCADE, related_name="+"
    )
    programme = models.ForeignKey(
        "support.ProgrammePage",
        verbose_name=_("программа"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    programme_title = models.CharField(_("название программы"), max_length=255)
    hours = models.PositiveIntegerField(_("часов"))
    completed_at = models.DateTimeField(_("завершена"), default=timezone.now)

    class Meta:
        ordering = ["-completed_at"]
        verbose_name = _("завершённая программа")
        verbose_name_plural = _("завершённые программы")
        constraints = [models.UniqueConstraint(fields=["user", "programme"], name="support_completion_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.programme_title}"
