"""The bank page: search, facets with counts, sorting, paging, highlighting and an empty state, all in the URL."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.bank.conftest import make_solution


def titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def small_bank(bank):
    make_solution(
        bank,
        title="Робот-сортировщик",
        text="Робот раскладывает детали по цветам",
        subject="informatics",
        grades=(5, 6),
        year=2022,
        tags=("робототехника",),
        collective=True,
    )
    make_solution(
        bank,
        title="Робот-пылесос",
        text="Собрали роботов из подручных материалов",
        subject="physics",
        grades=(9, 10),
        year=2023,
        tags=("робототехника", "arduino"),
        collective=True,
    )
    make_solution(
        bank,
        title="Ёлочные игрушки",
        text="Игрушки для ёлки из вторсырья",
        subject="art",
        grades=(5, 5),
        year=2023,
        tags=("новый год",),
        collective=False,
    )
    return bank


@pytest.mark.django_db
def test_the_bank_finds_any_word_form_and_marks_the_matched_words(client, small_bank):
    html = client.get(small_bank.url, {"q": "роботами"}).text
    assert set(titles(html)) == {"Робот-сортировщик", "Робот-пылесос"}
    assert "<mark>роботов</mark>" in html or "<mark>Робот</mark>" in html


@pytest.mark.django_db
def test_yo_and_ye_and_case_are_the_same(client, small_bank):
    for query in ["ЕЛОЧНЫЕ", "ёлочные", "Елочных"]:
        assert titles(client.get(small_bank.url, {"q": query}).text) == ["Ёлочные игрушки"], query


@pytest.mark.django_db
def test_facets_count_the_current_results_and_narrow_them_through_links(client, small_bank):
    html = client.get(small_bank.url, {"q": "робот"}).text
    assert re.search(r"Информатика</a> <span class=\"facet__count\">\(1\)", html)
    assert re.search(r"робототехника</a> <span class=\"facet__count\">\(2\)", html)
    assert "Изобразительное искусство" not in html  # no count for what the query does not find
    link = re.search(r'href="(\?[^"]*grade=9[^"]*)"', html).group(1).replace("&amp;", "&")
    narrowed = client.get(small_bank.url + link).text
    assert titles(narrowed) == ["Робот-пылесос"]
    assert 'aria-current="true"' in narrowed


@pytest.mark.django_db
def test_every_filter_of_the_url_applies(client, small_bank):
    cases = [
        ({"subject": "physics"}, ["Робот-пылесос"]),
        ({"year": 2022}, ["Робот-сортировщик"]),
        ({"type": "individual"}, ["Ёлочные игрушки"]),
        ({"tag": "arduino"}, ["Робот-пылесос"]),
        ({"grade": 5, "q": "игрушки"}, ["Ёлочные игрушки"]),
    ]
    for params, expected in cases:
        assert titles(client.get(small_bank.url, params).text) == expected, params


@pytest.mark.django_db
def test_sorting_by_date_puts_the_newest_first(client, bank):
    make_solution(bank, title="Старый проект", text="датчики", published_date=datetime.date(2021, 1, 1))
    make_solution(bank, title="Новый проект", text="датчики", published_date=datetime.date(2025, 1, 1))
    assert titles(client.get(bank.url, {"q": "датчик", "sort": "date"}).text) == ["Новый проект", "Старый проект"]


@pytest.mark.django_db
def test_pagination_keeps_the_query_and_filters_in_the_links(client, bank):
    bank.per_page = 2
    bank.save_revision().publish()
    for number in range(5):
        make_solution(bank, title=f"Проект номер {number}", text="общее слово")
    html = client.get(bank.url, {"q": "общее", "sort": "date"}).text
    assert len(titles(html)) == 2
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert "q=" in next_link and "sort=date" in next_link and "page=2" in next_link
    assert len(titles(client.get(bank.url + next_link).text)) == 2


@pytest.mark.django_db
def test_an_empty_result_explains_what_to_do(client, small_bank):
    html = client.get(small_bank.url, {"q": "несуществующееслово", "grade": 11}).text
    assert "Ничего не нашлось" in html
    assert "Уберите фильтры" in html and "Посмотрите все решения банка" in html


@pytest.mark.django_db
def test_bad_parameters_get_a_clear_message_and_are_ignored(client, small_bank):
    response = client.get(small_bank.url, {"q": "робот", "grade": "десятый"})
    assert response.status_code == 200
    assert "не подошла" in response.text and "Класс" in response.text
    assert len(titles(response.text)) == 2


@pytest.mark.django_db
def test_the_search_form_works_without_javascript(client, small_bank):
    html = client.get(small_bank.url).text
    assert '<form class="bank-search" method="get"' in html
    assert '<label for="bank-q">' in html and 'type="submit"' in html


@pytest.mark.django_db
def test_the_search_page_costs_the_same_queries_at_two_content_sizes(client, bank, django_assert_max_num_queries):
    def count(params) -> int:
        client.get(bank.url, params)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(bank.url, params).status_code == 200
        return len(queries)

    params = {"q": "датчики", "grade": 7, "sort": "relevance"}
    for number in range(3):
        make_solution(bank, title=f"Датчики {number}", text="датчики", tags=("датчики", f"метка{number}"))
    small = count(params), count({})
    for number in range(3, 15):
        make_solution(bank, title=f"Датчики {number}", text="датчики", tags=("датчики", f"метка{number}"))
    large = count(params), count({})
    assert small == large
    with django_assert_max_num_queries(25):
        client.get(bank.url, params)
