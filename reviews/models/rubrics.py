"""Rubrics: what experts score an item by. A rubric is a snippet methodologists edit in the admin."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


class RubricKind(models.TextChoices):
    """What a rubric is for; the registry (`reviews.registry`) ties each kind to the models it reviews."""

    SOLUTION = "solution", _("проектное решение")
    EXHIBITION = "exhibition", _("выставка")
    MATERIAL = "material", _("методический материал")
    PROJECT = "project", _("проект")


class Rubric(index.Indexed, ClusterableModel):
    title = models.CharField(
        _("название"), max_length=200, help_text=_("Название рубрики, например «Оценка проектного решения».")
    )
    kind = models.CharField(
        _("для чего"),
        max_length=20,
        choices=RubricKind.choices,
        db_index=True,
        help_text=_("Что оценивают по этой рубрике."),
    )
    description = models.TextField(
        _("как пользоваться"), blank=True, help_text=_("Как экспертам пользоваться рубрикой.")
    )
    disagreement_threshold = models.PositiveSmallIntegerField(
        _("порог расхождения, баллов из 100"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Если оценки экспертов расходятся больше, работа помечается «мнения расходятся»."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("disagreement_threshold"),
        InlinePanel("criteria", label=_("Критерии"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("kind")]

    class Meta:
        verbose_name = _("рубрика")
        verbose_name_plural = _("рубрики")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Criterion(Orderable):
    """One criterion: scored on a whole-number scale; its weight says how much it counts in the total."""

    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("критерий"), max_length=200, help_text=_("Короткое название критерия."))
    description = models.TextField(
        _("что оценивается"), blank=True, help_text=_("Что именно оценивается по этому критерию.")
    )
    scale_min = models.PositiveSmallIntegerField(
        _("шкала, от"), default=0, validators=[MaxValueValidator(100)], help_text=_("Наименьший балл по критерию.")
    )
    scale_max = models.PositiveSmallIntegerField(
        _("шкала, до"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Наибольший балл по критерию."),
    )
    weight = models.PositiveSmallIntegerField(
        _("вес"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Во сколько раз критерий важнее других при подсчёте итога."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max"), FieldPanel("weight")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("критерий")
        verbose_name_plural = _("критерии")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.scale_min is not None and self.scale_max is not None and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": _("Верхняя граница шкалы должна быть больше нижней.")})

    @property
    def scale(self) -> range:
        return range(self.scale_min, self.scale_max + 1)
