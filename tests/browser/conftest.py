"""Browser tests drive Debian's Chromium through Playwright against the site served over HTTP.

Where no Chromium is installed they skip with a visible reason; CI sets REQUIRE_BROWSER=1 so that a
missing browser fails the run instead.
"""

import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import WSGIServer
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.testcases import LiveServerThread

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Chromium for the tests of one module; Playwright's event loop runs in this thread only meanwhile."""
    if CHROMIUM is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but Debian's chromium is not installed")
        pytest.skip("Debian's chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # While the loop runs, Django keeps database connections per async context, so this thread would get a
    # new one: the tests go on with the connection whose transaction holds the shared data and their own.
    connection = connections[DEFAULT_DB_ALIAS]
    # The test bodies' ORM calls stay synchronous: the async-safety guard is relaxed while the loop runs.
    with mock.patch.dict(os.environ, DJANGO_ALLOW_ASYNC_UNSAFE="true"), sync_playwright() as playwright:
        connections[DEFAULT_DB_ALIAS] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


class _OneRequestAtATime(WSGIServer):
    """Serves requests one after another: they all use the test's database connection."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


class _ServerThread(LiveServerThread):
    server_class = _OneRequestAtATime


@pytest.fixture
def site_server(db):
    """The site over HTTP, served from a thread that uses this test's database connection.

    The server so reads the shared demo and the test's own rows inside the test's transaction, and its writes
    are rolled back with the test's: nothing is committed, as Django does for an in-memory SQLite database.
    (pytest-django's `live_server` needs committed data: a flush after each test and the demo built again.)
    """
    connection = connections[DEFAULT_DB_ALIAS]
    # After each request Django closes a connection left outside autocommit; this one is in the test's transaction.
    connection.close = lambda: None
    connection.inc_thread_sharing()
    thread = _ServerThread("localhost", StaticFilesHandler, connections_override={DEFAULT_DB_ALIAS: connection})
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    try:
        if thread.error:
            raise thread.error
        yield SimpleNamespace(url=f"http://localhost:{thread.port}")
    finally:
        thread.terminate()
        connection.dec_thread_sharing()
        del connection.close
