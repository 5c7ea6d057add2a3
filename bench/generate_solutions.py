"""Grows the bank with generated solutions for benchmarks: the same seed gives the same solutions.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/generate_solutions.py 10000 --seed 1

Pages are created in bulk: tree paths are computed here and rows inserted with bulk inserts, because
`add_child` one page at a time would take hours for 100,000 solutions. The solutions go under the first bank
of the database that DATABASE_URL names (`manage.py load_demo` makes one). Not part of the test suite; its
tests are in `tests/bench/`.
"""

import argparse
import datetime
import os
import random
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import django
from django.apps import apps

if not apps.ready:  # run as a script; under the test suite, Django is set up already
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coworking.settings.dev")
    django.setup()

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from bank.demo.data import SOLUTIONS, STAGE_TITLES, TEAM_NAMES
from bank.demo.loader import ensure_taxonomies, ensure_tutors
from bank.models import BankTag, SolutionBankPage, SolutionPage, SolutionRow, SolutionTag, TeamMember
from bank.search.rows import sync_solution_rows

Progress = Callable[[int], None]

PLACES = ["лицей № 1", "гимназия № 3", "школа № 17", "лицей № 30", "школа № 504", "гимназия № 209", "школа № 91"]
VARIANTS = ["первая версия", "доработка", "городской этап", "для младших классов", "с новыми участниками"]


def _next_positions(bank: Page, count: int) -> list[str]:
    last = (
        Page.objects.filter(path__startswith=bank.path, depth=bank.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    start = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    return [Page._get_path(bank.path, bank.depth + 1, start + offset) for offset in range(count)]


def _spec(position: int, seed: int) -> dict:
    rng = random.Random(f"{seed}-{position}")  # noqa: S311 (deterministic demo data, not security)
    base, other, third = rng.sample(SOLUTIONS, 3)
    year = rng.choice([2019, 2020, 2021, 2022, 2023, 2024])
    grade_from = rng.randint(1, 11)
    return {
        "title": f"{base[0]}: {rng.choice(VARIANTS)}, {rng.choice(PLACES)} ({position})",
        "summary": base[1],
        "problem": f"{base[7]} {other[7]}",
        "goal": f"{base[8]} {third[8]}",
        "result": f"{base[9]} {other[9]}",
        "stages": [
            {"type": "stage", "value": {"title": title, "text": text}}
            for title, text in zip(STAGE_TITLES, [base[7], other[8], third[9], base[9]], strict=True)
        ],
        "subjects": base[2],
        "tags": base[6],
        "grades": (grade_from, min(11, grade_from + rng.randint(0, 2))),
        "collective": base[4],
        "year": year,
        "published": datetime.date(year + 1, rng.randint(1, 6), rng.randint(1, 28)),
        "tutor": base[10],
        "team": rng.randint(1, 3),
    }


def _create_batch(bank, positions, numbers, *, seed, context) -> list[int]:
    now = timezone.now()
    specs = [_spec(number, seed) for number in numbers]
    pages = Page.objects.bulk_create(
        [
            Page(
                title=spec["title"],
                draft_title=spec["title"],
                slug=f"generated-{number}",
                content_type=context["content_type"],
                path=path,
                depth=bank.depth + 1,
                numchild=0,
                url_path=f"{bank.url_path}generated-{number}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=bank.locale_id,
                translation_key=uuid.uuid4(),
            )
            for path, number, spec in zip(positions, numbers, specs, strict=True)
        ]
    )
    solutions = [
        SolutionPage(
            page_ptr_id=page.pk,
            summary=spec["summary"],
            problem=spec["problem"],
            goal=spec["goal"],
            result=spec["result"],
            reuse="Повторите этапы проекта и адаптируйте материалы под свой класс.",
            stages=spec["stages"],
            grade_from=spec["grades"][0],
            grade_to=spec["grades"][1],
            project_type=context["types"][spec["collective"]],
            academic_year=spec["year"],
            published_date=spec["published"],
            tutor=context["tutors"][spec["tutor"]],
        )
        for page, spec in zip(pages, specs, strict=True)
    ]
    SolutionPage._base_manager._insert(solutions, fields=SolutionPage._meta.local_concrete_fields)
    Subjects = SolutionPage.subjects.through
    Subjects.objects.bulk_create(
        [
            Subjects(solutionpage_id=page.pk, subjectarea_id=context["subjects"][slug].pk)
            for page, spec in zip(pages, specs, strict=True)
            for slug in spec["subjects"]
        ]
    )
    SolutionTag.objects.bulk_create(
        [
            SolutionTag(content_object_id=page.pk, tag_id=context["tags"][name].pk)
            for page, spec in zip(pages, specs, strict=True)
            for name in spec["tags"]
        ]
    )
    TeamMember.objects.bulk_create(
        [
            TeamMember(
                page_id=page.pk,
                display_name=TEAM_NAMES[(page.pk + index) % len(TEAM_NAMES)],
                consent=True,
                sort_order=index,
            )
            for page, spec in zip(pages, specs, strict=True)
            for index in range(spec["team"])
        ]
    )
    return [page.pk for page in pages]


def _tags() -> dict[str, BankTag]:
    """The bank's tags of the generated solutions, in the site's language (solutions point at the Russian tags)."""
    locale = Locale.get_default()
    names = sorted({name for spec in SOLUTIONS for name in spec[6]})
    found = {tag.name: tag for tag in BankTag.objects.filter(name__in=names, locale=locale)}
    for name in names:
        if name not in found:
            found[name] = BankTag.objects.create(name=name, locale=locale)
    return found


def index_solutions(ids: list[int]) -> None:
    """Adds the solutions to every search backend in one bulk call per backend."""
    solutions = list(
        SolutionPage.objects.filter(pk__in=ids)
        .select_related("tutor", "project_type")
        .prefetch_related("subjects", "tags", "team")
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(SolutionPage, solutions)
    sync_solution_rows(ids=ids)


def generate_solutions(
    *,
    bank: SolutionBankPage,
    count: int,
    seed: int = 1,
    batch_size: int = 500,
    index: bool = True,
    progress: Progress = lambda done: None,
) -> int:
    """Creates `count` deterministic solutions under `bank`; returns how many were created."""
    subjects, types = ensure_taxonomies()
    context = {
        "content_type": ContentType.objects.get_for_model(SolutionPage),
        "subjects": subjects,
        "types": types,
        "tutors": ensure_tutors(),
        "tags": _tags(),
    }
    first_number = SolutionPage.objects.filter(slug__startswith="generated-").count() + 1
    for start in range(0, count, batch_size):
        size = min(batch_size, count - start)
        with transaction.atomic():
            bank.refresh_from_db()
            positions = _next_positions(bank, size)
            numbers = range(first_number + start, first_number + start + size)
            ids = _create_batch(bank, positions, numbers, seed=seed, context=context)
            Page.objects.filter(pk=bank.pk).update(numchild=F("numchild") + size)
            if index:
                index_solutions(ids)
        progress(size)
    analyze_tables()
    return count


def analyze_tables() -> None:
    """Fresh planner statistics after a bulk insert, so PostgreSQL picks index and hash plans for search."""
    if connection.vendor != "postgresql":
        return
    tables = [
        SolutionPage._meta.db_table,
        Page._meta.db_table,
        SolutionTag._meta.db_table,
        SolutionPage.subjects.through._meta.db_table,
        TeamMember._meta.db_table,
        SolutionRow._meta.db_table,
    ]
    # The search rows were inserted, then given their vectors: VACUUM drops the first versions.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Создаёт N проектных решений в банке для замеров (одинаковых при одинаковом --seed)."
    )
    parser.add_argument("count", type=int, help="Сколько решений создать")
    parser.add_argument("--seed", type=int, default=1, help="Зерно генератора: одно зерно — одни и те же решения")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--no-index", action="store_true", help="Не индексировать (потом выполните update_index)")
    parser.add_argument("--quiet", action="store_true", help="Без индикатора хода")
    arguments = parser.parse_args(argv)
    if arguments.count < 1:
        parser.error("Число решений должно быть положительным.")
    bank = SolutionBankPage.objects.order_by("path").first()
    if bank is None:
        parser.error("Банк решений не найден: сначала выполните manage.py load_demo.")
    with tqdm(total=arguments.count, unit="реш.", desc="Решения", disable=arguments.quiet) as bar:
        generate_solutions(
            bank=bank,
            count=arguments.count,
            seed=arguments.seed,
            batch_size=arguments.batch_size,
            index=not arguments.no_index,
            progress=bar.update,
        )
    print(f"Создано решений: {arguments.count}")


if __name__ == "__main__":
    main()
