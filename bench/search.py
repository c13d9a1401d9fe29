"""Search benchmark: full reindex and sync times, p50/p95 of /api/search/ (Elasticsearch vs the database fallback)
over a mixed query set, the SQL query count of a listing page, and both backends' totals for a few requests. See
bench/README.md.

    DATABASE_URL=postgres://... ELASTICSEARCH_URL=http://127.0.0.1:9250 \\
        .venv/bin/python bench/search.py [--queries 200] [--no-rebuild]
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from search import indexing  # noqa: E402
from search.params import PRICE_BANDS, PRODUCER_TYPES, SORTS  # noqa: E402
from storefront.ocop.models import Province  # noqa: E402
from storefront.ocop.taxonomy import current_taxonomy  # noqa: E402

TEXTS = ["", "", "nuoc mam", "tra hoa vang", "che thai nguyen", "mat ong", "gao st25", "ca phe", "keo dua",
         "ruou nep", "banh pia", "tinh dau", "gom", "nuoc mam phu quoc", "tra shan tuyet", "hat dieu", "mut gung"]


def query_set(count, seed=7):
    rng = random.Random(seed)
    groups = sorted(current_taxonomy().group_codes())
    provinces = list(Province.objects.values_list("code", flat=True))
    facets = {
        "group": lambda: rng.choice(groups),
        "province": lambda: ",".join(rng.sample(provinces, rng.randint(1, 2))),
        "stars": lambda: ",".join(sorted(rng.sample(["3", "4", "5"], rng.randint(1, 2)))),
        "price": lambda: rng.choice(PRICE_BANDS),
        "producer_type": lambda: rng.choice(PRODUCER_TYPES),
    }
    queries = []
    for _ in range(count):
        params = {"q": rng.choice(TEXTS), "sort": rng.choice(SORTS)}
        for name in rng.sample(list(facets), rng.randint(0, 3)):
            params[name] = facets[name]()
        queries.append({k: v for k, v in params.items() if v})
    return queries


def timed_run(client, queries, expected_backend):
    times = []
    for params in queries:
        started = time.perf_counter()
        response = client.get("/api/search/", params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (params, response.content[:300])
        assert response.json()["backend"] == expected_backend, "the wrong backend answered"
    times.sort()
    return {"p50": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1], "max": times[-1]}


def listing_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-rebuild", action="store_true")
    args = parser.parse_args()
    if not settings.ELASTICSEARCH_URL:
        sys.exit("Set ELASTICSEARCH_URL (make search-node) and DATABASE_URL (PostgreSQL with load_demo --products 50000).")
    from oscar.core.loading import get_model

    products = get_model("catalogue", "Product").objects.count()
    print(f"database: {connection.vendor}, products: {products}")
    if not args.no_rebuild:
        started, cpu = time.perf_counter(), time.process_time()
        name, count = indexing.rebuild(progress=True)
        print(f"full reindex: {count} products in {time.perf_counter() - started:.1f} s "
              f"(this process's CPU: {time.process_time() - cpu:.1f} s; load average {os.getloadavg()[0]:.1f})")
    sync_timings()
    queries = query_set(args.queries)
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/api/search/", {"q": "warm up"})
    timed_run(client, queries[:20], "elasticsearch")  # warm caches
    es = timed_run(client, queries, "elasticsearch")
    page = "/search/?q=nuoc+mam&stars=4,5&sort=price_asc"
    es_listing = listing_queries(client, page)
    with override_settings(ELASTICSEARCH_URL=""):
        timed_run(client, queries[:5], "database")
        database = timed_run(client, queries, "database")
        db_listing = listing_queries(client, page)
    print(f"{len(queries)} mixed queries (text + 0-3 facets, sorted) through /api/search/, end to end (ms):")
    for label, numbers in (("elasticsearch", es), ("database", database)):
        print(f"  {label:14} p50 {numbers['p50']:7.1f}  p95 {numbers['p95']:7.1f}  max {numbers['max']:7.1f}")
    print(f"  p95 speed-up: {database['p95'] / es['p95']:.1f}x")
    print(f"SQL queries for the listing page {page}: elasticsearch {es_listing}, database {db_listing}")
    agreement()


def sync_timings():
    """`search_index --sync` with nothing changed, then after 500 products changed: it costs what changed."""
    from django.utils import timezone
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    indexing.sync()  # from here on, only what changes counts
    started = time.perf_counter()
    count = indexing.sync()
    print(f"sync, nothing changed: {count} products in {time.perf_counter() - started:.2f} s")
    ids = list(Product.objects.order_by("?").values_list("pk", flat=True)[:500])
    Product.objects.filter(pk__in=ids).update(date_updated=timezone.now())
    started = time.perf_counter()
    count = indexing.sync()
    print(f"sync, 500 products changed: {count} products in {time.perf_counter() - started:.2f} s")


def agreement():
    """Totals of both backends for a few requests (the suite checks every facet count on a smaller catalogue)."""
    from django.http import QueryDict

    from search.interface import parse_params, run_search

    print("totals, elasticsearch vs database:")
    for qs in ("q=tra", "q=tr%C3%A0", "q=nuoc+mam", "q=nuoc+mamm", "q=phu+quok", "q=mat+ong+hoa+nhan",
               "q=tra&stars=4,5&price=100000-300000", "province=91,48&stars=5"):
        params = parse_params(QueryDict(qs))
        es = run_search(params, per_page=24)
        with override_settings(ELASTICSEARCH_URL=""):
            database = run_search(params, per_page=24)
        assert es.backend == "elasticsearch" and database.backend == "database"
        same = "same" if (es.total, facet_counts(es)) == (database.total, facet_counts(database)) else "DIFFER"
        print(f"  {qs:40} {es.total:6} {database.total:6}  facets: {same}")


def facet_counts(results):
    return {facet.name: {value.key: value.count for value in facet.values} for facet in results.facets}


if __name__ == "__main__":
    main()
