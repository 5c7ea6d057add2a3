"""Builds the demo site from the areas' data files, one area after another.

Each area builds its own part with `<app>.demo.loader.load_demo(*, home, report)` from the YAML files beside
it; this module only knows the order. The landing comes after the areas because it links to their pages; the English
version of every page (pages.demo.translation) comes last.
Safe to run again: what exists is left as it is.
"""

import time

from django.db import transaction

from bank.demo import loader as bank
from demo.indexing import indexing_at_the_end
from events.demo import loader as events
from exhibitions.demo import loader as exhibitions
from meetings.demo import loader as meetings
from pages.demo import landing, translation
from pages.demo import loader as pages
from pages.demo.loading import AreaLoader, Report
from pages.demo.site import ensure_site
from pages.models import HomePage
from projects.demo import loader as projects
from reviews.demo import loader as reviews
from support.demo import loader as support
from surveys.demo import loader as surveys

# The order of the menu: pages are added under the home page in this order.
AREAS: list[tuple[str, AreaLoader]] = [
    ("Страницы, дорожная карта, контакты школы", pages.load_demo),
    ("Сопровождение и комната отдыха", support.load_demo),
    ("Виртуальные выставки", exhibitions.load_demo),
    ("Онлайн-площадка: форматы и события", events.load_demo),
    ("Переговорные комнаты", meetings.load_demo),
    ("Открытый банк проектных решений", bank.load_demo),
    ("Экспертная оценка: рубрики, эксперты, оценки", reviews.load_demo),
    ("Опросы и обратная связь", surveys.load_demo),
    ("Проекты: команды, стадии, журналы", projects.load_demo),
    ("Стартовая страница", landing.load_demo),
    ("Английская версия страниц", translation.load_demo),
]


@transaction.atomic
def load_demo(*, report: Report = print) -> HomePage:
    """The demo under the default site's home page; each step is reported with the seconds it took."""
    home = ensure_site(report=report)
    with indexing_at_the_end(report=report):
        for number, (name, load) in enumerate(AREAS, start=1):
            report(f"[{number}/{len(AREAS)}] {name}")
            started = time.perf_counter()
            load(home=home, report=report)
            report(f"[{number}/{len(AREAS)}] готово за {time.perf_counter() - started:.1f} с")
    return home
