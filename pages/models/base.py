"""What every page of the coworking space shares: an introduction, search and API fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from blocks.links import linked_pages_preload
from pages.admin_forms import BasePageForm
from residents.audiences import Audience, AudienceMixin
from residents.restrictions import restrictions_in_tree


class BasePage(AudienceMixin, Page):
    """Abstract page with a plain-language introduction shown under the title and in listings."""

    introduction = models.TextField(
        _("вступление"),
        blank=True,
        help_text=_("Два-три предложения простым языком: о чём страница и кому она полезна."),
    )

    base_form_class = BasePageForm
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

    def get_context(self, request, *args, **kwargs):
        """The pages that the body's links point at are read once, whatever kinds of block hold them."""
        streams = [getattr(self, field.name) for field in self._meta.concrete_fields if isinstance(field, StreamField)]
        linked_pages_preload(*streams, user=getattr(request, "user", None))
        return super().get_context(request, *args, **kwargs)

    def related_preload(self, *names: str) -> None:
        """Reads the objects of these foreign keys in one query (Wagtail reads the page alone, and each would
        cost one more), unless the page in hand points elsewhere than the stored one (a preview), or they
        were read with it already (a solution found by the bank's route)."""
        if all(self._meta.get_field(name).is_cached(self) for name in names):
            return
        stored = type(self)._default_manager.filter(pk=self.pk).select_related(*names).first()
        if stored is None:
            return
        for name in names:
            field = self._meta.get_field(name)
            if getattr(self, field.attname) == getattr(stored, field.attname) and not field.is_cached(self):
                field.set_cached_value(self, getattr(stored, name))

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

    def get_view_restrictions(self):
        """Wagtail checks these before serving the page (two queries); a page that no restriction can reach,
        which the tree's restricted and alias paths tell from memory, needs none."""
        if not restrictions_in_tree().may_restrict(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
