"""The materials library: filters by group and topic, searches support content, bounded queries."""

import pytest
from django.test import Client

from tests.support import builders


@pytest.fixture
def library_content(empty_home):
    project, family = builders.topic("project", "Индивидуальный проект"), builders.topic("family", "Семья")
    builders.material(empty_home, title="Этапы индивидуального проекта", kind="guide", topics=[project])
    builders.material(
        empty_home,
        title="Разговор с ребенком о проекте",
        for_teachers=False,
        for_parents=True,
        topics=[family],
        body=[{"type": "paragraph", "value": "<p>Спрашивайте про хакатон и защиту.</p>"}],
    )
    builders.material(empty_home, title="Служебная инструкция", audience="staff")
    builders.programme(empty_home, title="Программа о хакатонах", goal="Провести хакатон в коворкинге.")
    return builders.library(empty_home)


def _titles(html: str) -> set[str]:
    titles = {"Этапы индивидуального проекта", "Разговор с ребенком о проекте", "Служебная инструкция"}
    return {title for title in titles if f">{title}</a>" in html}


@pytest.mark.django_db
def test_library_lists_materials_the_reader_may_open(staff_client, library_content):
    assert _titles(staff_client.get(library_content.url).content.decode()) == {
        "Этапы индивидуального проекта",
        "Разговор с ребенком о проекте",
        "Служебная инструкция",
    }


@pytest.mark.django_db
def test_library_filters_by_group_and_by_topic(staff_client, library_content):
    html = staff_client.get(library_content.url, {"group": "parents"}).content.decode()
    assert _titles(html) == {"Разговор с ребенком о проекте"}
    html = staff_client.get(library_content.url, {"topic": "project"}).content.decode()
    assert _titles(html) == {"Этапы индивидуального проекта"}
    html = staff_client.get(library_content.url, {"group": "teachers", "topic": "family"}).content.decode()
    assert _titles(html) == set()
    assert "Ничего не нашлось" in html


@pytest.mark.django_db
def test_library_search_finds_materials_and_programmes(staff_client, library_content):
    html = staff_client.get(library_content.url, {"q": "хакатон"}).content.decode()
    assert _titles(html) == {"Разговор с ребенком о проекте"}
    assert "Программа о хакатонах" in html


@pytest.mark.django_db
def test_unknown_filter_values_get_a_message_and_are_ignored(staff_client, library_content):
    html = staff_client.get(library_content.url, {"group": "aliens", "topic": "nope"}).content.decode()
    assert "Такой группы нет" in html
    assert "Такой темы нет" in html
    assert len(_titles(html)) == 3


@pytest.mark.django_db
def test_library_is_for_residents_by_default(library_content):
    response = Client().get(library_content.url)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


@pytest.mark.django_db
def test_material_page_shows_kind_groups_and_topics(staff_client, empty_home):
    page = builders.material(empty_home, kind="template", for_parents=True, topics=[builders.topic()])
    html = staff_client.get(page.url).content.decode()
    for text in ("Шаблон", "педагоги и тьюторы, родители", "Индивидуальный проект"):
        assert text in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 12])
def test_library_takes_a_bounded_number_of_queries(staff_client, empty_home, django_assert_max_num_queries, count):
    topic = builders.topic()
    for number in range(count):
        builders.material(empty_home, title=f"Материал {number}", topics=[topic])
    library = builders.library(empty_home)
    staff_client.get(library.url)
    with django_assert_max_num_queries(30):
        response = staff_client.get(library.url, {"topic": "project", "group": "teachers"})
    assert response.content.decode().count("Материал ") >= count
