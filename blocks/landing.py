"""Sections of the landing page, each one a block an editor can edit, reorder or remove."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.blocks import (
    CharBlock,
    IntegerBlock,
    ListBlock,
    MultipleChoiceBlock,
    StructBlock,
    StructValue,
    TextBlock,
    URLBlock,
)
from wagtail.images.blocks import ImageChooserBlock

from api.images import image_data
from blocks.links import LinkBlock, reader

# Who may use a segment, in the words of the regulations (section 2 of "Положение").
SEGMENT_USERS = [
    ("non_residents", _("Нерезиденты")),
    ("external_residents", _("Внешние резиденты")),
    ("internal_residents", _("Внутренние резиденты")),
]


class HeroBlock(StructBlock):
    title = CharBlock(label=_("Заголовок"), max_length=200)
    lead = TextBlock(label=_("Вступление"))
    image = ImageChooserBlock(label=_("Фоновое изображение"), required=False)
    links = ListBlock(LinkBlock(), label=_("Кнопки"), max_num=3, default=[])

    class Meta:
        icon = "image"
        label = _("Первый экран")
        group = _("Стартовая страница")
        template = "blocks/hero.html"
        description = _("Название и суть коворкинга, до трёх кнопок.")
        preview_value = {
            "title": "Цифровое коворкинговое пространство",
            "lead": "Место для обучения, общения, обмена опытом, мастер-классов и отдыха.",
            "links": [{"label": "Открытый банк проектных решений", "external_url": "https://example.org/"}],
        }

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["image"] = image_data(value.get("image"), request=(context or {}).get("request"))
        return data


class SegmentValue(StructValue):
    def user_labels(self) -> list[str]:
        labels = dict(SEGMENT_USERS)
        return [str(labels[key]) for key in self.get("users") or [] if key in labels]


class SegmentBlock(StructBlock):
    title = CharBlock(label=_("Сегмент"), max_length=200)
    summary = CharBlock(label=_("Одной строкой"), max_length=300)
    users = MultipleChoiceBlock(label=_("Кому открыт"), choices=SEGMENT_USERS)
    link = LinkBlock(label=_("Ссылка"), required=False)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Сегмент")
        value_class = SegmentValue

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["user_labels"] = value.user_labels()
        link = value.get("link")
        link = link.for_reader(reader(context)) if link else None
        data["link"] = {"label": link.get("label"), "url": link.url()} if link and link.get("label") else None
        return data


class SegmentsBlock(StructBlock):
    title = CharBlock(label=_("Заголовок"), max_length=200)
    segments = ListBlock(SegmentBlock(), label=_("Сегменты"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Сегменты коворкинга")
        group = _("Стартовая страница")
        template = "blocks/segments.html"
        description = _("Из чего состоит коворкинг и кому открыт каждый сегмент.")
        preview_value = {
            "title": "Что есть в коворкинге",
            "segments": [
                {
                    "title": "Открытый банк проектных решений",
                    "summary": "Проекты обучающихся, которые можно найти и использовать.",
                    "users": ["non_residents", "external_residents", "internal_residents"],
                }
            ],
        }

    def get_context(self, value, parent_context=None):
        """Each segment with its link as the reader may follow it."""
        context = super().get_context(value, parent_context)
        user = reader(parent_context)
        links = [segment["link"].for_reader(user) if segment.get("link") else None for segment in value["segments"]]
        context["segments"] = list(zip(value["segments"], links, strict=True))
        return context


def listing_items(source: str, *, request, count: int) -> list[dict]:
    """A landing section's items as the APIs give them, from the area that registers the Wagtail hook
    `api_landing_<source>` (events, the bank, exhibitions): only what the caller may see, with absolute URLs.
    Blocks stay below the areas; the areas fill them."""
    for provider in hooks.get_hooks(f"api_landing_{source}"):
        return provider(request=request, count=count)
    return []


class ListingBlock(StructBlock):
    """A landing section filled from content elsewhere on the site, with an empty state. In the APIs it carries
    its `items`, the same the page shows to the caller."""

    source = ""

    title = CharBlock(label=_("Заголовок"), max_length=200)
    count = IntegerBlock(label=_("Сколько показывать"), min_value=1, max_value=12, default=3)
    empty_text = CharBlock(label=_("Текст, когда показывать нечего"), max_length=300)

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["items"] = listing_items(self.source, request=(context or {}).get("request"), count=value["count"])
        return data


def upcoming_events(*, request, count: int) -> list:
    """(event, url) pairs from the app that registers the `upcoming_events` hook (the events app)."""
    for provider in hooks.get_hooks("upcoming_events"):
        return provider(request=request, count=count)
    return []


class UpcomingEventsBlock(ListingBlock):
    """The next events the visitor may see, from the online platform's calendar."""

    source = "events"

    class Meta:
        icon = "date"
        label = _("Ближайшие события")
        group = _("Стартовая страница")
        template = "blocks/upcoming_events.html"
        description = _("Ближайшие конференции, сессии и хакатоны онлайн-площадки.")
        preview_value = {"title": "Ближайшие события", "count": 3, "empty_text": "Скоро здесь появятся события."}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["events"] = upcoming_events(request=(parent_context or {}).get("request"), count=value["count"])
        return context


class FeaturedSolutionsBlock(ListingBlock):
    source = "solutions"

    class Meta:
        icon = "pick"
        label = _("Избранные проектные решения")
        group = _("Стартовая страница")
        template = "blocks/featured_solutions.html"
        description = _("Решения из открытого банка: выбранные редактором или самые новые.")
        preview_value = {"title": "Из банка решений", "count": 3, "empty_text": "Банк решений пополняется."}


class CurrentExhibitionsBlock(ListingBlock):
    """Filled at render time with the exhibitions open today that the visitor may see."""

    source = "exhibitions"

    class Meta:
        icon = "image"
        label = _("Выставки, открытые сейчас")
        group = _("Стартовая страница")
        template = "blocks/current_exhibitions.html"
        description = _("Виртуальные выставки, которые открыты сегодня и видны посетителю.")
        preview_value = {
            "title": "Сейчас открыты выставки",
            "count": 3,
            "empty_text": "Новые выставки скоро откроются.",
        }


class PartnerBlock(StructBlock):
    name = CharBlock(label=_("Организация"), max_length=200)
    description = CharBlock(label=_("Чем помогает"), required=False, max_length=300)
    logo = ImageChooserBlock(label=_("Логотип"), required=False)
    url = URLBlock(label=_("Сайт"), required=False)

    class Meta:
        icon = "group"
        label = _("Партнёр")

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["logo"] = image_data(value.get("logo"), request=(context or {}).get("request"))
        return data


class PartnersBlock(StructBlock):
    title = CharBlock(label=_("Заголовок"), max_length=200)
    partners = ListBlock(PartnerBlock(), label=_("Партнёры"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Партнёры")
        group = _("Стартовая страница")
        template = "blocks/partners.html"
        description = _("Партнёрские организации коворкинга.")
        preview_value = {
            "title": "Партнёры",
            "partners": [{"name": "ИМЦ Московского района", "description": "Методическое сопровождение"}],
        }


class ResidencyPathBlock(StructBlock):
    title = CharBlock(label=_("Кто"), max_length=200)
    text = TextBlock(label=_("Как стать резидентом"))
    link = LinkBlock(label=_("Ссылка"), required=False)

    class Meta:
        icon = "user"
        label = _("Путь к резидентству")


class ResidencyBlock(StructBlock):
    title = CharBlock(label=_("Заголовок"), max_length=200)
    paths = ListBlock(ResidencyPathBlock(), label=_("Пути"), min_num=1)

    class Meta:
        icon = "user"
        label = _("Как стать резидентом")
        group = _("Стартовая страница")
        template = "blocks/residency.html"
        description = _("Внутренние резиденты регистрируются через лицей, внешние — по договору о партнёрстве.")
        preview_value = {
            "title": "Как стать резидентом",
            "paths": [
                {
                    "title": "Внутренние резиденты",
                    "text": "Обучающиеся, родители и педагоги регистрируются через лицей.",
                },
                {"title": "Внешние резиденты", "text": "Партнёрские организации заключают договор о партнёрстве."},
            ],
        }
