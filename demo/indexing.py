"""The search index and Wagtail's reference index, updated once per demo object instead of at every save.

Wagtail indexes a model for search and for references on each `post_save`, and a new page is saved three
times (added to the tree, revised, published): building the demo spent about a third of its time
indexing the same pages again. While the demo is built, the two index updates wait; at the end, each
object saved meanwhile is indexed once, through the same tasks Wagtail's signal handlers enqueue, so the
indexes end as they would have. Signals are global to the process: the demo is built by a management
command or a test, with no requests served meanwhile.
"""

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models import Model
from django.db.models.signals import post_save
from django_tasks.base import Task
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from pages.demo.loading import Report

SAVED_UID = "demo.indexing.saved"


def _search_models() -> list[type[Model]]:
    return [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]


def _tasks(model: type[Model], *, search_models: list[type[Model]]) -> list[Task]:
    """The index updates Wagtail's signal handlers would have enqueued on a save of `model`."""
    tasks = []
    if model in search_models:
        tasks.append(insert_or_update_object_task)
    if model in ReferenceIndex.tracked_models:
        tasks.append(update_reference_index_task)
    return tasks


def _index(saved: dict[type[Model], set], *, search_models: list[type[Model]]) -> int:
    """Indexes once each saved object that still exists; returns how many were indexed."""
    count = 0
    for model, pks in saved.items():
        tasks = _tasks(model, search_models=search_models)
        if not tasks:
            continue
        for pk in model._default_manager.filter(pk__in=pks).order_by("pk").values_list("pk", flat=True):
            for task in tasks:
                task.enqueue(model._meta.app_label, model._meta.model_name, str(pk))
            count += 1
    return count


@contextmanager
def indexing_at_the_end(*, report: Report) -> Iterator[None]:
    """Defers search and reference indexing of everything saved inside the block to the block's end."""
    search_models = _search_models()
    saved: dict[type[Model], set] = defaultdict(set)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    for model in search_models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid=SAVED_UID)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=SAVED_UID)
        for model in search_models:
            post_save.connect(post_save_signal_handler, sender=model)
    started = time.perf_counter()
    count = _index(saved, search_models=search_models)
    report(f"Поиск и ссылки: проиндексировано объектов — {count}, за {time.perf_counter() - started:.1f} с")
