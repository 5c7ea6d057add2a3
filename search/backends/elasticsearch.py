"""Elasticsearch 9 with nothing lost when the server is down.

Indexing a page while Elasticsearch is unreachable records the page in `PendingIndexEntry` and logs a warning
instead of failing the editor's save; the next successful indexing call (or `manage.py update_index`) sends
what was pending. Queries that fail fall back to the database backend in `search.engine`.
"""

import logging

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.services import forget_pending, pending_objects, record_pending

logger = logging.getLogger(__name__)

UNAVAILABLE = (TransportConnectionError, TransportError, ApiError, ConnectionError)


class ResilientElasticsearchBackend(Elasticsearch9SearchBackend):
    def add(self, obj):
        try:
            super().add(obj)
        except UNAVAILABLE as error:
            record_pending([obj])
            logger.warning("Elasticsearch is unreachable, %r will be indexed later: %s", obj, error)
            return
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
            if found:
                super().add_bulk(model, found)
            for obj in missing:
                try:
                    super().delete(obj)
                except ApiError:
                    logger.info("%r was never in Elasticsearch", obj)
            forget_pending([*found, *missing])
            sent += len(found) + len(missing)
        return sent


SearchBackend = ResilientElasticsearchBackend
