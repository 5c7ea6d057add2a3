"""What every page of the coworking space shares: an introduction, search and API fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from residents.audiences import Audience, AudienceMixin


class BasePage(AudienceMixin, Page):
    """Abstract page with a plain-language introduction shown under the title and in listings."""

    introduction = models.TextField(
        _("вступление"),
        blank=True,
        help_text=_("Два-три предложения простым языком: о чём страница и кому она полезна."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    settings_panels = [FieldPanel("audience"), *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.FilterField("audience")]
    api_fields = [APIField("audience"), APIField("introduction")]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        """The page's description for search engines and link previews: the editor's own (the promote
        tab's «Описание для поисковиков»), else the introduction."""
        return self.search_description or self.introduction

    @property
    def meta_image(self):
        """The picture of the page's link preview; the school's logo where a page type has none."""
        return None

    def get_sitemap_urls(self, request=None):
        """sitemap.xml lists only pages open to everyone (access itself is checked by residents' hooks)."""
        if self.audience != Audience.EVERYONE:
            return []
        return super().get_sitemap_urls(request)

    def serve_password_required_response(self, request, form, action_url):
        """Wagtail's password form, answered with 403: the page's content is not what was sent."""
        response = super().serve_password_required_response(request, form, action_url)
        response.status_code = 403
        return response
