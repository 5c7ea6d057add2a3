"""Formats of project events ("стендап, SCRUM, выступление в форме TED, Печа-Куча, антилекция, кейс-турнир"):
what the project event generator builds a programme from."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class EventFormat(TranslatableMixin, index.Indexed, ClusterableModel):
    name = models.CharField(
        _("название"),
        max_length=100,
        help_text=_("Короткое название формата, например «Хакатон» или «SCRUM-сессия»."),
    )
    slug = models.SlugField(_("код"), max_length=100, help_text=_("Латиницей, для адресов и API."))
    description = models.TextField(_("описание"), help_text=_("Что это за формат и для каких задач он подходит."))
    typical_duration = models.PositiveIntegerField(
        _("типичная длительность, минут"),
        validators=[MinValueValidator(5)],
        default=60,
        help_text=_("Сколько минут обычно длится событие этого формата."),
    )
    min_participants = models.PositiveIntegerField(
        _("участников от"), default=2, help_text=_("Меньше скольких участников формат не работает.")
    )
    max_participants = models.PositiveIntegerField(
        _("участников до"), default=30, help_text=_("Больше скольких участников формат не рассчитан.")
    )
    group_size = models.PositiveIntegerField(
        _("размер группы"),
        null=True,
        blank=True,
        help_text=_("Если участники работают командами: сколько человек в команде."),
    )
    checklist = models.TextField(_("что подготовить"), blank=True, help_text=_("По одному пункту в строке."))

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("typical_duration"),
                FieldRowPanel([FieldPanel("min_participants"), FieldPanel("max_participants")]),
                FieldPanel("group_size"),
            ],
            _("Время и участники"),
        ),
        InlinePanel("steps", label=_("Шаблон программы"), min_num=1),
        InlinePanel("roles", label=_("Роли")),
        FieldPanel("checklist"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]
    translatable_fields = [
        *(TranslatableField(name) for name in ["name", "description", "checklist", "steps", "roles"]),
        *(SynchronizedField(name) for name in ["slug", "typical_duration", "min_participants", "max_participants"]),
        SynchronizedField("group_size"),
    ]
    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("description"),
        APIField("typical_duration"),
        APIField("min_participants"),
        APIField("max_participants"),
        APIField("group_size"),
    ]

    class Meta:
        verbose_name = _("формат события")
        verbose_name_plural = _("форматы событий")
        ordering = ["name"]
        # The name and the code are unique within a language; a translation keeps the code of its source.
        unique_together = [*TranslatableMixin.Meta.unique_together, ("name", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def checklist_items(self) -> list[str]:
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]


class EventFormatStep(TranslatableMixin, Orderable):
    """One step of a format's agenda; its length is relative and scales to the chosen duration."""

    event_format = ParentalKey(EventFormat, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("шаг"), max_length=200, help_text=_("Короткое название шага сценария."))
    weight = models.PositiveIntegerField(
        _("относительная длительность"),
        validators=[MinValueValidator(1)],
        help_text=_("Например, минуты при типичной длительности: важны только пропорции между шагами."),
    )
    notes = models.TextField(
        _("заметки ведущему"), blank=True, help_text=_("Что делает ведущий на этом шаге и на что обратить внимание.")
    )

    panels = [FieldPanel("title"), FieldPanel("weight"), FieldPanel("notes")]
    translatable_fields = [TranslatableField("title"), TranslatableField("notes"), SynchronizedField("weight")]

    class Meta(Orderable.Meta):
        verbose_name = _("шаг программы")
        verbose_name_plural = _("шаги программы")
        unique_together = TranslatableMixin.Meta.unique_together

    def __str__(self):
        return self.title


class EventFormatRole(TranslatableMixin, Orderable):
    event_format = ParentalKey(EventFormat, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(
        _("роль"), max_length=100, help_text=_("Название роли участника, например «ведущий» или «эксперт».")
    )
    duty = models.CharField(
        _("что делает"), max_length=300, blank=True, help_text=_("Что делает человек в этой роли, одной фразой.")
    )

    panels = [FieldPanel("title"), FieldPanel("duty")]
    translatable_fields = [TranslatableField("title"), TranslatableField("duty")]

    class Meta(Orderable.Meta):
        verbose_name = _("роль")
        verbose_name_plural = _("роли")
        unique_together = TranslatableMixin.Meta.unique_together

    def __str__(self):
        return self.title
