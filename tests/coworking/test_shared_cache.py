"""Several app servers share one cache (Redis): what decides access is never older in one of them than in
the others. Two real Django processes over one database file and one Redis: a view restriction an editor
sets through one of them holds in the other from its next request.

Runs wherever a Redis server answers (REDIS_URL, or 127.0.0.1:6379); skipped, with the reason, elsewhere.
"""

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


pytestmark = [
    pytest.mark.slow_subprocess,
    pytest.mark.django_db,  # the migrated test database, copied for the app servers
    pytest.mark.skipif(not redis_answers(), reason=f"no Redis server answers at {REDIS_URL}"),
]


class AppServer:
    """One Django process; `ask` sends it a command and reads its answer."""

    def __init__(self, environment: dict):
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("app_server.py"))],
            cwd=PROJECT,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command: str) -> dict:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the app server stopped while answering {command!r}"
        return json.loads(line)

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def database_url(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of the migrated test database that other processes can open: a file for SQLite, a database made
    from it as a template for PostgreSQL (migrating afresh would cost a minute)."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            target = tmp_path_factory.mktemp("shared-cache-db") / "db.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(target) as copy:
                connection.connection.backup(copy)
            yield f"sqlite:///{target}"
            return
        name, template = f"{connection.settings_dict['NAME']}_shared_cache", connection.settings_dict["NAME"]
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        settings = connection.settings_dict
        yield f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture(scope="module")
def environment(database_url, tmp_path_factory) -> dict:
    """The database copy and a Redis key prefix of this test's own, for every app server."""
    prefix = f"test-{uuid.uuid4().hex}"
    yield {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "coworking.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("shared-cache-media")),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(PROJECT),
    }
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def two_servers(environment):
    servers = AppServer(environment), AppServer(environment)
    yield servers
    for server in servers:
        server.stop()


def test_a_restriction_set_in_one_app_server_holds_in_the_other_on_its_next_request(two_servers, environment):
    first, second = two_servers
    solution = first.ask("build")["solution"]
    assert "Решение общедоступное" in first.ask("get /bank/feed/rss/")["text"]
    assert "Решение общедоступное" in second.ask("get /bank/feed/rss/")["text"]
    shared = redis.Redis.from_url(REDIS_URL).scan_iter(f"{environment['CACHE_KEY_PREFIX']}:*view-restrictions*")
    assert list(shared), "the restricted paths are not in the shared cache"

    second.ask(f"restrict {solution}")

    assert "Решение общедоступное" not in first.ask("get /bank/feed/rss/")["text"]
    assert first.ask(f"get {solution}")["status"] == 302  # to the login page
