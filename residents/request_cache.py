"""Values that decide access, remembered for one request and shared between processes only through a cache
that every process reads.

A view restriction set in one app server must hold in every other one on its next request. The default
cache is shared when it is Redis (`REDIS_URL`); a local-memory cache belongs to one process, so with it
such values are read afresh for each request instead. Within a request they are computed once, however
many lists of the page ask for them.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

T = TypeVar("T")

_current: ContextVar[dict | None] = ContextVar("residents_request_cache", default=None)


def cache_is_shared() -> bool:
    """Whether every process reads the same default cache (not a local-memory or dummy one), unless the
    settings say (CACHE_SHARED_BY_ALL_PROCESSES: the test suite, one process)."""
    declared = getattr(settings, "CACHE_SHARED_BY_ALL_PROCESSES", None)
    if declared is not None:
        return declared
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def remember(key: str, compute: Callable[[], T]) -> T:
    """`compute()`, once per request (every call outside a request computes afresh)."""
    memo = _current.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remembered(key: str, default: T) -> T:
    """What this request remembers under `key`, or `default` (nothing is remembered outside a request)."""
    memo = _current.get()
    return default if memo is None else memo.get(key, default)


def keep(key: str, value) -> None:
    """Remembers `value` under `key` for the rest of the request (nothing outside a request)."""
    memo = _current.get()
    if memo is not None:
        memo[key] = value


def shared(key: str, compute: Callable[[], T], timeout: int) -> T:
    """`compute()` from the shared cache, once per request; read afresh per request where no cache is shared."""

    def from_cache() -> T:
        if not cache_is_shared():
            return compute()
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, timeout)
        return value

    return remember(key, from_cache)


def forget(key: str) -> None:
    """Drops a shared value now and again once the transaction commits: a process that read the old rows
    between the two would otherwise keep them in the shared cache until the timeout."""
    cache.delete(key)
    memo = _current.get()
    if memo is not None:
        memo.pop(key, None)
    transaction.on_commit(lambda: cache.delete(key))


class RequestCacheMiddleware:
    """Gives each request its own memo of `remember` and `shared`, dropped when the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set({"residents:request": request})  # residents.selectors.REQUEST_KEY
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
