"""The sections for each group and the programmes with their modules."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from blocks.streams import BodyStreamBlock
from blocks.support import ProgrammeModulesBlock
from blocks.text import RICH_TEXT_FEATURES
from pages.models.base import BasePage
from residents.audiences import Audience, audience_field
from support import views
from support.models.base import TargetGroup
from support.selectors import module_materials_visible, programme_progress, programmes_visible


class ProgrammeFormat(models.TextChoices):
    IN_PERSON = "in_person", _("очно")
    REMOTE = "remote", _("дистанционно")
    MIXED = "mixed", _("смешанный формат")


PROGRAMMES_HEADINGS = {
    TargetGroup.TEACHERS: _("Программы для педагогов и тьюторов"),
    TargetGroup.PARENTS: _("Программы для родителей"),
    TargetGroup.STUDENTS: _("Программы для обучающихся"),
    TargetGroup.COMMUNITY: _("Программы для образовательного сообщества"),
}


class SupportSectionPage(BasePage):
    """A section written for one group (parents, teachers...): plain language, questions and answers,
    and the programmes for that group listed automatically."""

    target_group = models.CharField(
        _("для кого"),
        max_length=20,
        choices=TargetGroup.choices,
        help_text=_("Для какой группы раздел: педагоги, родители, обучающиеся."),
    )
    body = StreamField(
        BodyStreamBlock(), verbose_name=_("содержание"), blank=True, help_text=_("Текст раздела для этой группы.")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("target_group"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("target_group")]
    api_fields = [*BasePage.api_fields, APIField("target_group"), APIField("body")]

    parent_page_types = ["support.SupportIndexPage"]
    subpage_types = []
    template = "support/support_section_page.html"

    class Meta:
        verbose_name = _("раздел для группы")
        verbose_name_plural = _("разделы для групп")

    def programmes_heading(self) -> str:
        return str(PROGRAMMES_HEADINGS.get(self.target_group, _("Программы")))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = programmes_visible(
            user=request.user,
            queryset=ProgrammePage.objects.sibling_of(self).filter(target_group=self.target_group),
        )
        return context


class ProgrammePage(RoutablePageMixin, BasePage):
    """A support programme for one group: goal, outcomes, format, partner and modules with hours.

    The total is entered from the approved programme (it is the figure printed on certificates), and
    the page cannot be saved while the modules' hours do not add up to it: a typo in either is caught
    instead of silently changing the official figure.
    """

    audience = audience_field(Audience.INTERNAL)
    target_group = models.CharField(
        _("для кого"),
        max_length=20,
        choices=TargetGroup.choices,
        help_text=_("Для какой группы программа: педагоги, родители, обучающиеся."),
    )
    goal = models.TextField(_("цель программы"), help_text=_("Цель программы одной-двумя фразами."))
    expected_outcomes = RichTextField(
        _("планируемые результаты"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Что участники будут знать и уметь после программы."),
    )
    format = models.CharField(
        _("формат"),
        max_length=20,
        choices=ProgrammeFormat.choices,
        default=ProgrammeFormat.MIXED,
        help_text=_("Очно, дистанционно или смешанно."),
    )
    partner = models.CharField(
        _("организация-партнер"),
        max_length=255,
        blank=True,
        help_text=_("Например: ИМЦ Московского района Санкт-Петербурга."),
    )
    total_hours = models.PositiveIntegerField(
        _("объём программы, часов"), help_text=_("Сумма часов всех модулей должна совпадать с объёмом.")
    )
    modules = StreamField(
        ProgrammeModulesBlock(),
        verbose_name=_("модули"),
        help_text=_("Модули программы по порядку, с темами и материалами."),
    )
    body = StreamField(
        BodyStreamBlock(), verbose_name=_("дополнительно"), blank=True, help_text=_("Например, частые вопросы.")
    )
    survey = models.ForeignKey(
        "surveys.SurveyPage",
        verbose_name=_("опрос после программы"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        help_text=_("Завершившие программу получат ссылку по почте и увидят её на странице программы."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("target_group"), FieldPanel("format"), FieldPanel("partner"), FieldPanel("total_hours")],
            _("О программе"),
        ),
        FieldPanel("goal"),
        FieldPanel("expected_outcomes"),
        FieldPanel("modules"),
        FieldPanel("body"),
        FieldPanel("survey"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("goal"),
        index.SearchField("expected_outcomes"),
        index.SearchField("modules"),
        index.FilterField("target_group"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("target_group"),
        APIField("goal"),
        APIField("expected_outcomes"),
        APIField("format"),
        APIField("partner"),
        APIField("total_hours"),
        APIField("modules"),
        APIField("body"),
    ]

    parent_page_types = ["support.SupportIndexPage"]
    subpage_types = []
    template = "support/programme_page.html"

    class Meta:
        verbose_name = _("программа сопровождения")
        verbose_name_plural = _("программы сопровождения")

    def clean(self):
        super().clean()
        hours = self.modules_hours()
        if self.total_hours is not None and hours != self.total_hours:
            message = gettext(
                "Сумма часов модулей (%(hours)d ч) не совпадает с объёмом программы (%(total)d ч). "
                "Исправьте часы модулей или объём программы."
            ) % {"hours": hours, "total": self.total_hours}
            raise ValidationError({"total_hours": message})

    def module_hours(self) -> list[tuple[str, int]]:
        """(module id, hours) in order, read from the stored data: no material page is loaded to count hours."""
        return [
            (block.get("id"), int(block["value"].get("hours") or 0))
            for block in self.modules.raw_data
            if block["type"] == "module"
        ]

    def modules_hours(self) -> int:
        return sum(hours for _module_id, hours in self.module_hours())

    def module_ids(self) -> list[str]:
        return [module_id for module_id, _hours in self.module_hours()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress"] = programme_progress(user=request.user, programme=self)
        context["visible_material_ids"] = module_materials_visible(programme=self, user=request.user)
        return context

    @path("progress/<str:module_id>/", name="progress")
    def progress(self, request, module_id: str):
        """Marks a module done or not done (a plain form POST, works without JavaScript)."""
        return views.module_progress(request, self, module_id)
