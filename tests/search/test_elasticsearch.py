"""Elasticsearch: Russian index settings, and nothing lost when the server is unreachable.

The fallback runs against a real unreachable address (nothing listens on port 9); the tests against a real
server run wherever ELASTICSEARCH_URL is set.
"""

import logging
import os

import pytest
from django.core.management import call_command
from django.test import override_settings

from bank.search.selectors import solutions_search
from search.conf import search_backends
from search.models import PendingIndexEntry
from tests.bank.conftest import make_solution

UNREACHABLE = search_backends({"ELASTICSEARCH_URL": "http://127.0.0.1:9", "ELASTICSEARCH_TIMEOUT": "1"})
SERVER_URL = os.environ.get("ELASTICSEARCH_URL", "")


def test_without_elasticsearch_url_the_database_backend_uses_the_russian_configuration():
    backends = search_backends({})
    assert backends == {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "russian"}}


def test_elasticsearch_settings_analyse_russian_and_keep_a_database_fallback():
    backends = search_backends({"ELASTICSEARCH_URL": "http://search.example:9200"})
    assert backends["default"]["BACKEND"] == "search.backends.elasticsearch"
    assert backends["default"]["URLS"] == ["http://search.example:9200"]
    analysis = backends["default"]["INDEX_SETTINGS"]["settings"]["analysis"]
    assert analysis["char_filter"]["yo_to_ye"]["mappings"] == ["ё => е", "Ё => Е"]
    assert analysis["filter"]["russian_stemmer"]["language"] == "russian"
    assert "russian_stemmer" in analysis["analyzer"]["default"]["filter"]
    assert backends["database"]["BACKEND"] == "wagtail.search.backends.database"


@pytest.mark.django_db
def test_editors_can_publish_while_elasticsearch_is_down_and_the_page_waits_for_indexing(bank, caplog):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE), caplog.at_level(logging.WARNING):
        solution = make_solution(bank, title="Умная теплица", text="датчики влажности")
    solution.refresh_from_db()
    assert solution.live
    assert PendingIndexEntry.objects.filter(model_label="bank.SolutionPage", object_id=str(solution.pk)).exists()
    assert "Elasticsearch is unreachable" in caplog.text


@pytest.mark.django_db
def test_visitors_get_results_from_the_database_when_elasticsearch_is_down(client, bank, caplog):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        make_solution(bank, title="Умная теплица", text="датчики влажности")
        with caplog.at_level(logging.WARNING):
            html = client.get(bank.url, {"q": "теплицами"}).text
            data = client.get("/api/v3/bank/search/", {"q": "датчиков"}).json()
            suggestions = client.get("/api/v3/bank/suggest/", {"q": "тепл"}).json()
    assert "Умная теплица" in html
    assert data["meta"]["total_count"] == 1
    assert [item["title"] for item in suggestions["items"]] == ["Умная теплица"]
    assert "answering from the database backend" in caplog.text


@pytest.mark.django_db
@pytest.mark.skipif(not SERVER_URL, reason="ELASTICSEARCH_URL is not set")
def test_elasticsearch_finds_russian_word_forms(bank):
    backends = search_backends(os.environ)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        make_solution(bank, title="Умная теплица", text="Ёлочные датчики влажности")
        call_command("update_index", stdout=open(os.devnull, "w"))
        for query in ["теплицами", "ЕЛОЧНЫЕ", "датчиков"]:
            found = solutions_search(user=None, params={"q": query}, per_page=5)
            assert [solution.title for solution in found.results] == ["Умная теплица"], query
        assert not PendingIndexEntry.objects.exists()
