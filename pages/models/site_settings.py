"""Contacts and footer of the school that runs the coworking space, one set per site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="home")
class SchoolSettings(BaseSiteSetting):
    school_name = models.CharField(_("название школы"), max_length=255, blank=True)
    short_name = models.CharField(_("краткое название"), max_length=100, blank=True)
    address = models.CharField(_("адрес"), max_length=255, blank=True)
    phone = models.CharField(_("телефон"), max_length=50, blank=True)
    email = models.EmailField(_("электронная почта"), blank=True)
    vk_url = models.URLField(_("страница ВКонтакте"), blank=True)
    telegram_url = models.URLField(_("канал в Telegram"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("логотип"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_text = models.TextField(_("текст в подвале"), blank=True)

    select_related = ["logo"]  # the header shows the logo on every page: read with the settings

    panels = [
        MultiFieldPanel([FieldPanel("school_name"), FieldPanel("short_name"), FieldPanel("logo")], _("Школа")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            _("Контакты"),
        ),
        MultiFieldPanel([FieldPanel("vk_url"), FieldPanel("telegram_url")], _("Социальные сети")),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("школа и контакты")
