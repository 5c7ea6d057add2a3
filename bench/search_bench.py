"""Benchmark of the bank search: 20 fixed queries at 1,000 / 10,000 / 100,000 solutions.

Prints p50 and p95 latency and SQL queries per search (results page, count and all facet counts, as the
bank page and API v3 compute them), and the time to create and to index the solutions. Every search is
measured cold (the cache of search results emptied first) and repeated (the same search again, answered
from that cache).

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/search_bench.py --sizes 1000 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coworking_bench .venv/bin/python bench/search_bench.py

It works on the database DATABASE_URL names (migrating it and adding a bank when needed), grows the bank
to each size with `bench/generate_solutions.py`, and is not part of the test suite.
"""

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coworking.settings.dev")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bank.demo.loader import ensure_bank  # noqa: E402
from bank.models import SolutionPage  # noqa: E402
from bank.search.selectors import solutions_search  # noqa: E402
from bench.generate_solutions import analyze_tables, generate_solutions, index_solutions  # noqa: E402
from pages.demo.site import ensure_site  # noqa: E402

QUERIES = [
    {"q": "теплица"},
    {"q": "роботов"},
    {"q": "экология"},
    {"q": "arduino"},
    {"q": "ёлочные"},
    {"q": "датчиками"},
    {"q": "проект"},
    {"q": "python"},
    {"q": "умная теплица"},
    {"q": "качество воды"},
    {"q": "раздельный сбор отходов"},
    {"q": "финансовая грамотность подростков"},
    {"q": "дополненной реальности музей"},
    {"q": "теплица", "subject": "biology"},
    {"q": "роботов", "grade": 7},
    {"q": "датчики", "year": 2023, "type": "collective"},
    {"q": "экология", "tag": "отходы"},
    {"q": "умная теплица", "grade": 8, "sort": "date"},
    {"subject": "informatics", "grade": 9},
    {},
]
REPEATS = 5


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ensure_bank_page():
    home = ensure_site(report=lambda line: None)
    return ensure_bank(home, report=lambda line: None)


def grow(bank, size: int) -> tuple[float, float]:
    """Brings the bank to `size` solutions; returns seconds to create the new ones and to index all."""
    missing = size - SolutionPage.objects.count()
    started = time.perf_counter()
    if missing > 0:
        generate_solutions(bank=bank, count=missing, index=False, batch_size=1000)
    created = time.perf_counter() - started
    started = time.perf_counter()
    ids = list(SolutionPage.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        index_solutions(ids[start : start + 1000])
    indexed = time.perf_counter() - started
    analyze_tables()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return created, indexed


def measure(*, cold: bool) -> tuple[list[float], list[int]]:
    """Latencies (ms) and SQL queries per search. Cold: the cache of search results is emptied before each
    search, so every one is computed; otherwise each repeat finds the first one's results in the cache."""
    gc.collect()
    gc.freeze()  # as coworking/wsgi.py does once the site is loaded
    latencies, query_counts = [], []
    for params in QUERIES:
        cache.clear()
        solutions_search(user=None, params=dict(params), per_page=12)  # warms the database's own caches
        for _ in range(REPEATS):
            if cold:
                cache.clear()
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                found = solutions_search(user=None, params=dict(params), per_page=12)
                found.results  # noqa: B018 (evaluates the page of results)
                latencies.append((time.perf_counter() - started) * 1000)
            query_counts.append(len(captured))
    return latencies, query_counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--measure-only", action="store_true", help="Search what is there; create and index nothing")
    arguments = parser.parse_args()
    call_command("migrate", verbosity=0)
    bank = ensure_bank_page()
    vendor = connection.vendor
    print(
        "| база | решений | создание, с | индексация, с | p50, мс | p95, мс | SQL-запросов на поиск "
        "| повтор: p50, мс | повтор: p95, мс | повтор: SQL-запросов |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in sorted(arguments.sizes):
        created, indexed = (0.0, 0.0) if arguments.measure_only else grow(bank, size)
        cells = []
        for cold in (True, False):
            latencies, query_counts = measure(cold=cold)
            counts = sorted(set(query_counts))
            cells += [
                f"{statistics.median(latencies):.1f}",
                f"{percentile(latencies, 0.95):.1f}",
                "–".join(str(count) for count in (counts[0], counts[-1])),
            ]
        print(
            f"| {vendor} | {SolutionPage.objects.count():,} | {created:.1f} | {indexed:.1f} | {' | '.join(cells)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
