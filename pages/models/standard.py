"""Standard pages: the description of the model, the regulations, the council, and the like."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.streams import BodyStreamBlock
from pages.models.base import BasePage


class StandardPage(BasePage):
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("содержание"),
        blank=True,
        help_text=_("Текст страницы: заголовки, абзацы, списки, документы и изображения."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage", "pages.RoadmapPage"]

    class Meta:
        verbose_name = _("текстовая страница")
        verbose_name_plural = _("текстовые страницы")
