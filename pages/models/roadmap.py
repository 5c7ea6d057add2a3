"""The roadmap ("дорожная карта"): products of the project with their tasks, dates and results."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.streams import RoadmapStreamBlock
from pages.models.base import BasePage


class RoadmapPage(BasePage):
    products = StreamField(
        RoadmapStreamBlock(),
        verbose_name=_("продукты"),
        help_text=_("Продукты дорожной карты с задачами, сроками и результатами."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("products")]
    search_fields = [*BasePage.search_fields, index.SearchField("products")]
    api_fields = [*BasePage.api_fields, APIField("products")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("дорожная карта")
        verbose_name_plural = _("дорожные карты")
