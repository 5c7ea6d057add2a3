"""An editor's assignment of an expert to an item, and the expert's review: one score per criterion."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 3000


class Assignment(models.Model):
    """The item is generic (a page, or later a project snippet): `reviews.registry` says which models qualify."""

    expert = models.ForeignKey(
        "reviews.Expert", verbose_name=_("эксперт"), on_delete=models.CASCADE, related_name="assignments"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    rubric = models.ForeignKey(
        "reviews.Rubric", verbose_name=_("рубрика"), on_delete=models.PROTECT, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("назначил"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("назначено"), auto_now_add=True)
    due_on = models.DateField(_("срок"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("напоминание отправлено"), null=True, blank=True)

    class Meta:
        verbose_name = _("назначение эксперта")
        verbose_name_plural = _("назначения экспертов")
        ordering = ["due_on", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["expert", "content_type", "object_id"], name="reviews_assignment_once")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.expert}: {self.content_type.model} #{self.object_id}"


class Review(models.Model):
    """Submitted once; `score` is the weighted total on a 0-100 scale, kept for lists and aggregation."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    comment = models.TextField(_("комментарий"), max_length=COMMENT_MAX_LENGTH)
    score = models.FloatField(_("итог, из 100"))
    submitted_at = models.DateTimeField(_("отправлено"), auto_now_add=True)

    class Meta:
        verbose_name = _("экспертная оценка")
        verbose_name_plural = _("экспертные оценки")
        ordering = ["submitted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.score:.0f}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("reviews.Criterion", on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(_("балл"))

    class Meta:
        verbose_name = _("балл по критерию")
        verbose_name_plural = _("баллы по критериям")
        ordering = ["criterion__sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="reviews_score_once")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"
