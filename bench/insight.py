"""Insight benchmark: p50/p95 of the staff insight page (/dashboard/insight/, signed in as staff, Django test
client through the view and its templates) and of each aggregation function behind it, for the default period and
a filtered one, on a database with 50,000 products and 100,000 orders. See bench/README.md.

    DATABASE_URL=postgres://.../ocop_bench .venv/bin/python bench/insight.py [--build] [--runs 20] [--explain]

--build first loads what is missing (`load_demo --products 50000 --no-images --orders 100000`: both top up, so a
database already built is reused), then ANALYZE. --explain prints EXPLAIN ANALYZE of the slowest function's
queries.
"""

import argparse
import inspect
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from storefront.insight import certification, fairs, sales, searches, snapshots  # noqa: E402
from storefront.insight.period import InsightFilters, Period  # noqa: E402

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
MODULES = (sales, certification, fairs, searches)
PAGE = "/dashboard/insight/"
# the filtered case: the two big cities' producers, food (sector 1), four and five stars
FILTERED = {"province": ["01", "79"], "sector": ["1"], "stars": ["4", "5"]}


def figure_functions():
    """Every aggregation function of the staff page: `(period, filters, *, today) -> Table`."""
    found = []
    for module in MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.endswith("_tables") or name.startswith("_"):
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters[:2] == ["period", "filters"] and "today" in parameters:
                found.append((f"{module.__name__.rsplit('.', 1)[1]}.{name}", function))
    return found


def percentiles(times):
    times = sorted(times)
    return statistics.median(times), times[max(0, round(len(times) * 0.95) - 1)], times[-1]


def timed(call, runs):
    call()  # warm: the first call loads the taxonomy and reference caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return percentiles(times)


def build():
    call_command("load_demo", "--products", "50000", "--no-images", "--orders", "100000")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def staff_client():
    user, _ = get_user_model().objects.get_or_create(
        email="bench-staff@ocop.example.vn", defaults={"username": "bench-staff", "is_staff": True})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def explain(function, period, filters, today):
    with CaptureQueriesContext(connection) as captured:
        function(period, filters, today=today)
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            print(f"\n-- {query['time']} s\n{sql[:600]}")
            print("\n".join(row[0] for row in cursor.fetchall()))


def click_cost(runs):
    """The search page with its click marks, and the click beacon's endpoint, end to end (ms)."""
    from search.models import SearchRecord

    client = Client(HTTP_HOST="127.0.0.1")
    page = timed(lambda: client.get("/search/", {"q": "mat ong"}), runs)
    record = SearchRecord.objects.order_by("-pk").first()
    position = iter(range(10**9))

    def beacon():
        # a fresh record every 25 clicks: one record takes at most MAX_CLICKS_PER_SEARCH
        nonlocal record
        number = next(position)
        if number % 25 == 24:
            client.get("/search/", {"q": "mat ong"})
            record = SearchRecord.objects.order_by("-pk").first()
        response = client.post("/api/search/click/", {"search": record.pk, "product": 1, "position": 1 + number % 20})
        assert response.status_code == 204, response.content

    click = timed(beacon, runs)
    health = timed(lambda: client.get("/healthz"), runs)  # the middleware stack alone, for comparison
    print(f"\n{'search clicks (ms)':<44}{'':<10}{'p50':>8}{'p95':>8}{'max':>8}")
    print(f"{'/search/?q=mat+ong (records, marks)':<44}{'':<10}{page[0]:8.1f}{page[1]:8.1f}{page[2]:8.1f}")
    print(f"{'POST /api/search/click/':<44}{'':<10}{click[0]:8.1f}{click[1]:8.1f}{click[2]:8.1f}")
    print(f"{'GET /healthz (baseline)':<44}{'':<10}{health[0]:8.1f}{health[1]:8.1f}{health[2]:8.1f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--only", default="", help="measure only functions whose name contains this")
    parser.add_argument("--page", action="store_true", help="measure only the page")
    parser.add_argument("--clicks", action="store_true", help="measure only the search page and the click beacon")
    args = parser.parse_args()
    if args.build:
        started = time.perf_counter()
        build()
        print(f"build: {time.perf_counter() - started:.0f} s")
    today = timezone.localdate()
    print(f"database: {Product.objects.count()} products, {Order.objects.count()} orders; today {today}; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.clicks:
        click_cost(args.runs)
        return
    cases = {
        "default": (Period.default(today), InsightFilters(), {}),
        "filtered": (Period.default(today), InsightFilters(provinces=("01", "79"), sectors=("1",), stars=(4, 5)),
                     FILTERED),
    }
    slowest = []
    print(f"\n{'aggregation function (ms)':<44}{'case':<10}{'p50':>8}{'p95':>8}{'max':>8}{'queries':>9}")
    for name, function in figure_functions():
        if args.page or args.only and args.only not in name:
            continue
        for case, (period, filters, _) in cases.items():
            with CaptureQueriesContext(connection) as captured:
                function(period, filters, today=today)
            p50, p95, top = timed(lambda: function(period, filters, today=today), args.runs)
            slowest.append((p95, name, case, function, period, filters))
            print(f"{name:<44}{case:<10}{p50:8.1f}{p95:8.1f}{top:8.1f}{len(captured):9d}")
    if not args.only:
        client = staff_client()
        print(f"\n{'page (ms)':<44}{'case':<10}{'p50':>8}{'p95':>8}{'max':>8}{'queries':>9}")
        for case, (__, ___, params) in cases.items():
            statements = []
            # counted by a wrapper: the test client closes the connection at the end of the request
            with connection.execute_wrapper(lambda execute, sql, *rest: statements.append(sql) or execute(sql, *rest)):
                response = client.get(PAGE, params)
            assert response.status_code == 200, response.content[:300]
            # computing the snapshot (each request forgets the last), then reading the kept one
            # (storefront/insight/snapshots.py): what staff wait for without and with the scheduler's warm-up
            p50, p95, top = timed(lambda: (snapshots.forget(), client.get(PAGE, params)), args.runs)
            print(f"{PAGE + ' computed':<44}{case:<10}{p50:8.1f}{p95:8.1f}{top:8.1f}{len(statements):9d}")
            p50, p95, top = timed(lambda: client.get(PAGE, params), args.runs)
            print(f"{PAGE + ' kept':<44}{case:<10}{p50:8.1f}{p95:8.1f}{top:8.1f}{'':>9}")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.explain:
        for p95, name, case, function, period, filters in sorted(slowest, key=lambda row: -row[0])[:3]:
            print(f"\n=== {name} ({case}): p95 {p95:.1f} ms")
            explain(function, period, filters, today)


if __name__ == "__main__":
    main()
