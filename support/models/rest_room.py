"""The virtual rest room ("виртуальная комната отдыха"): health, psychological support and leisure."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.support import HelpContactsStreamBlock, RestRoomStreamBlock
from pages.models.base import BasePage
from residents.audiences import Audience, audience_field


class RestRoomPage(BasePage):
    """For internal residents. Visiting it is never tracked per person: nothing is written when it is
    read, it carries links but no embedded players or widgets, and it is sent with
    `Cache-Control: private, no-store` (no shared cache keeps it; a shared family or school computer
    keeps no copy for the next person) and `Referrer-Policy: no-referrer` (a helpline's site is not
    told the visitor came from here)."""

    audience = audience_field(Audience.INTERNAL)
    help_contacts = StreamField(
        HelpContactsStreamBlock(),
        verbose_name=_("контакты помощи"),
        blank=True,
        help_text=_("Телефоны и адреса помощи: психолог, телефон доверия."),
    )
    sections = StreamField(
        RestRoomStreamBlock(),
        verbose_name=_("разделы"),
        blank=True,
        help_text=_("Разделы комнаты отдыха: здоровье, поддержка, досуг."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("help_contacts"), FieldPanel("sections")]
    search_fields = [*BasePage.search_fields, index.SearchField("sections")]
    api_fields = [*BasePage.api_fields, APIField("help_contacts"), APIField("sections")]

    parent_page_types = ["pages.HomePage", "support.SupportIndexPage"]
    subpage_types = []
    template = "support/rest_room_page.html"

    class Meta:
        verbose_name = _("комната отдыха")
        verbose_name_plural = _("комнаты отдыха")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response
