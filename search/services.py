"""Writes of the search app: the record of what an unreachable Elasticsearch still has to receive."""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.db import models

from search.models import PendingIndexEntry


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
