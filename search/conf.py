"""Which search backend runs, chosen by the environment; read once by the settings.

- default: Wagtail's database backend (SQLite FTS5, or PostgreSQL full text with the `russian` configuration);
- with ELASTICSEARCH_URL: Elasticsearch 9 with a Russian analyzer as the default backend, and the database
  backend kept up to date beside it, so that visitors still get results when Elasticsearch is unreachable.
"""

# Seconds an Elasticsearch call may take, connecting and reading together (ELASTICSEARCH_TIMEOUT may lower it).
MAX_TIMEOUT = 1.0

DATABASE_BACKEND = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "russian"}

# ё and е are one letter; Russian and English words are stemmed, as search.normalize does on the database backend.
RUSSIAN_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {"yo_to_ye": {"type": "mapping", "mappings": ["ё => е", "Ё => Е"]}},
            "filter": {
                "russian_stop": {"type": "stop", "stopwords": "_russian_"},
                "russian_stemmer": {"type": "stemmer", "language": "russian"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["yo_to_ye"],
                    "filter": ["lowercase", "russian_stop", "russian_stemmer", "english_stemmer"],
                },
            },
        }
    }
}


def search_backends(environ) -> dict:
    """WAGTAILSEARCH_BACKENDS for this environment."""
    url = environ.get("ELASTICSEARCH_URL", "").strip()
    if not url:
        return {"default": DATABASE_BACKEND}
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": environ.get("ELASTICSEARCH_INDEX_PREFIX", "coworking_"),
            # One timeout covers connecting and reading; a hanging engine never holds a save or a search longer.
            "TIMEOUT": min(float(environ.get("ELASTICSEARCH_TIMEOUT", "1")), MAX_TIMEOUT),
            "RETRY_AFTER": float(environ.get("ELASTICSEARCH_RETRY_AFTER", "30")),
            # `manage.py update_index` sends whole batches: it waits longer (see `for_rebuild`).
            "BULK_TIMEOUT": float(environ.get("ELASTICSEARCH_BULK_TIMEOUT", "60")),
            "INDEX_SETTINGS": RUSSIAN_INDEX_SETTINGS,
            "OPTIONS": {"max_retries": 0},
        },
        "database": DATABASE_BACKEND,
    }


def for_rebuild(backends: dict) -> dict:
    """WAGTAILSEARCH_BACKENDS for `manage.py update_index`: Elasticsearch with its bulk timeout, since an operator
    waits for a rebuild's batches, while an editor's save never waits longer than TIMEOUT."""
    return {
        name: {**config, "TIMEOUT": config["BULK_TIMEOUT"]} if "BULK_TIMEOUT" in config else config
        for name, config in backends.items()
    }
