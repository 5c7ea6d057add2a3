"""Writes of the bank search: its rows and facet totals kept in step with the solution pages."""

import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from django.db import connection, transaction
from wagtail.models import Page, PageViewRestriction

from bank.models.pages import SolutionPage
from bank.models.rows import FacetTotal, SolutionRow, SolutionRowsVersion
from bank.search.facet_keys import solution_keys
from search.vectors import copy_vectors

ROW_FIELDS = [
    "live",
    "restricted",
    "path",
    "audience",
    "published_date",
    "academic_year",
    "project_type_id",
    "grade_from",
    "grade_to",
    "facet_keys",
]
REBUILD_CHUNK = 1000

# `progress(total=, desc=, unit=)`: a progress bar (a context manager with `update(n)`) that the caller shows.
ProgressBar = Callable[..., AbstractContextManager]


def _facet_ids(ids: list[int]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """The subject ids and the tag ids of each solution, in two queries."""
    subjects, tags = defaultdict(list), defaultdict(list)
    links = SolutionPage.subjects.through.objects.filter(solutionpage_id__in=ids).order_by("pk")
    for page_id, subject_id in links.values_list("solutionpage_id", "subjectarea_id"):
        subjects[page_id].append(subject_id)
    tagged = SolutionPage.tags.through.objects.filter(content_object_id__in=ids).order_by("pk")
    for page_id, tag_id in tagged.values_list("content_object_id", "tag_id"):
        tags[page_id].append(tag_id)
    return subjects, tags


def _rows_of(ids: list[int]) -> list[SolutionRow]:
    """The rows as the pages are now; a missing page has none."""
    # Read afresh, not through residents.restrictions: the rows are written inside the editor's transaction.
    restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    solutions = SolutionPage.objects.filter(pk__in=ids).only(
        "live", "path", "audience", "published_date", "academic_year", "project_type_id", "grade_from", "grade_to"
    )
    subjects, tags = _facet_ids(ids)
    return [
        SolutionRow(
            page_id=solution.pk,
            live=solution.live,
            restricted=any(path in restricted for path in _tree_paths(solution.path)),
            path=solution.path,
            audience=solution.audience,
            published_date=solution.published_date,
            academic_year=solution.academic_year,
            project_type_id=solution.project_type_id,
            grade_from=solution.grade_from,
            grade_to=solution.grade_to,
            facet_keys=solution_keys(
                subjects=subjects[solution.pk],
                grade_from=solution.grade_from,
                grade_to=solution.grade_to,
                year=solution.academic_year,
                project_type_id=solution.project_type_id,
                tags=tags[solution.pk],
            ),
        )
        for solution in solutions
    ]


@transaction.atomic
def sync_solution_rows(*, ids: Iterable[int]) -> None:
    """Brings the search rows of these solutions, and the facet totals, in line with their pages (a missing
    page drops its row).

    A constant number of queries for any number of solutions, plus one on PostgreSQL to copy the full-text
    vectors from Wagtail's index, which the database backend has just written.
    """
    ids = list(ids)
    before = list(SolutionRow.objects.select_for_update().filter(page_id__in=ids))
    rows = _rows_of(ids)
    by_id = {row.page_id: row for row in rows}
    SolutionRow.objects.filter(page_id__in=ids).exclude(page_id__in=by_id).delete()  # totals: see forget_row
    SolutionRow.objects.bulk_create(rows, update_conflicts=True, unique_fields=["page"], update_fields=ROW_FIELDS)
    changes = Counter()
    for row in before:
        if row.page_id in by_id:
            changes.subtract(_totals_of(row))
    for row in rows:
        changes.update(_totals_of(row))
    add_to_totals(changes)
    if connection.vendor == "postgresql" and rows:
        copy_vectors(model=SolutionPage, table=SolutionRow._meta.db_table, ids=list(by_id))
    raise_rows_version()


def rebuild_solution_rows(*, progress: ProgressBar) -> None:
    """Every solution's row written afresh, then the facet totals counted afresh (after `update_index`)."""
    ids = list(SolutionPage.objects.order_by("pk").values_list("pk", flat=True))
    with progress(total=len(ids), desc="Строки поиска по банку", unit="реш.") as bar:
        for start in range(0, len(ids), REBUILD_CHUNK):
            chunk = ids[start : start + REBUILD_CHUNK]
            sync_solution_rows(ids=chunk)
            bar.update(len(chunk))
    rebuild_totals()


def _tree_paths(path: str) -> list[str]:
    """The tree paths of a page and of each of its ancestors."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def _totals_of(row: SolutionRow) -> Counter:
    """What one row adds to the facet totals: one for each of its keys and one for the total (key 0)."""
    if not row.live or row.restricted:
        return Counter()
    bank_path = row.path[: -Page.steplen]  # a solution's parent is its bank
    return Counter((bank_path, row.audience, key) for key in [0, *row.facet_keys])


def add_to_totals(changes: Counter) -> None:
    """Adds each (bank path, audience, key) change to its facet total, in one statement."""
    changes = {total: change for total, change in changes.items() if change}
    if not changes:
        return
    table = FacetTotal._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s)"] * len(changes))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (bank_path, audience, key, count) VALUES {values} "  # noqa: S608
            f"ON CONFLICT (bank_path, audience, key) DO UPDATE SET count = {table}.count + excluded.count",
            [value for total, change in changes.items() for value in (*total, change)],
        )


def forget_row(*, row: SolutionRow) -> None:
    """A deleted row leaves the facet totals and the cached searches."""
    add_to_totals(Counter({total: -change for total, change in _totals_of(row).items()}))
    raise_rows_version()


def rebuild_totals() -> None:
    """The facet totals counted afresh from the rows."""
    FacetTotal.objects.all().delete()
    changes = Counter()
    rows = SolutionRow.objects.filter(live=True, restricted=False).only("path", "audience", "facet_keys", "live")
    for row in rows.iterator(2000):
        changes.update(_totals_of(row))
    add_to_totals(changes)


def raise_rows_version() -> None:
    """Cached bank searches of every process become stale."""
    SolutionRowsVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})
