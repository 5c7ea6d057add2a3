"""Taxonomies of the bank that editors manage as snippets: subject areas and project types."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("название"),
        max_length=120,
        help_text=_("Как название показывается посетителям в фильтрах и карточках."),
    )
    slug = models.SlugField(
        _("адрес в ссылках"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Латиницей, без пробелов: используется в адресах фильтров."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta:
        abstract = True
        ordering = ["name"]
        # The name and the slug are unique within a language; a translation keeps the slug of its source.
        unique_together = [*TranslatableMixin.Meta.unique_together, ("name", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class SubjectArea(Taxonomy):
    """A subject area of the curriculum: mathematics, biology, informatics..."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("предметная область")
        verbose_name_plural = _("предметные области")


class ProjectType(Taxonomy):
    """How a project was done: individual or collective (editors may add finer types)."""

    is_collective = models.BooleanField(
        _("коллективный"), default=False, help_text=_("Отметьте, если над проектом этого типа работает команда.")
    )

    panels = [*Taxonomy.panels, FieldPanel("is_collective")]
    translatable_fields = [*Taxonomy.translatable_fields, SynchronizedField("is_collective")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("тип проекта")
        verbose_name_plural = _("типы проектов")
