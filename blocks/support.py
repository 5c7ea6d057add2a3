"""Blocks of the support system: the modules of a programme and the sections of the rest room."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import (
    CharBlock,
    ChoiceBlock,
    IntegerBlock,
    ListBlock,
    PageChooserBlock,
    RichTextBlock,
    StreamBlock,
    StructBlock,
    StructValue,
    TextBlock,
    URLBlock,
)
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.links import LinkValue, reader
from blocks.text import RICH_TEXT_FEATURES
from residents.selectors import pages_linked


class ProgrammeModuleBlock(StructBlock):
    """One module of a programme. Its StreamField block id is stable, so a resident's progress points to it."""

    title = CharBlock(label=_("Название модуля"), max_length=250)
    hours = IntegerBlock(label=_("Часы"), min_value=1, max_value=500)
    topics = ListBlock(CharBlock(label=_("Тема"), max_length=300), label=_("Темы"), min_num=1)
    outcomes = ListBlock(
        CharBlock(label=_("Результат"), max_length=300),
        label=_("Результаты модуля"),
        default=[],
        help_text=_("Что участник умеет после модуля, по одному результату в строке."),
    )
    materials = ListBlock(
        PageChooserBlock(page_type="support.MaterialPage", label=_("Материал")),
        label=_("Материалы"),
        default=[],
    )

    class Meta:
        icon = "list-ol"
        label = _("Модуль")
        description = _("Модуль программы: часы, темы, результаты и материалы.")
        preview_value = {
            "title": "Проектная деятельность в цифровом коворкинге",
            "hours": 8,
            "topics": ["Этапы индивидуального проекта", "Роли педагога и тьютора"],
            "outcomes": ["Планирует сопровождение проекта обучающегося"],
            "materials": [],
        }

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title"),
            "hours": value.get("hours"),
            "topics": list(value.get("topics") or []),
            "outcomes": list(value.get("outcomes") or []),
            "materials": [
                {"id": page.pk, "title": page.title, "url": page.get_full_url((context or {}).get("request"))}
                for page in pages_linked(value.get("materials") or [], user=reader(context))
            ],
        }


class ProgrammeModulesBlock(StreamBlock):
    module = ProgrammeModuleBlock()

    class Meta:
        label = _("Модули программы")
        min_num = 1


class ResourceBlock(StructBlock):
    """A resource of the rest room: a link only, never an embedded player or widget that could follow a visitor."""

    title = CharBlock(label=_("Название"), max_length=200)
    description = TextBlock(label=_("Описание"), required=False)
    page = PageChooserBlock(label=_("Страница сайта"), required=False)
    external_url = URLBlock(label=_("Или внешний адрес"), required=False)

    class Meta:
        icon = "link"
        label = _("Ресурс")
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Выберите страницу сайта или укажите внешний адрес — что-то одно."))
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        value = value.for_reader(reader(context))
        url = value.full_url((context or {}).get("request"))
        return {"title": value.get("title"), "description": value.get("description"), "url": url}


REST_ROOM_THEMES = [
    ("health", _("Здоровье")),
    ("support", _("Психологическая поддержка")),
    ("leisure", _("Досуг")),
    ("sport", _("Спорт")),
]


class RestRoomSectionBlock(StructBlock):
    theme = ChoiceBlock(label=_("Тема"), choices=REST_ROOM_THEMES)
    title = CharBlock(label=_("Заголовок"), max_length=200)
    text = RichTextBlock(label=_("Текст"), features=RICH_TEXT_FEATURES, required=False)
    resources = ListBlock(ResourceBlock(), label=_("Ресурсы и сервисы"), default=[])

    class Meta:
        icon = "group"
        label = _("Раздел комнаты отдыха")
        template = "support/blocks/rest_room_section.html"
        description = _("Здоровье, поддержка или досуг: короткий текст и ссылки на ресурсы и сервисы.")
        preview_value = {
            "theme": "health",
            "title": "Здоровье",
            "text": "<p>Как делать перерывы, когда работаешь над проектом.</p>",
            "resources": [],
        }

    def get_context(self, value, parent_context=None):
        """The resources with their links as the reader may follow them."""
        context = super().get_context(value, parent_context)
        context["resources"] = [resource.for_reader(reader(parent_context)) for resource in value["resources"]]
        return context


class HelpContactValue(StructValue):
    def tel(self) -> str:
        """The phone as a `tel:` address: digits, with a leading plus kept."""
        phone = (self.get("phone") or "").strip()
        digits = "".join(character for character in phone if character.isdigit())
        return f"+{digits}" if phone.startswith("+") else digits


class HelpContactBlock(StructBlock):
    """Who to call or visit for help, with the phone as a link that opens the dialler."""

    title = CharBlock(label=_("Кто помогает"), max_length=200)
    phone = CharBlock(label=_("Телефон"), max_length=50, required=False)
    hours = CharBlock(label=_("Когда"), max_length=200, required=False)
    text = TextBlock(label=_("Пояснение"), required=False)

    class Meta:
        icon = "mail"
        label = _("Контакт помощи")
        value_class = HelpContactValue
        template = "support/blocks/help_contact.html"
        description = _("Телефон доверия, часы приёма психолога и другие контакты помощи.")
        preview_value = {
            "title": "Детский телефон доверия",
            "phone": "8-800-2000-122",
            "hours": "Круглосуточно, бесплатно, анонимно",
            "text": "",
        }


class RestRoomStreamBlock(StreamBlock):
    section = RestRoomSectionBlock()

    class Meta:
        label = _("Разделы комнаты отдыха")


class HelpContactsStreamBlock(StreamBlock):
    contact = HelpContactBlock()

    class Meta:
        label = _("Контакты помощи")
