"""Elasticsearch 9 with nothing lost and nobody kept waiting when the server is down or hangs.

- Every call has one timeout for connecting and reading (`TIMEOUT`, at most 1 s by default) and goes through
  a circuit breaker (`search.breaker`): after a failure, calls fail at once for `RETRY_AFTER` seconds.
- Indexing an object while Elasticsearch is unreachable records it in `PendingIndexEntry` and logs a warning
  instead of failing the editor's save; the first successful call after the outage (or the next indexing
  call, or `manage.py update_index`) sends what was pending.
- A search that fails is answered by the database backend (`database` in WAGTAILSEARCH_BACKENDS) with the
  same query, filters, ordering and slice: every reader (the bank, the materials library, `?search=` in both
  APIs, the admin's search) goes through these results. `search.engine` falls back in the same way for the
  bank's own statements.
"""

import logging

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend, Elasticsearch9SearchResults
from modelsearch.backends.elasticsearchbase import ElasticsearchAutocompleteQueryCompilerImpl
from wagtail.search.backends import get_search_backend

from search.breaker import EngineUnavailable, breaker_for
from search.services import forget_pending, pending_objects, record_pending

logger = logging.getLogger(__name__)

UNAVAILABLE = (TransportConnectionError, TransportError, ApiError, ConnectionError)
FALLBACK_BACKEND = "database"


def _is_outage(error: Exception) -> bool:
    """Whether an error says the engine is down (as opposed to a bad request about one document)."""
    if isinstance(error, ApiError):
        return error.meta.status >= 500
    return isinstance(error, TransportError | ConnectionError)


class GuardedElasticsearch(Elasticsearch):
    """The Elasticsearch client, with every request passing the engine's circuit breaker."""

    retry_after = 30.0

    def _breaker(self):
        key = tuple(sorted(str(node.base_url) for node in self.transport.node_pool.all()))
        return breaker_for(key, retry_after=self.retry_after)

    def perform_request(self, *args, **kwargs):
        breaker = self._breaker()
        if not breaker.allow():
            raise EngineUnavailable("Elasticsearch failed recently; not called until the pause is over")
        try:
            response = super().perform_request(*args, **kwargs)
        except UNAVAILABLE as error:
            if _is_outage(error):
                breaker.failed()
            else:
                breaker.succeeded()
            raise
        breaker.succeeded()
        return response


class ResilientSearchResults(Elasticsearch9SearchResults):
    """Search results that come from the database backend when Elasticsearch cannot answer."""

    falls_back = True

    def without_fallback(self):
        """These results raising when Elasticsearch cannot answer, for a caller with its own fallback."""
        clone = self._clone()
        clone.falls_back = False
        return clone

    def _clone(self):
        clone = super()._clone()
        clone.falls_back = self.falls_back
        return clone

    def _fallback(self):
        compiler = self.query_compiler
        backend = get_search_backend(FALLBACK_BACKEND)
        search = (
            backend.autocomplete if isinstance(compiler, ElasticsearchAutocompleteQueryCompilerImpl) else backend.search
        )
        results = search(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]

    def _answer(self, ask, fallback, doing: str):
        try:
            answer = ask()
        except UNAVAILABLE as error:
            if not self.falls_back or FALLBACK_BACKEND not in settings.WAGTAILSEARCH_BACKENDS:
                raise
            logger.warning("Search backend unreachable, %s from the database backend: %s", doing, error)
            return fallback(self._fallback())
        self.backend.after_success()
        return answer

    def _do_search(self):
        # Elasticsearch's `_do_search` is a generator: it fails while it is read, so it is read here.
        return self._answer(lambda: list(super(ResilientSearchResults, self)._do_search()), list, "answering")

    def _do_count(self):
        return self._answer(super()._do_count, lambda results: results.count(), "counting")

    def facet(self, field_name):
        return self._answer(
            lambda: super(ResilientSearchResults, self).facet(field_name),
            lambda results: results.facet(field_name),
            "counting facets",
        )


class ResilientElasticsearchBackend(Elasticsearch9SearchBackend):
    client_class = GuardedElasticsearch
    results_class = ResilientSearchResults

    def __init__(self, params):
        params = dict(params)
        retry_after = float(params.pop("RETRY_AFTER", GuardedElasticsearch.retry_after))
        params.pop("BULK_TIMEOUT", None)  # read by search.conf.for_rebuild
        super().__init__(params)
        self.es.retry_after = retry_after

    @property
    def breaker(self):
        return self.es._breaker()

    def after_success(self) -> None:
        """After an outage, the first call that succeeds sends what was queued meanwhile."""
        if self.breaker.take_recovery():
            sent = self.retry_pending()
            logger.info("Elasticsearch is back: %d queued index updates sent", sent)

    def add(self, obj):
        try:
            super().add(obj)
        except UNAVAILABLE as error:
            record_pending([obj])
            logger.warning("Elasticsearch is unreachable, %r will be indexed later: %s", obj, error)
            return
        self.breaker.take_recovery()
        self.retry_pending()

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        try:
            super().add_bulk(model, obj_list)
        except UNAVAILABLE as error:
            record_pending(obj_list)
            logger.warning("Elasticsearch is unreachable, %d objects will be indexed later: %s", len(obj_list), error)
            return
        forget_pending(obj_list)
        self.after_success()

    def delete(self, obj):
        try:
            super().delete(obj)
        except UNAVAILABLE as error:
            record_pending([obj])
            logger.warning("Elasticsearch is unreachable, %r will be removed later: %s", obj, error)

    def retry_pending(self, limit: int = 100) -> int:
        """Sends what was recorded while the server was down; returns how many objects were sent."""
        sent = 0
        for model, found, missing in pending_objects(limit=limit):
            try:
                if found:
                    super().add_bulk(model, found)
                for obj in missing:
                    self._delete_missing(obj)
            except UNAVAILABLE as error:
                logger.warning("Elasticsearch failed again while sending queued updates: %s", error)
                return sent
            forget_pending([*found, *missing])
            sent += len(found) + len(missing)
        return sent

    def _delete_missing(self, obj) -> None:
        try:
            super().delete(obj)
        except ApiError as error:
            if _is_outage(error):
                raise
            logger.info("%r was never in Elasticsearch", obj)


SearchBackend = ResilientElasticsearchBackend
