"""The project journal: where the team, the tutor and the consultants talk. A post is never deleted: its
author edits it for 15 minutes, and the tutor or staff may hide it, which stays visible as hidden."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.models.projects import Project
from projects.models.storage import private_storage

EDIT_WINDOW = datetime.timedelta(minutes=15)


class PostKind(models.TextChoices):
    UPDATE = "update", _("новость")
    QUESTION = "question", _("вопрос")
    ANSWER = "answer", _("ответ")


class Post(models.Model):
    project = models.ForeignKey(Project, verbose_name=_("проект"), on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("автор"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("вид"), max_length=20, choices=PostKind.choices, default=PostKind.UPDATE)
    reply_to = models.ForeignKey(
        "self", verbose_name=_("ответ на"), null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("текст"), max_length=5000)
    file = models.FileField(_("файл"), upload_to="projects/journal/%Y/%m/", storage=private_storage, blank=True)
    created_at = models.DateTimeField(_("написано"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("исправлено"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("скрыто"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто скрыл"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("запись журнала")
        verbose_name_plural = _("журнал проекта")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def file_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""

    def editable_until(self) -> datetime.datetime:
        return self.created_at + EDIT_WINDOW
