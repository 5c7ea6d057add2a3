"""Settings: production refuses to start without secrets and passes Django's deployment checks; the
environment chooses the cache.

The test against a real Redis server runs wherever REDIS_URL is set.
"""

import os
import runpy
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.cache.backends.redis import RedisCache

PROJECT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")


def base_settings(monkeypatch, **env: str | None) -> dict:
    """The base settings as a fresh process with this environment would read them."""
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    return runpy.run_path(str(PROJECT / "coworking" / "settings" / "base.py"))


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "PUBLIC_BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update(DJANGO_SETTINGS_MODULE="coworking.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow_subprocess
def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="cowork.example.org", PUBLIC_BASE_URL="https://cowork.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.slow_subprocess
@pytest.mark.parametrize("address", ["", "cowork.example.org", "https://cowork.example.org/portal"])
def test_production_refuses_to_start_without_the_public_address(address):
    result = manage("check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="cowork.example.org", PUBLIC_BASE_URL=address)
    assert result.returncode != 0
    assert "PUBLIC_BASE_URL" in result.stderr


def test_the_public_address_gives_every_link_built_outside_a_request(monkeypatch):
    read = base_settings(monkeypatch, PUBLIC_BASE_URL="https://cowork.example.org/")
    assert read["PUBLIC_BASE_URL"] == "https://cowork.example.org"
    assert read["WAGTAILADMIN_BASE_URL"] == read["WAGTAILAPI_BASE_URL"] == "https://cowork.example.org"


@pytest.mark.slow_subprocess
def test_production_passes_the_deploy_check_once_configured():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x7!Vq-" + "k" * 60 + "-a9#Lm2pR4sT6uW8yZ0bD",
        ALLOWED_HOSTS="cowork.example.org",
        PUBLIC_BASE_URL="https://cowork.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_redis_url_gives_every_app_server_the_same_redis_cache(monkeypatch):
    caches = base_settings(monkeypatch, REDIS_URL="redis://cache.example:6379/1")["CACHES"]
    assert caches["default"] == {
        "BACKEND": "coworking.cache.ReusedClientRedisCache",
        "LOCATION": "redis://cache.example:6379/1",
        "KEY_PREFIX": "",
    }


def test_without_redis_url_each_process_caches_in_its_own_memory(monkeypatch):
    caches = base_settings(monkeypatch, REDIS_URL=None)["CACHES"]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: no Redis server to talk to")
def test_the_redis_cache_keeps_a_value_for_the_next_request():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    cache.set("greeting", "привет", timeout=30)
    assert cache.get("greeting") == "привет"
    cache.delete("greeting")
