"""`update_index` rebuilds Wagtail's index, then lets other apps rebuild what they derive from it."""

import io

import pytest
from django.core.management import call_command

from search.signals import index_rebuilt


@pytest.fixture
def receiver():
    """Connects a receiver to `index_rebuilt` for one test."""
    connected = []

    def connect(function):
        index_rebuilt.connect(function, dispatch_uid=f"test-{id(function)}")
        connected.append(function)

    yield connect
    for function in connected:
        index_rebuilt.disconnect(function, dispatch_uid=f"test-{id(function)}")


@pytest.mark.django_db
def test_update_index_tells_other_apps_and_lends_them_a_progress_bar(receiver):
    done = []

    def rebuild(sender, progress, **kwargs):
        with progress(total=3, desc="Строки", unit="шт.") as bar:
            for _ in range(3):
                bar.update(1)
                done.append(1)

    receiver(rebuild)
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    assert len(done) == 3


@pytest.mark.django_db
def test_a_failed_rebuild_fails_update_index(receiver):
    def fail(sender, progress, **kwargs):
        raise RuntimeError("rows could not be rebuilt")

    receiver(fail)
    with pytest.raises(RuntimeError, match="rows could not be rebuilt"):
        call_command("update_index", verbosity=0, stdout=io.StringIO())
