"""The stages every project goes through, as data that methodologists edit (a snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Stage(models.Model):
    """One stage of the project cycle: идея, планирование, исследование, создание продукта, защита, опубликован.

    The order is the `position`; the last stage (`is_published`) is reached only when the bank publishes the
    project's solution, never by a move the tutor approves."""

    name = models.CharField(
        _("название"), max_length=80, unique=True, help_text=_("Название стадии, как его видят команды.")
    )
    slug = models.SlugField(
        _("код"), max_length=40, unique=True, help_text=_("Латиницей, без пробелов: для адресов и API.")
    )
    position = models.PositiveSmallIntegerField(
        _("порядок"), unique=True, help_text=_("Порядковый номер стадии: стадии идут по возрастанию.")
    )
    description = models.TextField(
        _("что делает команда"), blank=True, help_text=_("Что команда делает на этой стадии.")
    )
    is_published = models.BooleanField(
        _("проект опубликован"),
        default=False,
        help_text=_("Стадия, на которую проект переходит, когда его решение опубликовано в банке."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("position"), FieldPanel("description")]

    class Meta:
        verbose_name = _("стадия проекта")
        verbose_name_plural = _("стадии проектов")
        ordering = ["position"]

    def __str__(self):
        return self.name
