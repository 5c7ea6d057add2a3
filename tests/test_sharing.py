"""Rows shared by many tests (tests/sharing.py) are seen inside their transaction and gone after it."""

import pytest
from django.db import transaction
from wagtail.models import Locale

from pages.models import HomePage
from tests.sharing import SharedTransaction


def german_locales(django_db_blocker) -> int:
    with django_db_blocker.unblock():
        return Locale.objects.filter(language_code="de").count()


def test_shared_rows_are_seen_until_the_shared_transaction_is_rolled_back(django_db_setup, django_db_blocker):
    shared = SharedTransaction(django_db_blocker)
    shared.open(lambda: Locale.objects.create(language_code="de"))
    assert german_locales(django_db_blocker) == 1
    shared.close()
    shared.close()
    assert german_locales(django_db_blocker) == 0


def test_on_commit_callbacks_of_the_build_run(django_db_setup, django_db_blocker):
    shared = SharedTransaction(django_db_blocker)
    shared.open(lambda: transaction.on_commit(lambda: Locale.objects.create(language_code="de")))
    try:
        assert german_locales(django_db_blocker) == 1
    finally:
        shared.close()


def test_a_failed_build_leaves_nothing_open(django_db_setup, django_db_blocker):
    def build():
        Locale.objects.create(language_code="de")
        raise ValueError("the build failed")

    shared = SharedTransaction(django_db_blocker)
    with pytest.raises(ValueError):
        shared.open(build)
    assert not shared.is_open
    assert german_locales(django_db_blocker) == 0


@pytest.mark.django_db
def test_a_test_without_the_demo_does_not_see_it():
    """Demo tests run first in each process: the demo must be gone by the time this one runs."""
    assert not HomePage.objects.exists()
