"""A small limiter of anonymous answers per address, kept in the shared cache (every app server sees it).

Only anonymous answers count: residents sign in, and a class answering from the school's one address must
not lock itself out. The limit is read from settings when it is checked (`SURVEYS_ANONYMOUS_LIMIT` answers
per `SURVEYS_ANONYMOUS_WINDOW` seconds, from the environment).
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(address: str) -> str:
    return f"surveys:anonymous:{address}"


def address_limited(address: str) -> bool:
    """True once this address has sent the allowed number of anonymous answers in the window."""
    return cache.get(_key(address), 0) >= settings.SURVEYS_ANONYMOUS_LIMIT


def address_count(address: str) -> None:
    """Counts one anonymous answer of this address; the window starts with its first answer."""
    key = _key(address)
    if not cache.add(key, 1, timeout=settings.SURVEYS_ANONYMOUS_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # the window ended between add and incr: start a new one
            cache.add(key, 1, timeout=settings.SURVEYS_ANONYMOUS_WINDOW)
