"""Index work off the request (docs/tasks.md). Both tasks write the database's current state, so running one
twice, or late, is harmless."""

import logging

from django_tasks import task

from . import indexing

logger = logging.getLogger(__name__)


@task()
def index_products(product_ids):
    """Write these products' current state (or their absence) to the index. On failure the products are noted
    for `search_index --sync` and the task fails, so the worker retries it."""
    if not indexing.enabled():
        return 0
    try:
        indexing.index_products(product_ids)
    except Exception:
        logger.warning("Search index update failed for products %s; noted for the next sync.", sorted(product_ids))
        try:
            indexing.note_stale(product_ids)
        except Exception:  # noqa: BLE001  the retry and the sync still catch up
            logger.exception("Could not record products %s as stale", sorted(product_ids))
        raise
    return len(product_ids)


@task()
def sync_index():
    """`search_index --sync` as a periodic task (the scheduler enqueues it every few minutes)."""
    if not indexing.enabled():
        return 0
    return indexing.sync()
