"""Topics of support materials, a small taxonomy that editors keep as a snippet, translated like the other
snippets shown to visitors: materials point at the Russian rows, which read their English from the translation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SupportTopic(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("название"), max_length=100, help_text=_("Название темы, как в фильтре библиотеки."))
    slug = models.SlugField(
        _("адрес в фильтре"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Латиницей, без пробелов: для адреса фильтра."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("тема материалов")
        verbose_name_plural = _("темы материалов")
        # The name and the filter's address are unique within a language; a translation keeps its source's slug.
        unique_together = [*TranslatableMixin.Meta.unique_together, ("name", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name
