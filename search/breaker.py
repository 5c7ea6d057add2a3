"""A circuit breaker for the search engine: after a failure, calls fail at once for a while.

An engine that accepts connections and never answers would otherwise make every save and every search wait
for the whole timeout. Once a call fails (refused, timed out, or a server error), the breaker opens: for
`retry_after` seconds every call is refused at once, without touching the network, and callers fall back
(searches to the database backend, index updates to the queue of `PendingIndexEntry`). Then one call is let
through as a trial: if it succeeds the breaker closes and reports the recovery once, so the queue is sent.

The state is per process (each app server learns of an outage by itself, at the cost of one timeout) and per
engine address.
"""

import threading
import time


class EngineUnavailable(ConnectionError):
    """Raised instead of calling an engine that failed recently."""


class CircuitBreaker:
    def __init__(self, *, retry_after: float):
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._opened_at: float | None = None
        self._recovered = False

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._opened_at is not None and time.monotonic() < self._opened_at + self.retry_after

    def allow(self) -> bool:
        """Whether a call may go to the engine now; a trial call after the pause restarts the pause, so
        that concurrent callers keep failing fast while the trial runs."""
        with self._lock:
            if self._opened_at is None:
                return True
            now = time.monotonic()
            if now < self._opened_at + self.retry_after:
                return False
            self._opened_at = now
            return True

    def failed(self) -> None:
        with self._lock:
            self._opened_at = time.monotonic()

    def succeeded(self) -> None:
        with self._lock:
            if self._opened_at is not None:
                self._recovered = True
            self._opened_at = None

    def take_recovery(self) -> bool:
        """True once after the engine came back from an outage (the caller sends what was queued)."""
        with self._lock:
            recovered, self._recovered = self._recovered, False
            return recovered

    def reset(self) -> None:
        with self._lock:
            self._opened_at = None
            self._recovered = False


_breakers: dict[tuple, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(key: tuple, *, retry_after: float) -> CircuitBreaker:
    """The process's breaker for one engine (its addresses); its pause is set when it is first made."""
    with _breakers_lock:
        breaker = _breakers.get(key)
        if breaker is None:
            breaker = _breakers[key] = CircuitBreaker(retry_after=retry_after)
        return breaker


def reset_all() -> None:
    """Closes every breaker (for tests that switch engines)."""
    with _breakers_lock:
        for breaker in _breakers.values():
            breaker.reset()
