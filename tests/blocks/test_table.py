"""Tables show their cells, and their caption and cells are translated with the page."""

import copy

from wagtail_localize.segments import StringSegmentValue

from blocks.text import TableContentBlock

TABLE = {
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Кто принимает решения",
    "data": [
        ["Решение", "Кто принимает", ""],
        ["Прием внешнего резидента", "Лицей & партнер", None],
        ["Открытие ресурсов", "Совет Коворкинга", "  "],
    ],
}


def test_a_table_shows_its_caption_header_and_cells():
    block = TableContentBlock()
    html = block.render(block.to_python(copy.deepcopy(TABLE)))
    assert "<caption>Кто принимает решения</caption>" in html
    assert '<th scope="col">Решение</th><th scope="col">Кто принимает</th>' in html
    assert "<td>Прием внешнего резидента</td><td>Лицей &amp; партнер</td><td></td>" in html
    assert "<td>Совет Коворкинга</td>" in html
    assert "None" not in html


def test_the_caption_and_every_filled_cell_are_strings_to_translate():
    segments = TableContentBlock().get_translatable_segments(copy.deepcopy(TABLE))
    assert [(segment.path, segment.string.render_text()) for segment in segments] == [
        ("caption", "Кто принимает решения"),
        ("cell.0.0", "Решение"),
        ("cell.0.1", "Кто принимает"),
        ("cell.1.0", "Прием внешнего резидента"),
        ("cell.1.1", "Лицей & партнер"),
        ("cell.2.0", "Открытие ресурсов"),
        ("cell.2.1", "Совет Коворкинга"),
    ]
    assert all(isinstance(segment, StringSegmentValue) for segment in segments)


def test_an_empty_table_has_nothing_to_translate():
    assert TableContentBlock().get_translatable_segments(None) == []
    assert TableContentBlock().get_translatable_segments({"data": [[None, ""]], "table_caption": ""}) == []


def test_the_translated_strings_go_back_into_a_new_table():
    block = TableContentBlock()
    source = copy.deepcopy(TABLE)
    english = {
        "Кто принимает решения": "Who decides",
        "Решение": "Decision",
        "Кто принимает": "Who decides it",
        "Прием внешнего резидента": "Admitting an external resident",
        "Лицей & партнер": "The Lyceum & a partner",
        "Открытие ресурсов": "Opening resources",
    }
    segments = [
        StringSegmentValue(segment.path, english[segment.string.render_text()])
        for segment in block.get_translatable_segments(source)
        if segment.string.render_text() in english
    ]
    translated = block.restore_translated_segments(source, segments)
    assert translated["table_caption"] == "Who decides"
    assert translated["data"] == [
        ["Decision", "Who decides it", ""],
        ["Admitting an external resident", "The Lyceum & a partner", None],
        ["Opening resources", "Совет Коворкинга", "  "],  # no segment given: the cell is kept
    ]
    assert translated["first_row_is_table_header"] is True
    assert source == TABLE  # the source table is left as it was
    html = block.render(translated)
    assert "<td>The Lyceum &amp; a partner</td>" in html and "Admitting an external resident" in html
