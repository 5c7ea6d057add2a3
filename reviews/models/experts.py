"""Experts: accounts the editors enlist, from the school (internal) or from a partner (external)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index

from residents.roles import Role


class ExpertKind(models.TextChoices):
    INTERNAL = "internal", _("внутренний эксперт (лицей)")
    EXTERNAL = "external", _("внешний эксперт (представитель партнёра)")


class Expert(index.Indexed, ClusterableModel):
    """An account with the expert role (`residents.roles.Role.EXPERT`): the desk opens to it while active."""

    role = Role.EXPERT

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        on_delete=models.CASCADE,
        related_name="expert",
        help_text=_("Учётная запись эксперта на сайте, если оценивает на сайте."),
    )
    name = models.CharField(_("имя и фамилия"), max_length=200, help_text=_("Имя и фамилия эксперта."))
    position = models.CharField(
        _("должность, организация"),
        max_length=255,
        blank=True,
        help_text=_("Должность и организация, например «методист ИМЦ»."),
    )
    kind = models.CharField(
        _("вид"),
        max_length=20,
        choices=ExpertKind.choices,
        default=ExpertKind.INTERNAL,
        help_text=_("Внутренний (педагог лицея) или внешний эксперт."),
    )
    partner = models.ForeignKey(
        "residents.Partner",
        verbose_name=_("партнёр"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="experts",
        help_text=_("Для внешних экспертов: организация-партнёр."),
    )
    name_published = models.BooleanField(
        _("согласие на публикацию имени"),
        default=False,
        help_text=_("Без согласия имя эксперта не показывается рядом с опубликованной оценкой."),
    )
    active = models.BooleanField(
        _("работает"), default=True, help_text=_("Снимите отметку, чтобы эксперту больше не назначали работы.")
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("kind"),
        FieldPanel("partner"),
        FieldPanel("name_published"),
        FieldPanel("active"),
        InlinePanel(
            "ties",
            label=_("Дети и ученики эксперта"),
            help_text=_("Конфликт интересов: эксперт не оценивает работы, в команде которых есть эти обучающиеся."),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("position"), index.FilterField("kind")]

    class Meta:
        verbose_name = _("эксперт")
        verbose_name_plural = _("эксперты")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.kind == ExpertKind.EXTERNAL and not self.partner_id:
            raise ValidationError({"partner": _("Внешний эксперт представляет партнёра: выберите организацию.")})


class TieKind(models.TextChoices):
    CHILD = "child", _("ребёнок")
    STUDENT = "student", _("ученик")


class ExpertTie(models.Model):
    """A student the expert is a parent or a teacher of, as the expert declared it: a conflict of interest."""

    expert = ParentalKey(Expert, on_delete=models.CASCADE, related_name="ties")
    student = models.ForeignKey(
        "residents.Membership",
        verbose_name=_("обучающийся"),
        on_delete=models.CASCADE,
        related_name="expert_ties",
        limit_choices_to={"role": Role.STUDENT},
        help_text=_("Обучающийся, работы которого эксперт оценивать не должен."),
    )
    kind = models.CharField(
        _("кем приходится"),
        max_length=20,
        choices=TieKind.choices,
        help_text=_("Кем эксперт приходится обучающемуся: родитель, тьютор."),
    )

    panels = [FieldPanel("student"), FieldPanel("kind")]

    class Meta:
        verbose_name = _("связь с обучающимся")
        verbose_name_plural = _("связи с обучающимися")
        constraints = [models.UniqueConstraint(fields=["expert", "student"], name="reviews_tie_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.student}"
