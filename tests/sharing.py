"""Rows built once and read by many tests, inside a transaction that is rolled back afterwards.

pytest-django runs each database test in a transaction of its own, a savepoint when one is already open,
and rolls it back. A fixture of a wider scope (session, module) can therefore open a transaction first
and build rows in it: every test nested inside sees them and rolls back only its own changes, so the
rows are built once instead of once per test, and no test sees another's changes.

Such a fixture must not wrap a test that commits (`transaction=True`, a live server): that test would
see the shared rows as committed, and its flush at teardown would end the shared transaction.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.test import TestCase


class SharedTransaction:
    """An atomic block opened by a fixture, the way Django's TestCase opens one around a test class."""

    def __init__(self, django_db_blocker):
        self._blocker = django_db_blocker
        self._atomic = None

    @property
    def is_open(self) -> bool:
        return self._atomic is not None

    def open(self, build: Callable[[], object]) -> object:
        """Opens the block and returns what `build` made in it, on-commit callbacks run (wagtail-localize
        publishes translations on commit, and the block never commits)."""
        with self._blocker.unblock():
            atomic = transaction.atomic()
            # Marked like TestCase's own blocks, so that a durable block inside a test is still allowed.
            atomic._from_testcase = True
            atomic.__enter__()
            self._atomic = atomic
            try:
                with TestCase.captureOnCommitCallbacks(execute=True):
                    return build()
            except BaseException:
                self.close()
                raise

    def close(self) -> None:
        """Rolls back everything built in the block; safe to call twice."""
        if self._atomic is None:
            return
        atomic, self._atomic = self._atomic, None
        with self._blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@contextmanager
def shared_rows(django_db_blocker, build: Callable[[], object]) -> Iterator[object]:
    """For a generator fixture: `with shared_rows(django_db_blocker, build) as value: yield value`."""
    shared = SharedTransaction(django_db_blocker)
    value = shared.open(build)
    try:
        yield value
    finally:
        shared.close()
