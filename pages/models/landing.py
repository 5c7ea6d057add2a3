"""The landing ("стартовая страница"): the root of a school's site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.streams import LandingStreamBlock
from pages.models.base import BasePage


class HomePage(BasePage):
    """Every section of the landing is a block: editors add, reorder and remove them."""

    body = StreamField(
        LandingStreamBlock(),
        verbose_name=_("разделы"),
        blank=True,
        help_text=_("Разделы стартовой страницы по порядку: сегменты, новости, контакты."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("стартовая страница")
        verbose_name_plural = _("стартовые страницы")
