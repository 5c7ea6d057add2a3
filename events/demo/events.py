"""Events of the roadmap (hackathons of March 2023 and April 2024, the conference of March 2024, the final
conference of March 2025) with their materials, and upcoming events dated relative to today, so that the
calendar is never empty."""

from datetime import date, time

ROADMAP_TOPIC = (
    "«Технические и методические аспекты проектирования цифрового коворкинг-пространства для взаимодействия "
    "субъектов образования»"
)

PAST_EVENTS = [
    {
        "title": f"Первый хакатон {ROADMAP_TOPIC}",
        "kind": "hackathon",
        "format": "hackathon",
        "day": date(2023, 3, 23),
        "start": time(10, 0),
        "minutes": 480,
        "location": "Лицей № 373, актовый зал",
        "summary": "Команды педагогов, обучающихся и партнёров проектировали техническую и методическую "
        "основу коворкинга (дорожная карта, продукт 1, задача 4).",
        "materials": [("documents", "Материалы хакатона", ["Итоги первого хакатона", "Прототипы команд"])],
    },
    {
        "title": "Конференция «Цифровое коворкинг-пространство – поле взаимодействия школьника, его родителей "
        "и учителя»",
        "kind": "conference",
        "format": "ted",
        "day": date(2024, 3, 21),
        "start": time(14, 0),
        "minutes": 180,
        "location": "Лицей № 373, конференц-зал",
        "summary": "Конференция о взаимодействии субъектов образования в коворкинге (дорожная карта, продукт 2, "
        "задача 4).",
        "materials": [
            ("documents", "Материалы конференции", ["Программа конференции", "Сборник тезисов"]),
            ("slides", "Презентации докладчиков", ["Презентация пленарного доклада"]),
        ],
    },
    {
        "title": f"II хакатон {ROADMAP_TOPIC}",
        "kind": "hackathon",
        "format": "hackathon",
        "day": date(2024, 4, 18),
        "start": time(10, 0),
        "minutes": 480,
        "location": "Лицей № 373, актовый зал",
        "summary": "Второй хакатон, перенесённый с марта на апрель 2024 года (дорожная карта, продукт 2, задача 5).",
        "materials": [("documents", "Материалы хакатона", ["Итоги второго хакатона"])],
    },
    {
        "title": "Итоговая конференция проекта «Цифровое коворкинг-пространство взаимодействия субъектов образования»",
        "kind": "conference",
        "format": "forum",
        "day": date(2025, 3, 20),
        "start": time(14, 0),
        "minutes": 240,
        "location": "Лицей № 373, конференц-зал",
        "summary": "Итоги опытно-экспериментальной работы и программа диссеминации опыта в школах "
        "Санкт-Петербурга (дорожная карта, продукт 5, задача 3).",
        "materials": [
            ("documents", "Материалы конференции", ["Материалы итоговой конференции"]),
            ("slides", "Презентации", ["Презентация итогов проекта"]),
        ],
    },
]

# Days from today: one event two days ago and one tomorrow put at least one open event into the current
# month whatever the day, and the rest keep the calendar full ahead.
UPCOMING_EVENTS = [
    {
        "title": "Стендап проектных команд 11 класса",
        "kind": "other",
        "format": "stand-up",
        "in_days": -2,
        "start": time(8, 15),
        "minutes": 15,
        "location": "Лицей № 373, кабинет 305",
        "audience": "everyone",
        "registration_required": False,
        "summary": "Команды рассказывают, что сделано за неделю, что дальше и что мешает.",
        "materials": [("documents", "Доска задач", ["Доска задач команд после стендапа"])],
    },
    {
        "title": "Тематическая сессия «Как выбрать тему проекта»",
        "kind": "thematic_session",
        "format": "anti-lecture",
        "in_days": 1,
        "start": time(16, 0),
        "minutes": 60,
        "online_url": "https://telemost.yandex.ru/j/22222222222222",
        "audience": "everyone",
        "registration_required": False,
        "summary": "Антилекция для обучающихся и родителей: вопросы задают участники, ответы ищем вместе.",
    },
    {
        "title": "Вебинар для родителей: как устроен цифровой коворкинг",
        "kind": "webinar",
        "format": "webinar",
        "in_days": 3,
        "start": time(19, 0),
        "minutes": 60,
        "online_url": "https://telemost.yandex.ru/j/00000000000000",
        "audience": "residents",
        "registration_required": True,
        "capacity": 100,
        "summary": "Как родителям обучающихся пользоваться коворкингом: события, переговорные, сопровождение.",
    },
    {
        "title": "Мастер-класс «Проектная идея за 90 минут»",
        "kind": "master_class",
        "format": "master-class",
        "in_days": 7,
        "start": time(15, 30),
        "minutes": 90,
        "location": "Лицей № 373, кабинет 214",
        "audience": "everyone",
        "registration_required": True,
        "capacity": 20,
        "summary": "Открытый мастер-класс: от проблемы к идее проекта и первому плану работы.",
    },
    {
        "title": "Тематическая сессия «Проектная деятельность в 10 классе»",
        "kind": "thematic_session",
        "format": "scrum",
        "in_days": 12,
        "start": time(15, 0),
        "minutes": 90,
        "location": "Лицей № 373, кабинет 305",
        "audience": "internal",
        "registration_required": False,
        "summary": "Команды десятиклассников планируют следующий этап проектов с тьюторами.",
    },
    {
        "title": "Проблемная сессия «Как оценивать проекты школьников»",
        "kind": "problem_session",
        "format": "anti-lecture",
        "in_days": 18,
        "start": time(16, 0),
        "minutes": 60,
        "online_url": "https://telemost.yandex.ru/j/11111111111111",
        "audience": "residents",
        "registration_required": False,
        "summary": "Педагоги и эксперты партнёров ищут общие критерии экспертной оценки проектов.",
    },
    {
        "title": "Печа-Куча проектов обучающихся",
        "kind": "other",
        "format": "pecha-kucha",
        "in_days": 25,
        "start": time(16, 0),
        "minutes": 60,
        "location": "Лицей № 373, актовый зал",
        "audience": "everyone",
        "registration_required": False,
        "summary": "Проекты обучающихся за 20 слайдов по 20 секунд. Вход свободный.",
    },
    {
        "title": "Кейс-турнир с партнёрами коворкинга",
        "kind": "other",
        "format": "case-tournament",
        "in_days": 40,
        "start": time(11, 0),
        "minutes": 180,
        "location": "Лицей № 373, рекреация второго этажа",
        "audience": "residents",
        "registration_required": True,
        "capacity": 40,
        "summary": "Команды решают кейсы партнёрских организаций и защищают решения перед жюри.",
    },
]
