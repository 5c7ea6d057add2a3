"""The relevance set: Russian word forms, ё/е, case and Latin words find the right demo solutions in the top 5.

It runs on whatever database the suite runs on (SQLite FTS5 by default, PostgreSQL with DATABASE_URL).
"""

import pytest

from bank.search.selectors import solutions_search

# query → a title that must be among the first five results
RELEVANCE_SET = [
    ("теплицы", "Умная теплица на Arduino"),
    ("теплицей", "Умная теплица на Arduino"),
    ("ТЕПЛИЦА", "Умная теплица на Arduino"),
    ("arduino", "Умная теплица на Arduino"),
    ("ARDUINO теплица", "Умная теплица на Arduino"),
    ("роботов", "Робот-сортировщик на LEGO Mindstorms"),
    ("роботами", "Робот-пылесос из подручных материалов"),
    ("робототехникой", "Робот-сортировщик на LEGO Mindstorms"),
    ("ёлочных игрушек", "Ёлочные игрушки из вторсырья"),
    ("елочные игрушки", "Выставка ёлочных игрушек советского времени"),
    ("ЕЛКА", "Ёлочные игрушки из вторсырья"),
    ("блокады", "Квест по истории блокадного Ленинграда"),
    ("квесты", "Квест по истории блокадного Ленинграда"),
    ("чат-боты", "Чат-бот расписания в Telegram"),
    ("Telegram", "Викторина по русскому языку для Telegram"),
    ("python", "Учебник по Python для семиклассников"),
    ("учебника по Python", "Учебник по Python для семиклассников"),
    ("метеостанции", "Мобильная метеостанция"),
    ("micro:bit", "Мобильная метеостанция"),
    ("качество воды", "Исследование качества воды в Неве"),
    ("кислотности почвы", "Исследование кислотности почвы"),
    ("гидропоникой", "Гидропоника для школьной столовой"),
    ("кормушек", "Птичья столовая: наблюдение за зимующими птицами"),
    ("подкасты", "Подкаст о профессиях будущего"),
    ("Unity", "Игра на Unity о профессиях"),
    ("шахматы турниры", "Школьная спортивная лига по шахматам"),
    ("финансовой грамотности", "Финансовая грамотность для подростков"),
    ("углеродный след", "Калькулятор углеродного следа семьи"),
    ("3D модели", "3D-модель лицея для виртуальной экскурсии"),
    ("дополненной реальности", "Школьный музей в дополненной реальности"),
    ("фитостены", "Фитостена в рекреации"),
    ("раздельный сбор отходов", "Сортировка отходов в лицее"),
    ("велопарковки", "Велопарковка для лицея"),
    ("солнечной панелью", "Солнечная зарядная станция"),
    ("пословицам", "Русские пословицы в английском языке"),
    ("English", "Английский разговорный клуб"),
    ("аудиокниги", "Озвучка книг для незрячих детей"),
    ("Пушкина", "Театральная постановка по сказкам Пушкина"),
    ("Дейкстры", "Расчёт оптимального маршрута до лицея"),
    ("расчет маршрута", "Расчёт оптимального маршрута до лицея"),
    ("учет домашних заданий", "Приложение для учёта домашних заданий"),
    ("Excel", "Анализ успеваемости в Excel"),
]


def top_titles(query: str, **filters) -> list[str]:
    found = solutions_search(user=None, params={"q": query, "sort": "relevance", **filters}, per_page=5)
    return [solution.title for solution in found.results]


@pytest.mark.django_db
def test_the_relevance_set_has_at_least_thirty_queries():
    assert len(RELEVANCE_SET) >= 30


@pytest.mark.django_db
def test_every_query_of_the_relevance_set_finds_its_solution_in_the_top_five(bank_demo):
    misses = {}
    for query, title in RELEVANCE_SET:
        titles = top_titles(query)
        if title not in titles:
            misses[query] = (title, titles)
    assert not misses, f"{len(misses)} of {len(RELEVANCE_SET)} queries missed: {misses}"


@pytest.mark.django_db
def test_word_forms_case_and_yo_give_the_same_results(bank_demo):
    assert top_titles("ЁЛОЧНЫЕ") == top_titles("елочные") == top_titles("Ёлочных")
    assert top_titles("проект теплицы") == top_titles("проектами теплицами")


@pytest.mark.django_db
def test_a_query_with_facets_narrows_the_results(bank_demo):
    everything = top_titles("arduino")
    narrowed = top_titles("arduino", grade=7)
    assert "Музыкальная шкатулка на микроконтроллере" in narrowed
    assert "Умная теплица на Arduino" in everything and "Умная теплица на Arduino" not in narrowed
