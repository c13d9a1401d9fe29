"""The record of searches made, for staff reports (search.models.SearchRecord): one INSERT per search with
words, nothing personal. A failure to record is logged and never fails the search. The results buyers then open
are reported by a beacon (`record_click`, search.models.SearchClick)."""

import logging
from datetime import timedelta

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from storefront.ocop.text import fold
from storefront.params import MAX_ID, BadParameter, single, whole_number

from .models import SearchClick, SearchRecord

logger = logging.getLogger(__name__)

FILTERS = ("group", "province", "stars", "price", "producer_type")


def folded(query):
    """The key queries are grouped by: lower case, no diacritics, single spaces ("Mật  ong" -> "mat ong")."""
    return " ".join(fold(query).split())[:200]


def record(params, results, source):
    """Note the search; returns its record (None when not recorded: no words, a later page, or an error)."""
    if not params.q or params.page != 1:
        return None
    try:
        with transaction.atomic():  # a savepoint: a failed INSERT leaves the request's transaction usable
            return SearchRecord.objects.create(
                query=params.q[:200],
                folded=folded(params.q),
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


#: How long after a search a result it showed may be reported opened (a buyer back at the tab after lunch).
CLICK_WINDOW = timedelta(hours=2)
#: The last position a click may report: a page shows fewer results than this.
MAX_POSITION = 100
#: Clicks one search may report: more than any buyer makes, so a script replaying a beacon cannot skew the rates.
MAX_CLICKS_PER_SEARCH = 30


class TooManyClicks(Exception):
    """The search already reported MAX_CLICKS_PER_SEARCH clicks."""


def record_click(data):
    """Note that a result of a recent search was opened. `data` is the beacon's form (`search`, `product`,
    `position`); a malformed or unknown value is a BadParameter, a search past its cap is TooManyClicks."""
    search_id = whole_number(single(data, "search"), "search", minimum=1, maximum=MAX_ID)
    product_id = whole_number(single(data, "product"), "product", minimum=1, maximum=MAX_ID)
    position = whole_number(single(data, "position"), "position", minimum=1, maximum=MAX_POSITION)
    now = timezone.now()
    record = SearchRecord.objects.filter(pk=search_id, searched_at__gte=now - CLICK_WINDOW).first()
    if record is None:
        raise BadParameter(_("search %(id)s is unknown or older than %(hours)s hours.")
                           % {"id": search_id, "hours": int(CLICK_WINDOW.total_seconds() // 3600)})
    if SearchClick.objects.filter(record=record).count() >= MAX_CLICKS_PER_SEARCH:
        raise TooManyClicks
    return SearchClick.objects.create(record=record, product_id=product_id, position=position, clicked_at=now)
