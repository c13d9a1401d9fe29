"""After a bulk load (load_demo, the synthetic catalogue): fresh planner statistics and no stale cached pages.

Bulk inserts skip model signals, so the pages' cache is not told; and PostgreSQL's autovacuum analyses new
tables only after a while, so until then the planner guesses row counts (the home page's province counts took
half a second on such a guess, with JIT compiling a plan for millions of rows that were not there)."""

from django.db import connection

from storefront.catalogue.caching import forget_shown


def after_bulk_load():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    forget_shown()
