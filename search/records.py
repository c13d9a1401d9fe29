"""The record of searches made, for staff reports (search.models.SearchRecord): one INSERT per search with
words, nothing personal. A failure to record is logged and never fails the search."""

import logging

from django.db import DatabaseError, transaction
from django.utils import timezone

from storefront.ocop.text import fold

from .models import SearchRecord

logger = logging.getLogger(__name__)

FILTERS = ("group", "province", "stars", "price", "producer_type")


def record(params, results, source):
    """Note the search; returns its record (None when not recorded: no words, a later page, or an error)."""
    if not params.q or params.page != 1:
        return None
    try:
        with transaction.atomic():  # a savepoint: a failed INSERT leaves the request's transaction usable
            return SearchRecord.objects.create(
                query=params.q[:200],
                folded=" ".join(fold(params.q).split())[:200],
                results=results.total,
                corrected_to=(getattr(results, "corrected_query", "") or "")[:200],
                filters=[name for name in FILTERS if getattr(params, name)],
                backend=results.backend,
                source=source,
                searched_at=timezone.now(),
            )
    except DatabaseError:
        logger.warning("Could not record the search %r", params.q, exc_info=True)
        return None
