"""Layout blocks that structure a page: questions and answers, a timeline."""

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, ListBlock, RichTextBlock, StructBlock

from blocks.text import RICH_TEXT_FEATURES


class QuestionBlock(StructBlock):
    question = CharBlock(label=_("Вопрос"), max_length=300)
    answer = RichTextBlock(label=_("Ответ"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Вопрос и ответ")


class FAQBlock(StructBlock):
    title = CharBlock(label=_("Заголовок"), default="Частые вопросы", max_length=200)
    questions = ListBlock(QuestionBlock(), label=_("Вопросы"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Частые вопросы")
        group = _("Структура")
        template = "blocks/faq.html"
        description = _("Вопросы и ответы, раскрываются без JavaScript.")
        preview_value = {
            "title": "Частые вопросы",
            "questions": [
                {"question": "Кто может стать резидентом?", "answer": "<p>Обучающиеся, родители и педагоги лицея.</p>"}
            ],
        }


class TimelineItemBlock(StructBlock):
    date = CharBlock(label=_("Дата или период"), max_length=80)
    title = CharBlock(label=_("Событие"), max_length=250)
    text = RichTextBlock(label=_("Описание"), features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        icon = "date"
        label = _("Этап")


class TimelineBlock(StructBlock):
    title = CharBlock(label=_("Заголовок"), required=False, max_length=200)
    items = ListBlock(TimelineItemBlock(), label=_("Этапы"), min_num=1)

    class Meta:
        icon = "time"
        label = _("Хронология")
        group = _("Структура")
        template = "blocks/timeline.html"
        description = _("Этапы по порядку: дата, событие, описание.")
        preview_value = {
            "title": "Этапы",
            "items": [
                {"date": "Март 2023", "title": "Первый хакатон", "text": ""},
                {"date": "Март 2024", "title": "Конференция", "text": ""},
            ],
        }
