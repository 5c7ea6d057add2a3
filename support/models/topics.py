"""Topics of support materials, a small taxonomy that editors keep as a snippet."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SupportTopic(index.Indexed, models.Model):
    name = models.CharField(
        _("название"), max_length=100, unique=True, help_text=_("Название темы, как в фильтре библиотеки.")
    )
    slug = models.SlugField(
        _("адрес в фильтре"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Латиницей, без пробелов: для адреса фильтра."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("тема материалов")
        verbose_name_plural = _("темы материалов")

    def __str__(self) -> str:
        return self.name
