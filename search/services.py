"""Writes of the search app: the bank's search rows, and the record of what Elasticsearch still has to receive."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from modelsearch.conf import get_app_config

from search.facet_keys import solution_keys
from search.models import PendingIndexEntry, SolutionRow, SolutionRowsVersion

ROW_FIELDS = [
    "live",
    "path",
    "audience",
    "published_date",
    "academic_year",
    "project_type_id",
    "grade_from",
    "grade_to",
    "facet_keys",
]


def sync_solution_rows(ids: Iterable[int]) -> None:
    """Brings the search rows of these solutions in line with their pages (a missing page drops its row).

    Six queries for any number of solutions, plus one on PostgreSQL to copy the full-text vectors from
    Wagtail's index, which the database backend has just written.
    """
    from bank.models import SolutionPage

    ids = list(ids)
    solutions = SolutionPage.objects.filter(pk__in=ids).only(
        "live", "path", "audience", "published_date", "academic_year", "project_type_id", "grade_from", "grade_to"
    )
    subjects, tags = defaultdict(list), defaultdict(list)
    links = SolutionPage.subjects.through.objects.filter(solutionpage_id__in=ids).order_by("pk")
    for page_id, subject_id in links.values_list("solutionpage_id", "subjectarea_id"):
        subjects[page_id].append(subject_id)
    tagged = SolutionPage.tags.through.objects.filter(content_object_id__in=ids).order_by("pk")
    for page_id, tag_id in tagged.values_list("content_object_id", "tag_id"):
        tags[page_id].append(tag_id)
    rows = [
        SolutionRow(
            page_id=solution.pk,
            live=solution.live,
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
    by_id = {row.page_id: row for row in rows}
    SolutionRow.objects.filter(page_id__in=ids).exclude(page_id__in=by_id).delete()
    SolutionRow.objects.bulk_create(rows, update_conflicts=True, unique_fields=["page"], update_fields=ROW_FIELDS)
    if connection.vendor == "postgresql" and rows:
        _copy_vectors(SolutionPage, list(by_id))
    raise_rows_version()


def raise_rows_version() -> None:
    """Cached bank searches of every process become stale."""
    SolutionRowsVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def _copy_vectors(model, ids: list[int]) -> None:
    """The rows' full-text vectors, taken from Wagtail's index entries of the same solutions."""
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {SolutionRow._meta.db_table} r SET document = e.title || e.body, title_document = e.title "  # noqa: S608
            f"FROM {entries} e WHERE e.content_type_id = %s AND e.object_id = r.page_id::text "
            "AND r.page_id = ANY(%s)",
            [ContentType.objects.get_for_model(model).pk, ids],
        )


def record_pending(objects: Iterable[models.Model]) -> None:
    PendingIndexEntry.objects.bulk_create(
        [PendingIndexEntry(model_label=obj._meta.label, object_id=str(obj.pk)) for obj in objects],
        ignore_conflicts=True,
    )


def forget_pending(objects: Iterable[models.Model]) -> None:
    by_label = defaultdict(list)
    for obj in objects:
        by_label[obj._meta.label].append(str(obj.pk))
    for label, ids in by_label.items():
        PendingIndexEntry.objects.filter(model_label=label, object_id__in=ids).delete()


def pending_objects(*, limit: int) -> Iterator[tuple[type[models.Model], list, list]]:
    """(model, objects to index, deleted objects to remove) for each model with pending entries."""
    by_label = defaultdict(list)
    for entry in PendingIndexEntry.objects.order_by("recorded_at")[:limit]:
        by_label[entry.model_label].append(entry.object_id)
    for label, ids in by_label.items():
        model = apps.get_model(label)
        found = list(model.objects.filter(pk__in=ids))
        found_ids = {str(obj.pk) for obj in found}
        missing = [model(pk=pk) for pk in ids if pk not in found_ids]
        yield model, found, missing
