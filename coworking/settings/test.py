"""The test suite: fast hashing, local memory cache, an isolated media folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 (the test settings never serve anything)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="coworking-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="coworking-test-private-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Each test process has its own cache, whatever REDIS_URL the shell carries.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "coworking-test"}}
# A test process is the only one: its cache is as shared as Redis is between app servers, so the tests read
# what decides access, and count queries, as production does (residents/request_cache.py).
CACHE_SHARED_BY_ALL_PROCESSES = True
# Whole pages are cached only in the tests of the page cache (tests/coworking/test_page_cache.py): the other
# tests change rows directly and read the page again.
PAGE_CACHE_SECONDS = 0
# AVIF takes about three times WebP's time to encode: the tests render WebP only, but the pictures' own tests
# (tests/pages/test_lighter_pages.py) and the rendition memory test, which turn it on.
IMAGES_AVIF = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": os.environ.get("LOG_LEVEL", "WARNING")}}
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
DEMO_CREDENTIALS_FILE = Path(tempfile.mkdtemp(prefix="coworking-test-demo-")) / "demo-credentials"
# django-axes needs a request in authenticate(); Client.login() has none. Its tests turn it on.
AXES_ENABLED = False
