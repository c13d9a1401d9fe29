"""A circuit breaker in front of the Elasticsearch cluster, shared by every worker through the cache.

Closed: searches go to the cluster; each failed one (refused, timed out, 5xx, after the client's own retries on
other nodes) is counted. SEARCH_BREAKER_FAILURES failures within SEARCH_BREAKER_WINDOW seconds open it, and a
success in between starts the count again. Open: for SEARCH_BREAKER_COOLDOWN seconds searches go straight to the
database, without waiting on a cluster that hangs. Half-open: then one search, whichever worker gets the trial
first, asks the cluster again while the others keep using the database: its success closes the breaker, its
failure opens it for another cool-down.

The state lives in the default cache (Redis in production) under keys named after the cluster's URL, so all app
servers and workers agree and a cluster that fails for one is skipped by all. If the cache itself cannot be
reached, each process keeps the same state in its own memory until it can: the breaker still works, per process.
A small module rather than pybreaker: that library keeps its state in its own Redis client, without the failure
window, and assumes "closed" when Redis is down, which is when a per-process breaker is needed most.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"

_process_cache = LocMemCache("search-breaker", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 100}})


class Ticket:
    """Permission for one search to ask the cluster; `trial` when it is the half-open breaker's one trial."""

    def __init__(self, trial=False, failures=0):
        self.trial = trial
        self.failures = failures


def _keys():
    cluster = hashlib.sha1(settings.ELASTICSEARCH_URL.encode()).hexdigest()[:12]
    prefix = f"search:breaker:{cluster}"
    return {"open": f"{prefix}:open", "tripped": f"{prefix}:tripped", "trial": f"{prefix}:trial",
            "failures": f"{prefix}:failures"}


def _trial_seconds():
    """How long one trial may take before another worker may try: every attempt the client makes, and a second."""
    return int(settings.SEARCH_TIMEOUT * (settings.SEARCH_MAX_RETRIES + 1)) + 1


def _on_a_cache(operation):
    """Run `operation(cache)` on the shared cache, or on this process's own when the shared one fails."""
    try:
        return operation(cache)
    except Exception as error:  # noqa: BLE001  any cache failure: the breaker must never fail a search itself
        logger.warning("Search breaker: the cache is unreachable (%s); this process keeps its own state.", error)
        return operation(_process_cache)


def allow():
    """A Ticket when this search may ask the cluster, None when it must go to the database."""
    keys = _keys()

    def decide(store):
        state = store.get_many([keys["open"], keys["tripped"], keys["failures"]])
        if keys["open"] in state:
            return None
        if keys["tripped"] in state:  # cool-down over: one trial, for whoever adds the key first
            return Ticket(trial=True) if store.add(keys["trial"], 1, timeout=_trial_seconds()) else None
        return Ticket(failures=state.get(keys["failures"], 0))

    return _on_a_cache(decide)


def succeeded(ticket):
    """The cluster answered: a trial closes the breaker, and the count of failures starts again."""
    if not (ticket.trial or ticket.failures):
        return  # the usual case costs no write
    keys = _keys()
    _on_a_cache(lambda store: store.delete_many(list(keys.values())))
    if ticket.trial:
        logger.warning("Search breaker closed: the cluster answered the trial search.")


def failed(ticket):
    """The cluster failed this search: count it, and open the breaker when it is the last straw or the trial."""
    keys = _keys()
    window = settings.SEARCH_BREAKER_WINDOW

    def count(store):
        if ticket.trial:
            return settings.SEARCH_BREAKER_FAILURES
        if store.add(keys["failures"], 1, timeout=window):
            return 1
        try:
            return store.incr(keys["failures"])
        except ValueError:  # expired between add and incr
            store.add(keys["failures"], 1, timeout=window)
            return 1

    def trip(store):
        cooldown = settings.SEARCH_BREAKER_COOLDOWN
        store.set(keys["open"], 1, timeout=cooldown)
        store.set(keys["tripped"], 1, timeout=None)  # until a trial succeeds, however long that takes
        store.delete_many([keys["trial"], keys["failures"]])

    if _on_a_cache(count) >= settings.SEARCH_BREAKER_FAILURES:
        _on_a_cache(trip)
        logger.warning("Search breaker open: searches use the database for %s s.", settings.SEARCH_BREAKER_COOLDOWN)


def state():
    """closed, open or half-open, as the workers see it (for /readyz)."""
    keys = _keys()

    def read(store):
        found = store.get_many([keys["open"], keys["tripped"]])
        return OPEN if keys["open"] in found else HALF_OPEN if keys["tripped"] in found else CLOSED

    return _on_a_cache(read)


def reset():
    """Forget everything about the current cluster (tests, or an operator who knows it is back)."""
    keys = _keys()
    _on_a_cache(lambda store: store.delete_many(list(keys.values())))
    _process_cache.delete_many(list(keys.values()))
