"""The production settings with Django's dummy cache: the load benchmark's "cache off" (bench/load_bench.py)."""

from coworking.settings.production import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
