"""Support materials (guides, checklists, templates, recordings, documents) and the library that finds them."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.streams import BodyStreamBlock
from pages.admin_forms import BasePageForm
from pages.localized import localize
from pages.models.base import BasePage
from residents.audiences import Audience, audience_field
from support.models.base import TargetGroup
from support.models.programmes import ProgrammePage
from support.models.topics import SupportTopic
from support.selectors import MaterialFilters, materials_search, topics_all


class MaterialKind(models.TextChoices):
    GUIDE = "guide", _("руководство")
    CHECKLIST = "checklist", _("чек-лист")
    TEMPLATE = "template", _("шаблон")
    RECORDING = "recording", _("запись")
    DOCUMENT = "document", _("документ")


# One boolean per group keeps filtering a plain indexed column on every database.
GROUP_FIELDS = {group: f"for_{group}" for group in TargetGroup.values}


class MaterialsLibraryPage(BasePage):
    """The library of support materials: filters by group and topic, and searches all support content."""

    audience = audience_field(Audience.INTERNAL)

    parent_page_types = ["support.SupportIndexPage"]
    subpage_types = ["support.MaterialPage"]
    max_count_per_parent = 1
    template = "support/materials_library_page.html"

    class Meta:
        verbose_name = _("библиотека материалов")
        verbose_name_plural = _("библиотеки материалов")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = MaterialFilters.from_query(request.GET)
        support_root = self.get_parent()
        context.update(
            materials_search(
                user=request.user,
                materials=MaterialPage.objects.child_of(self),
                programmes=ProgrammePage.objects.descendant_of(support_root),
                filters=filters,
            )
        )
        context["filters"] = filters
        context["groups"] = TargetGroup.choices
        context["topics"] = topics_all()
        return context


class MaterialForm(BasePageForm):
    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(field) for field in GROUP_FIELDS.values()):
            self.add_error("for_parents", _("Отметьте хотя бы одну группу, для которой этот материал."))
        return cleaned


class MaterialPage(BasePage):
    """A guide, checklist, template, recording or document, tagged by group and topic."""

    audience = audience_field(Audience.INTERNAL)
    kind = models.CharField(
        _("вид материала"),
        max_length=20,
        choices=MaterialKind.choices,
        db_index=True,
        help_text=_("Памятка, шаблон, запись, документ и т. п."),
    )
    for_teachers = models.BooleanField(
        _("педагогам и тьюторам"),
        default=False,
        db_index=True,
        help_text=_("Показывать материал в разделе для педагогов и тьюторов."),
    )
    for_parents = models.BooleanField(
        _("родителям"), default=False, db_index=True, help_text=_("Показывать материал в разделе для родителей.")
    )
    for_students = models.BooleanField(
        _("обучающимся"), default=False, db_index=True, help_text=_("Показывать материал в разделе для обучающихся.")
    )
    for_community = models.BooleanField(
        _("образовательному сообществу"),
        default=False,
        db_index=True,
        help_text=_("Показывать материал в разделе для образовательного сообщества."),
    )
    topics = ParentalManyToManyField(
        SupportTopic,
        verbose_name=_("темы"),
        blank=True,
        related_name="materials",
        help_text=_("Отметьте темы: по ним фильтруют библиотеку материалов."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("содержание"),
        blank=True,
        help_text=_("Содержание материала: текст, файлы, видео."),
    )

    base_form_class = MaterialForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel(field) for field in GROUP_FIELDS.values()],
            _("Для кого"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("kind"),
        *(index.FilterField(field) for field in GROUP_FIELDS.values()),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("target_groups"),
        APIField("topic_names"),
        APIField("body"),
    ]

    parent_page_types = ["support.MaterialsLibraryPage"]
    subpage_types = []
    template = "support/material_page.html"

    class Meta:
        verbose_name = _("материал сопровождения")
        verbose_name_plural = _("материалы сопровождения")

    @property
    def target_groups(self) -> list[str]:
        return [group for group, field in GROUP_FIELDS.items() if getattr(self, field)]

    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels[group]) for group in self.target_groups]

    @cached_property
    def topic_names(self) -> list[str]:
        """In the reader's language: read so with the materials of a list (`materials_found`), or here."""
        return [topic.name for topic in localize(list(self.topics.all()))]
