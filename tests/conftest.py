"""Fixtures shared by the whole suite, and how database tests share what is expensive to build.

A database test runs either on the demo site (`demo_site`, `home`) or on an empty site (`empty_home`,
and the builders in tests/factories.py and tests/<area>/builders.py); never on both.

- The demo is built once per test process (once per xdist worker that runs demo tests), inside a
  transaction that every demo test nests its own in (tests/sharing.py): a test's changes are rolled back,
  the demo stays as built. Demo tests are moved to the front of the run, and the demo is rolled back before
  the first test that does not ask for it: every other test starts from the database the migrations made.
- Tests that commit (`django_db(transaction=True)`, pytest-django's `live_server`) cannot run inside that
  transaction: they may not ask for the demo. The browser tests use `site_server` instead, which serves
  the site from the test's own connection (tests/browser/conftest.py).
- A module may share rows of its own the same way, for the duration of the module (tests/access).
- Caches outlive transactions: the cache is emptied before each test (ids repeat after a rollback on
  SQLite, and Wagtail caches renditions and site roots by id). Objects that cache on themselves (a user's
  access, a page's body) are not handed from a shared fixture to tests: the fixtures give ids, or read the
  object afresh for each test (`demo_site`, `home`).
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from demo.loader import load_demo
from pages.models import HomePage
from tests.factories import make_empty_home
from tests.sharing import SharedTransaction

DEMO = pytest.StashKey[SharedTransaction]()


def uses_demo(item: pytest.Item) -> bool:
    return "demo_database" in getattr(item, "fixturenames", ())


def commits(item: pytest.Item) -> bool:
    """True for a test that pytest-django runs outside a transaction (it flushes the database afterwards)."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the demo run first, in each process, so that the demo is built once per process and rolled
    back before the first test that wants an empty site (the sort is stable: the order is kept otherwise)."""
    for item in items:
        if uses_demo(item) and commits(item):
            raise pytest.UsageError(f"{item.nodeid} commits, so it cannot run on the shared demo (tests/conftest.py)")
    items.sort(key=lambda item: not uses_demo(item))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    demo = item.config.stash.get(DEMO, None)
    if demo is not None and demo.is_open and not uses_demo(item):
        demo.close()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as a new process does; the database is rolled back between tests,
    and cached reads must not outlive it."""
    cache.clear()


@pytest.fixture(autouse=True)
def russian_to_begin_with():
    """Each test begins in the site's language: Django's test client leaves the language of its last request
    active in the thread, so a test that read an English page would make the next one read in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def demo_database(request, django_db_setup, django_db_blocker) -> SharedTransaction:
    """The whole demo site, as `manage.py load_demo` builds it, once per test process (per xdist worker).

    It lives in a transaction that each test nests its own in (see tests/sharing.py), so tests read it and
    their changes are rolled back; the demo itself is rolled back before the first test without it.
    """
    demo = SharedTransaction(django_db_blocker)
    demo.open(lambda: load_demo(report=lambda line: None))
    request.config.stash[DEMO] = demo
    yield demo
    demo.close()


@pytest.fixture
def demo_site(request, demo_database, db) -> Site:
    """The demo's default site, read afresh for each test."""
    if not demo_database.is_open:
        pytest.fail(f"{request.node.nodeid} asks for the demo after it was rolled back: demo tests run first")
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(demo_site) -> HomePage:
    return demo_site.root_page.specific


@pytest.fixture
def empty_home(request, db) -> HomePage:
    """A bare HomePage as the default site's root, for tests that build their own content."""
    if uses_demo(request.node):
        pytest.fail("a test asks for the demo or an empty site, not both")
    return make_empty_home()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client
