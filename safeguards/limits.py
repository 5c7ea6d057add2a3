"""A small rate limiter any area can call: so many hits of one key per window, counted in the shared cache.

    from safeguards.limits import Limit, limit_exceeded
    RESETS = Limit("password-reset-email", count=3, seconds=3600)
    if limit_exceeded(RESETS, email.lower()):
        ...  # refuse, with a message in Russian

Fixed windows (the count restarts every `seconds`), counted with the cache's atomic increment, so every app
server sees the same count when the cache is shared (REDIS_URL). A key is hashed before it is stored: an
e-mail address or an IP address never sits in the cache as it is.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    seconds: int

    @classmethod
    def parse(cls, scope: str, text: str) -> "Limit":
        """`"60/600"`: 60 hits per 600 seconds (how the settings write a limit)."""
        count, _slash, seconds = text.partition("/")
        return cls(scope, count=int(count), seconds=int(seconds))


def _cache_key(limit: Limit, key: str, window: int) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"limit:{limit.scope}:{digest}:{window}"


def limit_exceeded(limit: Limit, key: str) -> bool:
    """Counts one hit of `key` and says whether it goes over the limit in the current window."""
    window = int(time.time() // limit.seconds)
    cache_key = _cache_key(limit, key, window)
    cache.add(cache_key, 0, timeout=limit.seconds + 1)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # the key expired between add and incr
        cache.set(cache_key, 1, timeout=limit.seconds + 1)
        hits = 1
    return hits > limit.count


def retry_after(limit: Limit) -> int:
    """Seconds until the current window ends."""
    return int(limit.seconds - time.time() % limit.seconds) + 1


ANONYMOUS_POSTS = "anonymous-post"


def anonymous_post_limit() -> Limit:
    """The project-wide limit of anonymous form posts per address and form (`ANONYMOUS_POST_LIMIT`)."""
    return Limit.parse(ANONYMOUS_POSTS, settings.ANONYMOUS_POST_LIMIT)


def anonymous_post_exceeded(address: str, form_path: str) -> bool:
    """Counts one anonymous post of a form (named by the path of its page) from an address; True past the limit.

    The site's pages count through `safeguards.middleware`; an API that takes the same form's answers calls
    this with the page's path, so both channels share one count."""
    return limit_exceeded(anonymous_post_limit(), f"{address} {form_path}")
