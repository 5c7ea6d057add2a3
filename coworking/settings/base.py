"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url

from safeguards.policy import POLICY as CONTENT_SECURITY_POLICY  # noqa: F401 (a setting)
from search.conf import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "coworking",  # the whole-page cache's purge (coworking/page_cache.py)
    "api",
    "pages",
    "blocks",
    "people",
    "residents",
    "events",
    "meetings",
    "exhibitions",
    "support",
    "surveys",
    "bank",
    "reviews",
    "projects",
    "search",
    "backups",
    "safeguards",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",  # its Swagger UI and ReDoc from the site's own static files (pinned with django-ninja), no CDN
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coworking.page_cache.PageCacheMiddleware",  # before the rest: a cached page costs one cache read
    "safeguards.csp.ContentSecurityPolicyMiddleware",
    "coworking.middleware.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "api.middleware.APILanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "api.middleware.RefuseNulBytesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "residents.middleware.PrivateResponsesMiddleware",
    "residents.request_cache.RequestCacheMiddleware",
    "axes.middleware.AxesMiddleware",
    "safeguards.middleware.AnonymousPostLimitMiddleware",
]

ROOT_URLCONF = "coworking.urls"
WSGI_APPLICATION = "coworking.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "pages.context_processors.accessibility",
            ],
        },
    },
]

# One setting chooses the database: SQLite by default, PostgreSQL in production and CI.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Short queries: compiling them costs PostgreSQL more than it saves (about 20 ms on a bank search).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for each other instead of failing with "database is locked": the write-ahead log
    # lets readers go on while one writes, every transaction takes the write lock when it begins (a deferred
    # one that upgrades later fails at once, whatever the timeout), and a writer waits up to 20 s for the lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Residents' accounts (residents/): django-axes counts failed logins, on the site, the admin and the API.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "residents:login"
LOGIN_REDIRECT_URL = "residents:my_coworking"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
# Failures count per login and address together (safeguards/lockouts.py): an attacker can lock neither a user
# out of every address nor a school's shared address out for everyone. The wait grows with every failure.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = "safeguards.lockouts.lockout_cooloff"
LOCKOUT_BASE_DELAY = env_int("LOCKOUT_BASE_DELAY", 60)
LOCKOUT_MAX_DELAY = env_int("LOCKOUT_MAX_DELAY", 3600)
AXES_LOCKOUT_CALLABLE = "residents.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# Anonymous form posts per address and form (safeguards/middleware.py, and surveys' API with the page's count),
# and password-reset e-mails per address and per e-mail address: "hits/seconds".
ANONYMOUS_POST_LIMIT = os.environ.get("ANONYMOUS_POST_LIMIT", "60/600")
PASSWORD_RESET_EMAIL_LIMIT = os.environ.get("PASSWORD_RESET_EMAIL_LIMIT", "3/3600")
PASSWORD_RESET_ADDRESS_LIMIT = os.environ.get("PASSWORD_RESET_ADDRESS_LIMIT", "20/3600")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "residents.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
}

# Russian is the default language of the site, the admin and the demo; English is the second.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files of projects (artefacts, journal attachments): outside MEDIA_ROOT, sent only by checked views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

# One process keeps its cache in memory; several app servers share Redis (REDIS_URL), so a change seen by
# one of them is seen by all (residents/request_cache.py: what decides access is read afresh per request
# when the cache is not shared). CACHE_KEY_PREFIX keeps several sites, or test runs, apart in one Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "coworking.cache.ReusedClientRedisCache",  # Django's, one client per pool
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "coworking"}}

# Whole pages for anonymous visitors, kept this many seconds at most and purged when what they show changes
# (coworking/page_cache.py, docs/performance.md); 0 turns it off. Kept only in a cache every process shares.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# An edge cache in front (deploy/varnish/default.vcl): Wagtail sends it PURGE requests for the pages to drop.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL}
    }

WAGTAIL_SITE_NAME = "Цифровое коворкинговое пространство"
# The site's public address. Links built outside a request (e-mails, the API's detail_url, calendar UIDs)
# start with it; page links (html_url, the sitemap, feeds) come from the default Site, which
# `manage.py set_site_address` sets from it.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# Documents are always served through a view that checks access (residents' before_serve_document hook).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "ppt", "pptx", "odp", "xls", "xlsx", "ods", "txt", "zip"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.forms.BoundedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pages.forms.CheckedDocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Pictures are AVIF, then WebP for browsers without it (pages/pictures.py); AVIF only where Pillow writes it.
IMAGES_AVIF = env_bool("IMAGES_AVIF", True)
WAGTAILIMAGES_AVIF_QUALITY = env_int("IMAGES_AVIF_QUALITY", 60)  # about as sharp as WebP's 80, and smaller

# Upload limits. Pixel counts and dimensions are read from the file header before decoding,
# so a small file that would decode to a huge bitmap is refused without using the memory.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
# 13 megapixels take a phone's 12-megapixel photo (4032 x 3024) and keep a worker under 300 MB while it makes
# renditions (Wagtail decodes the bitmap and copies it: about 10 bytes a pixel for RGBA; 40 megapixels took a fresh
# process to 492 MB), tests/pages/test_uploads.py.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("IMAGE_MAX_PIXELS", 13_000_000)
IMAGE_MAX_SIDE = env_int("IMAGE_MAX_SIDE", 8000)
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILAPI_LIMIT_MAX = 100

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "coworking@localhost")

# The demo accounts' passwords, kept between runs of scripts/run.sh (residents/demo_accounts.py); git ignores it.
DEMO_CREDENTIALS_FILE = Path(os.environ.get("DEMO_CREDENTIALS_FILE", BASE_DIR / ".demo-credentials"))

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# «Перевести» makes an English draft: it goes live when its editor publishes it, not with the Russian page's
# status (wagtail-localize's documented setting; pages/wagtail_hooks.py warns about strings left in Russian).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        app: {"level": os.environ.get("LOG_LEVEL", "INFO")} for app in ("pages", "blocks", "coworking", "django")
    },
}
