"""The stages every project goes through, as data that methodologists edit (a snippet)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


def source_stages() -> dict:
    """The stages a project may be set to in the admin (and filtered by): the Russian rows, not translations."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class Stage(TranslatableMixin, models.Model):
    """One stage of the project cycle: идея, планирование, исследование, создание продукта, защита, опубликован.

    The order is the `position`; the last stage (`is_published`) is reached only when the bank publishes the
    project's solution, never by a move the tutor approves.

    Its name and description are translated; the code, the order and the flag stay the Russian source's. Projects,
    moves, checkpoints and every list use the Russian rows (see `pages.localized`)."""

    name = models.CharField(_("название"), max_length=80, help_text=_("Название стадии, как его видят команды."))
    slug = models.SlugField(_("код"), max_length=40, help_text=_("Латиницей, без пробелов: для адресов и API."))
    position = models.PositiveSmallIntegerField(
        _("порядок"), help_text=_("Порядковый номер стадии: стадии идут по возрастанию.")
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
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        *(SynchronizedField(name) for name in ["slug", "position", "is_published"]),
    ]

    class Meta:
        verbose_name = _("стадия проекта")
        verbose_name_plural = _("стадии проектов")
        ordering = ["position"]
        # Unique within a language; a translation keeps its source's code, order and flag.
        unique_together = [
            *TranslatableMixin.Meta.unique_together,
            ("name", "locale"),
            ("slug", "locale"),
            ("position", "locale"),
        ]

    def __str__(self):
        return self.name
