"""Contacts and footer of the school that runs the coworking space, one set per site.

The school's texts (name, short name, address, footer) have an English version on the same form: Wagtail's
site settings are not translatable (one row per site, not per locale), and four lines do not need a snippet
and a translation workflow of their own. `pages.selectors.school_texts` reads them in the reader's language.
"""

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
    school_name_en = models.CharField(
        _("название школы по-английски"), max_length=255, blank=True, help_text=_("Для английской версии сайта.")
    )
    short_name_en = models.CharField(
        _("краткое название по-английски"), max_length=100, blank=True, help_text=_("Для английской версии сайта.")
    )
    address_en = models.CharField(
        _("адрес по-английски"),
        max_length=255,
        blank=True,
        help_text=_("Для английской версии сайта; имена улиц и района — латиницей."),
    )
    footer_text_en = models.TextField(
        _("текст в подвале по-английски"), blank=True, help_text=_("Для английской версии сайта.")
    )

    select_related = ["logo"]  # the header shows the logo on every page: read with the settings

    panels = [
        MultiFieldPanel([FieldPanel("school_name"), FieldPanel("short_name"), FieldPanel("logo")], _("Школа")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            _("Контакты"),
        ),
        MultiFieldPanel([FieldPanel("vk_url"), FieldPanel("telegram_url")], _("Социальные сети")),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [
                FieldPanel("school_name_en"),
                FieldPanel("short_name_en"),
                FieldPanel("address_en"),
                FieldPanel("footer_text_en"),
            ],
            _("Английская версия"),
            help_text=_("Эти тексты видят читатели английской версии сайта. Пустое поле — показывается русский текст."),
        ),
    ]

    class Meta:
        verbose_name = _("школа и контакты")
