"""The demo's data helpers: YAML files read safely, days counted from the load day, links between pages."""

import datetime

import pytest

from pages.demo.data import DemoDataError, day, read_data
from pages.demo.english import english_strings
from pages.demo.streams import stream
from pages.models import StandardPage

TODAY = datetime.date(2026, 3, 10)


def test_a_day_is_a_date_as_written_or_counted_from_the_load_day():
    assert day(datetime.date(2023, 3, 23), today=TODAY) == datetime.date(2023, 3, 23)
    assert day({"in_days": 14}, today=TODAY) == datetime.date(2026, 3, 24)
    assert day({"in_days": -2}, today=TODAY) == datetime.date(2026, 3, 8)


@pytest.mark.parametrize("value", ["2026-03-10", {"in_days": "14"}, {"days": 14}, {"in_days": 1, "at": "10:00"}])
def test_a_day_written_otherwise_is_refused_with_the_value(value):
    with pytest.raises(DemoDataError, match="in_days"):
        day(value, today=TODAY)


def test_data_files_are_read_with_dates_as_dates():
    roadmap = read_data("pages.demo", "roadmap.yaml")
    first = roadmap["products"][0]["value"]
    assert first["start"] == datetime.date(2022, 9, 1)
    assert first["tasks"][0]["start_precision"] == "day"


@pytest.mark.django_db
def test_links_in_blocks_become_ids_of_pages_by_their_path_below_home(empty_home):
    section = empty_home.add_child(instance=StandardPage(title="Родителям", slug="parents"))
    page = section.add_child(instance=StandardPage(title="Вопросы", slug="faq"))
    blocks = [{"type": "call_to_action", "value": {"title": "Ещё", "link": {"label": "FAQ", "page": "parents/faq"}}}]
    assert stream(blocks, home=empty_home)[0]["value"]["link"] == {"label": "FAQ", "page": page.pk}


@pytest.mark.django_db
def test_a_link_to_a_missing_page_is_refused_with_its_path(empty_home):
    with pytest.raises(DemoDataError, match="support/nowhere"):
        stream([{"type": "call_to_action", "value": {"link": {"page": "support/nowhere"}}}], home=empty_home)


def test_a_file_that_is_not_yaml_is_refused_with_its_name_and_line(tmp_path, monkeypatch):
    package = tmp_path / "brokendemo"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "pages.yaml").write_text("pages:\n  - title: Модель\n   slug: model\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(DemoDataError, match=r"(?s)brokendemo/pages\.yaml.*line 3"):
        read_data("brokendemo", "pages.yaml")


def test_the_english_of_an_area_and_of_every_area_come_from_one_reader():
    """Pages take every area's English merged; a snippet takes its own area's (the same Russian string may read
    differently in two areas); a string left without English is not offered."""
    merged = english_strings()
    areas = {package: english_strings(package) for package in ("meetings.demo", "support.demo", "events.demo")}
    assert areas["support.demo"]["Индивидуальный проект"] == "Individual project"
    assert areas["meetings.demo"]["Консультация партнёра"] == "Partner consultation"
    for strings in areas.values():
        assert strings and set(strings) <= set(merged)
        assert all(isinstance(english, str) and english for english in strings.values())
    assert english_strings("blocks.demo") == {}  # an app without a demo
