"""The aggregated result of an item's reviews, as an editor published it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Result(models.Model):
    """A snapshot at publication: later reviews do not change what the public sees until it is published again."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    rubric = models.ForeignKey("reviews.Rubric", verbose_name=_("рубрика"), on_delete=models.PROTECT, related_name="+")
    score = models.FloatField(_("оценка, из 100"))
    spread = models.FloatField(_("разброс, баллов"))
    expert_count = models.PositiveSmallIntegerField(_("экспертов"))
    disagreement = models.BooleanField(_("мнения расходятся"), default=False)
    expert_names = models.JSONField(_("эксперты, согласные на публикацию имени"), default=list)
    published_at = models.DateTimeField(_("опубликовано"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("опубликовал"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("результат экспертизы")
        verbose_name_plural = _("результаты экспертизы")
        ordering = ["-published_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="reviews_result_once")]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id}: {self.score:.0f}"
