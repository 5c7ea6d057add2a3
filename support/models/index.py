"""The door to the support system."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.streams import BodyStreamBlock
from pages.models.base import BasePage
from residents.selectors import pages_visible
from support.models.materials import MaterialsLibraryPage
from support.models.programmes import ProgrammePage, SupportSectionPage
from support.models.rest_room import RestRoomPage
from support.selectors import programmes_visible


class SupportIndexPage(BasePage):
    """The door to the support system: sections for each group, programmes, the materials library.

    Open to everyone by default: it says in plain words what the support system offers, and lists
    to each visitor only the programmes and materials that visitor may open.
    """

    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("содержание"),
        blank=True,
        help_text=_("Текст страницы о системе сопровождения."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "support.SupportSectionPage",
        "support.ProgrammePage",
        "support.MaterialsLibraryPage",
        "support.RestRoomPage",
    ]
    max_count_per_parent = 1
    template = "support/support_index_page.html"

    class Meta:
        verbose_name = _("система сопровождения")
        verbose_name_plural = _("системы сопровождения")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["sections"] = pages_visible(SupportSectionPage.objects.child_of(self), user=user)
        context["programmes"] = programmes_visible(user=user, queryset=ProgrammePage.objects.child_of(self))
        context["libraries"] = pages_visible(MaterialsLibraryPage.objects.child_of(self), user=user)
        # The rest room is its own segment of the landing, usually beside this page rather than under it.
        context["rest_rooms"] = pages_visible(RestRoomPage.objects.descendant_of(self.get_parent()), user=user)
        return context
