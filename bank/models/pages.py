"""One solution page, its tags and its team."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from api.images import ImageField
from bank.models.tags import BankTag, SourceTaggableManager
from blocks.bank import SolutionAttachmentsBlock, SolutionLinksBlock, SolutionStagesBlock
from pages.localized import localize, localized
from pages.models.base import BasePage
from residents.selectors import TEAM_MEMBER_LABEL, names_consented, student_names_published
from search.normalize import fold, normalize


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    ALL_RIGHTS = "all-rights-reserved", _("все права защищены")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.ru",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.ru",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/deed.ru",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.ru",
}

GRADES = [MinValueValidator(1), MaxValueValidator(11)]


def academic_year_label(year: int) -> str:
    """2023 → "2023/2024": the academic year that starts in September of `year`."""
    return f"{year}/{year + 1}"


def current_academic_year() -> int:
    today = timezone.localdate()
    return today.year if today.month >= 9 else today.year - 1


class SolutionTag(ItemBase):
    """A solution's tag: always the Russian `BankTag` (its translation only lends it an English name)."""

    tag = models.ForeignKey(BankTag, on_delete=models.CASCADE, related_name="tagged_solutions")
    content_object = ParentalKey("bank.SolutionPage", on_delete=models.CASCADE, related_name="tagged_items")


class SolutionPage(BasePage):
    """One solution: the problem, the goal, what was done, the result, and how to reuse it."""

    summary = models.CharField(_("кратко"), max_length=300, help_text=_("Одно-два предложения для списка и поиска."))
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("обложка"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Картинка в карточке решения и в превью ссылки; не менее 1200 × 630 пикселей."),
    )
    problem = models.TextField(
        _("проблема"), help_text=_("Какую задачу или трудность решал проект: два-три предложения.")
    )
    goal = models.TextField(_("цель"), help_text=_("Чего хотели добиться, одной-двумя фразами."))
    stages = StreamField(
        SolutionStagesBlock(),
        verbose_name=_("что сделано"),
        blank=True,
        help_text=_("Этапы работы по порядку: что делали и сколько это заняло."),
    )
    result = models.TextField(
        _("результат или продукт"), help_text=_("Что получилось в итоге: продукт, событие, исследование.")
    )
    reuse = models.TextField(
        _("как использовать повторно"),
        blank=True,
        help_text=_("Что нужно другой школе или классу, чтобы повторить решение."),
    )
    attachments = StreamField(
        SolutionAttachmentsBlock(),
        verbose_name=_("приложения"),
        blank=True,
        help_text=_("Документы, которые можно скачать: методички, шаблоны, презентации."),
    )
    links = StreamField(
        SolutionLinksBlock(),
        verbose_name=_("ссылки"),
        blank=True,
        help_text=_("Ссылки на сайт проекта, видео, публикации."),
    )
    tutor = models.ForeignKey(
        "people.Person",
        verbose_name=_("наставник"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solutions",
        help_text=_("Педагог, тьютор или консультант проекта."),
    )
    subjects = ParentalManyToManyField(
        "bank.SubjectArea",
        verbose_name=_("предметные области"),
        blank=True,
        help_text=_("Отметьте все предметные области, к которым относится решение: по ним ищут в банке."),
    )
    grade_from = models.PositiveSmallIntegerField(
        _("класс, с"),
        validators=GRADES,
        db_index=True,
        help_text=_("Самый младший класс, для которого подходит решение (1–11)."),
    )
    grade_to = models.PositiveSmallIntegerField(
        _("класс, по"),
        validators=GRADES,
        db_index=True,
        help_text=_("Самый старший класс, для которого подходит решение (1–11)."),
    )
    project_type = models.ForeignKey(
        "bank.ProjectType",
        verbose_name=_("тип проекта"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Индивидуальный, групповой или другой тип проекта: по нему фильтруют банк."),
    )
    academic_year = models.PositiveSmallIntegerField(
        _("учебный год"),
        default=current_academic_year,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        db_index=True,
        help_text=_("Год начала учебного года: 2024 — это 2024/2025."),
    )
    tags = SourceTaggableManager(
        through=SolutionTag,
        verbose_name=_("метки"),
        blank=True,
        help_text=_("Ключевые слова через запятую: по ним ищут и фильтруют банк. Перевод метки — в разделе «Метки»."),
    )
    licence = models.CharField(
        _("лицензия"),
        max_length=30,
        choices=Licence.choices,
        default=Licence.CC_BY,
        help_text=_("На каких условиях другие могут использовать материалы решения."),
    )
    published_date = models.DateField(
        _("дата публикации"),
        default=datetime.date.today,
        db_index=True,
        help_text=_("Дата, которую увидят читатели банка; обычно день публикации решения."),
    )
    featured = models.BooleanField(
        _("показывать на стартовой странице"),
        default=False,
        help_text=_("Выбранные решения идут в блоке «Избранные проектные решения» первыми."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover"),
        FieldPanel("problem"),
        FieldPanel("goal"),
        FieldPanel("stages"),
        FieldPanel("result"),
        FieldPanel("reuse"),
        FieldPanel("attachments"),
        FieldPanel("links"),
        InlinePanel("team", label=_("Команда"), help_text=_("Только имена для показа и только с согласием.")),
        FieldPanel("tutor"),
        MultiFieldPanel(
            [
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
                FieldPanel("project_type"),
                FieldPanel("academic_year"),
                FieldPanel("tags"),
            ],
            _("Каталог"),
        ),
        FieldRowPanel([FieldPanel("licence"), FieldPanel("published_date")]),
        FieldPanel("featured"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("search_text"),
        index.AutocompleteField("suggest_text"),
        index.FilterField("published_date"),
        index.FilterField("academic_year"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("cover", serializer=ImageField()),
        APIField("problem"),
        APIField("goal"),
        APIField("stages"),
        APIField("result"),
        APIField("reuse"),
        APIField("attachments"),
        APIField("links"),
        APIField("public_team"),
        APIField("tutor"),
        APIField("subject_names"),
        APIField("grades"),
        APIField("project_type_name"),
        APIField("academic_year_label"),
        APIField("tag_names"),
        APIField("licence"),
        APIField("published_date"),
    ]

    parent_page_types = ["bank.SolutionBankPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("проектное решение")
        verbose_name_plural = _("проектные решения")
        indexes = [models.Index(fields=["academic_year", "published_date"])]

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    @property
    def meta_image(self):
        return self.cover

    def get_context(self, request, *args, **kwargs):
        self.related_preload("cover", "project_type", "tutor")
        localize([self.project_type, self.tutor])
        context = super().get_context(request, *args, **kwargs)
        context["subjects"] = localize(list(self.subjects.all()))
        # The projects of the workspace this solution came from, with their stage, in one query.
        context["source_projects"] = list(self.projects.select_related("stage")) if self.pk else []
        return context

    def clean(self):
        super().clean()
        if self.grade_from and self.grade_to and self.grade_from > self.grade_to:
            raise ValidationError({"grade_to": _("Класс «по» не может быть меньше класса «с».")})

    @property
    def grades(self) -> list[int]:
        return list(range(self.grade_from, self.grade_to + 1)) if self.grade_from and self.grade_to else []

    @property
    def grades_label(self) -> str:
        if self.grade_from == self.grade_to:
            return str(self.grade_from)
        return f"{self.grade_from}–{self.grade_to}"

    @property
    def academic_year_label(self) -> str:
        return academic_year_label(self.academic_year)

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def public_team(self) -> list[str]:
        """Display names of students published with consent (residents' rule): nothing else about them leaves."""
        return student_names_published(
            (member.display_name, member.consent, member.resident_id) for member in self.team.all()
        )

    @property
    def subject_names(self) -> list[str]:
        """In the reader's language (the API lists prefetch the subjects)."""
        return [subject.name for subject in localize(list(self.subjects.all()))]

    @property
    def tag_names(self) -> list[str]:
        """In the reader's language (the lists prefetch and localize the tags)."""
        return [tag.name for tag in self.shown_tags]

    @property
    def shown_tags(self) -> list[BankTag]:
        """The tags a reader sees, in the reader's language; a tag without a translation keeps its Russian name."""
        return localize(list(self.tags.all()))

    @property
    def project_type_name(self) -> str:
        return localized(self.project_type).name if self.project_type else ""

    @cached_property
    def stage_texts(self) -> list[str]:
        texts = []
        for block in self.stages:
            if block.block_type == "stage":
                texts.extend([block.value["title"], block.value["text"]])
            elif block.block_type == "image":
                texts.append(block.value.get("caption") or "")
        return texts

    def search_text(self) -> str:
        """What the search backends index, already normalised (stems, ё→е); the title counts twice."""
        parts = [
            self.title,
            self.title,
            self.summary,
            self.problem,
            self.goal,
            *self.stage_texts,
            self.result,
            self.reuse,
            *self.subject_names,
            *(tag.name for tag in self.tags.all()),  # the Russian keywords, whatever language indexes the page
            self.project_type_name,
            self.tutor.name if self.tutor else "",
            *(name for name in self.public_team if name != str(TEAM_MEMBER_LABEL)),
        ]
        return normalize(" ".join(part for part in parts if part))

    def suggest_text(self) -> str:
        """The title as search-as-you-type suggestions match it: lower case, ё as е."""
        return fold(self.title)


class TeamMember(Orderable):
    """A student of the team, by the display name an editor chose; shown only with consent."""

    page = ParentalKey(SolutionPage, on_delete=models.CASCADE, related_name="team")
    display_name = models.CharField(
        _("имя для показа"), max_length=80, help_text=_("Например, «Анна К.»: без фамилии и контактов.")
    )
    consent = models.BooleanField(
        _("согласие на публикацию получено"),
        default=False,
        help_text=_("Без согласия имя нигде не показывается: ни на сайте, ни в API, ни в поиске."),
    )
    resident = models.ForeignKey(
        "residents.Membership",
        verbose_name=_("учётная запись обучающегося"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"role": "student"},
        help_text=_("Не публикуется: нужна, чтобы родитель или учитель участника не стал экспертом этой работы."),
    )

    panels = [FieldPanel("display_name"), FieldPanel("consent"), FieldPanel("resident")]

    def clean(self):
        super().clean()
        if self.consent and self.resident_id and not names_consented([self.resident_id]):
            raise ValidationError(
                {
                    "consent": _(
                        "У обучающегося нет действующего согласия на публикацию имени: отметить публикацию нельзя. "
                        "Сначала запишите согласие в разделе «Согласия» или снимите отметку."
                    )
                }
            )

    class Meta(Orderable.Meta):
        verbose_name = _("участник команды")
        verbose_name_plural = _("команда")
