"""Text blocks: headings, rich text with a limited feature set, quotes, tables."""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, ChoiceBlock, RichTextBlock, StructBlock, TextBlock
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail_localize.segments import StringSegmentValue

# Editors get the few features that keep a page readable and accessible; no colours, no fonts.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(StructBlock):
    text = CharBlock(label=_("Текст заголовка"), max_length=200)
    level = ChoiceBlock(
        label=_("Уровень"),
        choices=[("h2", _("Заголовок раздела (H2)")), ("h3", _("Подзаголовок (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Заголовок")
        group = _("Текст")
        template = "blocks/heading.html"
        description = _("Заголовок раздела страницы; уровни идут по порядку, без пропусков.")
        preview_value = {"text": "Открытый банк проектных решений", "level": "h2"}


class ParagraphBlock(RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Текст")
        group = _("Текст")
        template = "blocks/paragraph.html"
        description = _("Абзацы со списками и ссылками.")
        preview_value = (
            "<p>Цифровое коворкинговое пространство — часть цифровой образовательной среды, "
            "предназначенная для <b>обучения, общения, обмена опытом</b> и отдыха.</p>"
        )


class QuoteBlock(StructBlock):
    quote = TextBlock(label=_("Цитата"))
    attribution = CharBlock(label=_("Автор или источник"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Цитата")
        group = _("Текст")
        template = "blocks/quote.html"
        description = _("Выделенная цитата с указанием автора.")
        preview_value = {
            "quote": "Ключевое понятие — взаимодействие, а не обычный сайт или портал.",
            "attribution": "Модель цифрового коворкингового пространства",
        }


class TableContentBlock(TableBlock):
    """A table of plain-text cells. Its caption and cells are translated with the page: wagtail-localize extracts
    nothing from a TableBlock by itself, so the block hands it one string per non-empty cell (path
    `cell.<row>.<column>`) and the caption (path `caption`), and takes them back."""

    CAPTION_PATH = "caption"

    def get_translatable_segments(self, value) -> list[StringSegmentValue]:
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue(self.CAPTION_PATH, value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for column_index, cell in enumerate(row):
                if isinstance(cell, str) and cell.strip():
                    segments.append(StringSegmentValue(f"cell.{row_index}.{column_index}", cell))
        return segments

    def restore_translated_segments(self, value, segments) -> dict:
        """A copy of the table with the translated strings in place; cells without a segment are kept."""
        translated = copy.deepcopy(value)
        for segment in segments:
            text = segment.render_text()
            if segment.path == self.CAPTION_PATH:
                translated["table_caption"] = text
                continue
            _cell, row_index, column_index = segment.path.split(".")
            translated["data"][int(row_index)][int(column_index)] = text
        return translated

    class Meta:
        icon = "table"
        label = _("Таблица")
        group = _("Текст")
        template = "blocks/table.html"
        description = _("Таблица с заголовком первой строки и подписью.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Сегменты коворкинга",
            "data": [["Сегмент", "Кому открыт"], ["Открытый банк проектных решений", "Всем"]],
        }
