"""The roadmap of the project: products, their tasks, dates and results, as the seed gives them."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import (
    BooleanBlock,
    CharBlock,
    ChoiceBlock,
    DateBlock,
    ListBlock,
    StructBlock,
    StructValue,
    TextBlock,
)

DATE_PRECISION = [("day", _("Точная дата")), ("month", _("Месяц"))]


def format_roadmap_date(value, precision: str) -> str:
    """ "01.09.2022" for an exact date, "Декабрь 2022" where the roadmap names only the month."""
    if not value:
        return ""
    if precision == "month":
        return date_format(value, "F Y")
    return date_format(value, "d.m.Y")


class RoadmapTaskValue(StructValue):
    def start_label(self) -> str:
        return format_roadmap_date(self.get("start"), self.get("start_precision"))

    def end_label(self) -> str:
        return format_roadmap_date(self.get("end"), self.get("end_precision"))


class RoadmapTaskBlock(StructBlock):
    title = TextBlock(label=_("Мероприятие"))
    start = DateBlock(label=_("Дата начала"))
    start_precision = ChoiceBlock(label=_("Точность даты начала"), choices=DATE_PRECISION, default="day")
    end = DateBlock(label=_("Дата окончания"), required=False)
    end_precision = ChoiceBlock(label=_("Точность даты окончания"), choices=DATE_PRECISION, default="day")
    result = TextBlock(label=_("Результат"))
    adjusted = BooleanBlock(label=_("Внесены коррективы"), required=False)
    adjustment_note = CharBlock(
        label=_("Что скорректировано"),
        required=False,
        max_length=250,
        help_text=_("Например: «перенесено на апрель 2024 г.»"),
    )

    class Meta:
        icon = "tasks"
        label = _("Мероприятие")
        value_class = RoadmapTaskValue

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["start_label"] = value.start_label()
        data["end_label"] = value.end_label()
        return data


class RoadmapProductBlock(StructBlock):
    number = CharBlock(label=_("Номер"), max_length=5)
    title = TextBlock(label=_("Конечный продукт"))
    tasks = ListBlock(RoadmapTaskBlock(), label=_("Основные мероприятия"), min_num=1)
    start = DateBlock(label=_("Начало работы над продуктом"))
    end = DateBlock(label=_("Окончание"))
    result = CharBlock(
        label=_("Итог"), max_length=250, default="Продукт готов к представлению для проведения экспертизы"
    )

    class Meta:
        icon = "list-ol"
        label = _("Продукт дорожной карты")
        template = "blocks/roadmap_product.html"
        description = _("Конечный продукт с мероприятиями, сроками и результатами.")
        preview_value = {
            "number": "1",
            "title": "Обоснование и описание модели цифрового коворкинг-пространства",
            "start": date(2022, 9, 1),
            "end": date(2023, 8, 31),
            "tasks": [
                {
                    "title": "Создание рабочей модели цифрового коворкинг-пространства",
                    "start": date(2022, 9, 1),
                    "start_precision": "day",
                    "end": date(2022, 12, 1),
                    "end_precision": "month",
                    "result": "Рабочая модель цифрового коворкинг-пространства",
                }
            ],
        }
