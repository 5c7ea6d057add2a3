"""Residents' contributions to the bank: solutions they submit, and the stories of those who reused one."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

STORY_MAX_LENGTH = 2000
REUSE_FILE_EXTENSIONS = ["pdf", "docx", "pptx", "jpg", "jpeg", "png"]
REUSE_FILE_MAX_BYTES = 10 * 1024 * 1024


class Decision(models.TextChoices):
    WAITING = "waiting", _("на модерации")
    APPROVED = "approved", _("опубликовано")
    REJECTED = "rejected", _("отклонено")


class Contribution(models.Model):
    """A solution a resident submitted from the site: a draft page in the editors' moderation workflow."""

    page = models.OneToOneField(
        "bank.SolutionPage", verbose_name=_("решение"), on_delete=models.CASCADE, related_name="contribution"
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("автор заявки"), on_delete=models.CASCADE, related_name="+"
    )
    submitted_at = models.DateTimeField(_("подано"), auto_now_add=True)
    decision = models.CharField(
        _("решение редакции"), max_length=20, choices=Decision.choices, default=Decision.WAITING
    )
    decided_at = models.DateTimeField(_("решено"), null=True, blank=True)

    class Meta:
        verbose_name = _("решение от резидента")
        verbose_name_plural = _("решения от резидентов")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return str(self.page)


class ReuseReport(models.Model):
    """«Мы использовали это решение»: counted and shown once an editor publishes the story."""

    solution = models.ForeignKey(
        "bank.SolutionPage", verbose_name=_("решение"), on_delete=models.CASCADE, related_name="reuse_reports"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("кто сообщил"), on_delete=models.CASCADE, related_name="+"
    )
    story = models.TextField(
        _("как использовали"),
        max_length=STORY_MAX_LENGTH,
        help_text=_("Что и как сделали по этому решению: несколько предложений для других учителей."),
    )
    where = models.CharField(
        _("школа или класс"),
        max_length=200,
        help_text=_("Школа или класс, где использовали решение, например «ГБОУ лицей № 373, 7Б»."),
    )
    file = models.FileField(
        _("файл"),
        upload_to="bank/reuse/",
        blank=True,
        validators=[FileExtensionValidator(REUSE_FILE_EXTENSIONS)],
        help_text=_("Необязательно: фотографии, отчёт или презентация о том, как прошло."),
    )
    published = models.BooleanField(
        _("история опубликована"), default=False, help_text=_("Только история и школа или класс: без имени автора.")
    )
    created_at = models.DateTimeField(_("сообщено"), auto_now_add=True)

    panels = [FieldPanel("story"), FieldPanel("where"), FieldPanel("file"), FieldPanel("published")]

    class Meta:
        verbose_name = _("история повторного использования")
        verbose_name_plural = _("истории повторного использования")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.solution}: {self.where}"
