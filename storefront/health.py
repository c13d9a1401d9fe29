"""Health checks for load balancers and orchestrators.

/healthz: the process answers (no I/O: a slow database must not get a healthy worker restarted).
/readyz: the parts a request needs are reachable: database, cache, search, storage. 503 names the failing part,
so the proxy stops sending traffic here while an operator reads which part to look at. Each check may add
details to its part (search: the cluster's nodes and the circuit breaker's state), failing or not.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)
PROBE_KEY = "readyz-probe"


def check_database(details):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache(details):
    cache.set(PROBE_KEY, "1", timeout=10)
    if cache.get(PROBE_KEY) != "1":
        raise RuntimeError("a value written to the cache could not be read back")
    return "ok"


def check_search(details):
    if not settings.ELASTICSEARCH_URL:
        return "database"  # no cluster configured: the database backend answers searches
    from search import breaker, indexing

    details["breaker"] = breaker.state()  # open: searches are answered by the database for now
    # SEARCH_TIMEOUT per attempt; a node that refuses or hangs is retried on another (SEARCH_MAX_RETRIES)
    health = indexing.client().cluster.health()
    details["nodes"] = health["number_of_nodes"]
    if health["status"] == "red":
        raise RuntimeError("the Elasticsearch cluster is red")
    return f"elasticsearch {health['status']}"


def check_storage(details):
    for alias in ("default", "private"):
        if alias in settings.STORAGES:
            storages[alias].exists(PROBE_KEY)  # a read that touches the backend (disk or bucket)
    return "ok"


CHECKS = {"database": check_database, "cache": check_cache, "search": check_search, "storage": check_storage}


# Outside ATOMIC_REQUESTS: a health check opens no transaction (and /healthz touches no database at all).
@transaction.non_atomic_requests
@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@transaction.non_atomic_requests
@never_cache
@require_GET
def readyz(request):
    parts, failing = {}, []
    for name, check in CHECKS.items():
        started, details = time.monotonic(), {}
        try:
            state = check(details)
        except Exception as error:  # any failure of a part is the answer, not a 500
            logger.warning("readyz: %s failed: %s", name, error)
            state = f"failing: {error.__class__.__name__}"
            failing.append(name)
        parts[name] = {"status": state, **details, "ms": round((time.monotonic() - started) * 1000, 1)}
    body = {"status": "failing" if failing else "ok", "failing": failing, "parts": parts}
    return JsonResponse(body, status=503 if failing else 200)
