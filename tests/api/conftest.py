import pytest
from django.db import transaction
from django.test import TestCase

from demo.loader import load_demo


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo, built once for the module inside a transaction that is rolled back at its end; each test
    runs in a savepoint of it, so what a test writes is gone for the next one."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            load_demo(report=lambda line: None)
        yield
        transaction.set_rollback(True)
