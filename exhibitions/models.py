"""Virtual exhibitions ("виртуальные выставки") of the online platform: halls of exhibits, each at its own URL.

Halls and exhibits are inline rows of the exhibition page (django-modelcluster), not StreamField blocks:
every exhibit is a database row, so its id is a stable address (`exhibit/<id>/`) that survives renaming and
reordering, and listings and the API read every exhibit with a fixed number of queries.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from api.images import ImageField
from blocks.media import VideoBlock
from blocks.text import RICH_TEXT_FEATURES
from blocks.video import parse_video_url
from exhibitions import views
from exhibitions.forms import ExhibitionPageForm
from exhibitions.selectors import exhibition_halls, exhibitions_by_status
from pages.localized import localize
from pages.models.base import BasePage
from residents.audiences import Audience, audience_field
from residents.selectors import AUTHORS_LABEL, name_consent_in_force

MEDIA_LABELS = {
    "image": _("изображение"),
    "video": _("видео"),
    "document": _("документ"),
    "model": _("3D-модель"),
}


class ExhibitionIndexPage(BasePage):
    """The list of exhibitions a visitor may see: open now first, then coming and past ones."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["exhibitions.ExhibitionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("список выставок")
        verbose_name_plural = _("списки выставок")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = exhibitions_by_status(
            queryset=ExhibitionPage.objects.child_of(self), user=request.user, today=timezone.localdate()
        )
        return context


class ExhibitionPage(RoutablePageMixin, BasePage):
    """An exhibition with its curator, its dates and halls of exhibits; each exhibit has its own page."""

    audience = audience_field(Audience.RESIDENTS)
    curator = models.ForeignKey(
        "people.Person",
        verbose_name=_("куратор"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Кто отвечает за выставку; имя видно посетителям."),
    )
    opens_on = models.DateField(
        _("открывается"), default=timezone.localdate, help_text=_("С какого дня выставка открыта для посетителей.")
    )
    closes_on = models.DateField(
        _("закрывается"), null=True, blank=True, help_text=_("Оставьте пустым, если выставка постоянная.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("обложка"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Показывается в списках выставок рядом с названием."),
    )

    base_form_class = ExhibitionPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("curator"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Даты работы")),
        FieldPanel("cover_image"),
        InlinePanel("halls", heading=_("Залы"), label=_("Зал"), min_num=1),
    ]
    search_fields = [*BasePage.search_fields, index.FilterField("opens_on"), index.FilterField("closes_on")]
    api_fields = [
        *BasePage.api_fields,
        APIField("curator"),
        APIField("opens_on"),
        APIField("closes_on"),
        APIField("cover_image", serializer=ImageField()),
        APIField("halls"),
    ]

    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("выставка")
        verbose_name_plural = _("выставки")

    @property
    def meta_image(self):
        return self.cover_image

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Выставка не может закрыться раньше, чем откроется.")})

    def is_open(self, on: date) -> bool:
        return self.opens_on <= on and (self.closes_on is None or on <= self.closes_on)

    def dates_label(self) -> str:
        opens = formats.date_format(self.opens_on, "j E Y")
        if self.closes_on is None:
            return _("с %(opens)s, постоянная") % {"opens": opens}
        return _("%(opens)s — %(closes)s") % {"opens": opens, "closes": formats.date_format(self.closes_on, "j E Y")}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["halls"] = exhibition_halls(page=self, request=request)
        localize([self.curator])
        return context

    @path("")
    def exhibition(self, request):
        return self.render(request)

    @path("exhibit/<int:exhibit_id>/", name="exhibit")
    def exhibit(self, request, exhibit_id: int):
        return views.exhibit(request, self, exhibit_id)


class ExhibitionHall(TranslatableMixin, ClusterableModel, Orderable):
    """A hall ("зал") of an exhibition: a theme that groups exhibits."""

    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="halls")
    title = models.CharField(
        _("название зала"), max_length=200, help_text=_("Название зала, например «Естественные науки».")
    )
    description = models.TextField(
        _("о зале"), blank=True, help_text=_("О чём работы этого зала: одно-два предложения.")
    )

    panels = [FieldPanel("title"), FieldPanel("description"), InlinePanel("exhibits", label=_("Экспонат"), min_num=1)]
    api_fields = [APIField("title"), APIField("description"), APIField("exhibits")]

    class Meta(Orderable.Meta):
        verbose_name = _("зал")
        verbose_name_plural = _("залы")
        unique_together = TranslatableMixin.Meta.unique_together

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A copy of the page for a translation sets the halls' language, not that of the exhibits inside them.
        for exhibit in getattr(self, "_cluster_related_objects", {}).get("exhibits", []):
            exhibit.locale_id = self.locale_id
        super().save(*args, **kwargs)


class Exhibit(TranslatableMixin, ClusterableModel, Orderable):
    """A work shown in a hall: its media, title, authors (display names published with consent) and description."""

    hall = ParentalKey(ExhibitionHall, on_delete=models.CASCADE, related_name="exhibits")
    title = models.CharField(_("название"), max_length=200, help_text=_("Название работы, как на этикетке в зале."))
    authors = models.CharField(
        _("авторы"),
        max_length=300,
        blank=True,
        help_text=_(
            "Только отображаемые имена, которые выбрал редактор (например, «Анна К., 9 класс»): "
            "без полных фамилий и контактов."
        ),
    )
    authors_consent = models.BooleanField(
        _("согласие на публикацию имён получено"),
        default=False,
        help_text=_("Имена обучающихся публикуются только с согласия (их самих и родителей)."),
    )
    author_residents = ParentalManyToManyField(
        "residents.Membership",
        verbose_name=_("учётные записи авторов-обучающихся"),
        blank=True,
        related_name="+",
        limit_choices_to={"role": "student"},
        help_text=_(
            "Не публикуются: имена показываются, только пока у каждого из отмеченных обучающихся действует "
            "согласие на публикацию имени."
        ),
    )
    description = RichTextField(
        _("описание"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("Что это за работа, кто и как её сделал.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("изображение"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Фотография или изображение работы; опишите её в альтернативном тексте."),
    )
    image_alt = models.CharField(
        _("альтернативный текст"),
        max_length=250,
        blank=True,
        help_text=_("Что изображено: этот текст читают программы экранного доступа и версия для слабовидящих."),
    )
    video_url = models.URLField(_("видео"), blank=True, help_text=_("Ссылка на видео в YouTube, Rutube или VK Видео."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("документ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Необязательно: файл работы для скачивания (PDF, презентация)."),
    )
    model_url = models.URLField(
        _("3D-модель"), blank=True, help_text=_("Ссылка на 3D-модель (например, в Sketchfab или на сайте проекта).")
    )
    solution = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("решение в банке"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Страница проектного решения в открытом банке, если оно там есть."),
    )

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("authors_consent"), FieldPanel("author_residents")],
            heading=_("Авторы"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("video_url"),
                FieldPanel("document"),
                FieldPanel("model_url"),
            ],
            heading=_("Медиа: хотя бы одно из четырёх"),
        ),
        PageChooserPanel("solution", "bank.SolutionPage"),
    ]
    api_fields = [
        APIField("title"),
        APIField("published_authors"),
        APIField("description"),
        APIField("image", serializer=ImageField(alt_from="image_alt")),
        APIField("image_alt"),
        APIField("video_url"),
        APIField("document"),
        APIField("model_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("экспонат")
        verbose_name_plural = _("экспонаты")
        unique_together = TranslatableMixin.Meta.unique_together

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if not (self.image_id or self.video_url or self.document_id or self.model_url):
            errors["image"] = _("Добавьте изображение, видео, документ или ссылку на 3D-модель.")
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _(
                "Опишите изображение: без этого его не увидят читатели с программами экранного доступа."
            )
        if self.video_url and parse_video_url(self.video_url) is None:
            errors["video_url"] = _("Не удалось распознать ссылку. Поддерживаются YouTube, Rutube и VK Видео.")
        if self.authors.strip() and not self.authors_consent:
            errors["authors_consent"] = _(
                "Имена авторов публикуются только с согласия: отметьте его или уберите имена."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def published_authors(self) -> str:
        """The authors' display names as residents' rule publishes students' names: the editor ticked their
        publication and every student linked to the exhibit has a consent to publish the name in force; when
        one of them withdraws it, «Участники команды» stands in the names' place."""
        authors = self.authors.strip()
        if not (authors and self.authors_consent):
            return ""
        withheld = getattr(self, "authors_withheld", None)  # read with the exhibit (exhibitions.selectors)
        if withheld is None:
            withheld = not all(name_consent_in_force(student) for student in self.author_residents.all())
        return str(AUTHORS_LABEL) if withheld else authors

    @property
    def video(self):
        """The video as the shared VideoBlock's value, so it renders with the site's video template."""
        if not self.video_url:
            return None
        return VideoBlock().to_python({"url": self.video_url, "title": self.title, "caption": ""})

    def media_kinds(self) -> list[str]:
        """Which media the exhibit has: "image", "video", "document", "model"."""
        present = {"image": self.image_id, "video": self.video_url, "document": self.document_id}
        present["model"] = self.model_url
        return [kind for kind, value in present.items() if value]

    def media_labels(self) -> list[str]:
        return [str(MEDIA_LABELS[kind]) for kind in self.media_kinds()]
