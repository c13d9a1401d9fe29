"""The staff page's figures, computed together and kept for a while: a snapshot.

At 100,000 orders the sales figures read most of the period's order lines (about two seconds of database work for
the page on this machine, bench/README.md), too slow to repeat for each view and needless: programme figures do
not have to be fresher than a few minutes. So a snapshot is kept for INSIGHT_REFRESH_MINUTES × 2 and the page
says when it was computed; the scheduler recomputes the default view (the last 12 months, no filters, in each
language) every INSIGHT_REFRESH_MINUTES, so staff opening the page never wait for it. Another period or filter
is computed on its first view and kept the same way. Exports read the same snapshot as the page they come from.
`forget()` drops every snapshot (load_demo calls it after a bulk load of orders or searches).
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from storefront.catalogue.caching import next_version, version

from . import certification, fairs, sales, searches
from .period import InsightFilters, Period

SECTIONS = (
    ("sales", gettext_lazy("Sales"), sales.sales_tables),
    ("certification", gettext_lazy("Certification"), certification.certification_tables),
    ("fairs", gettext_lazy("Fairs"), fairs.fair_tables),
    ("search", gettext_lazy("What buyers search for"), searches.search_tables),
)
GENERATION_KEY = "ocop:insight:generation"


@dataclass(frozen=True)
class Snapshot:
    sections: tuple  # (slug, title, tables), long tables last in each section
    computed_at: datetime


def keep_seconds():
    return settings.INSIGHT_REFRESH_MINUTES * 60 * 2


def forget():
    """Make every kept snapshot unreachable (they age out)."""
    next_version(GENERATION_KEY)


def key(period, filters, today):
    view = repr((period, filters, today, translation.get_language()))
    return f"ocop:insight:staff:{version(GENERATION_KEY)}:{hashlib.sha256(view.encode()).hexdigest()[:32]}"


def compute(period, filters, today):
    sections = tuple(
        (slug, str(title), tuple(sorted(figures(period, filters, today=today), key=lambda table: table.is_long)))
        for slug, title, figures in SECTIONS)
    return Snapshot(sections, timezone.now())


def staff_snapshot(period, filters, today, *, refresh=False):
    """The figures of the staff page for this view: kept ones while fresh, else computed now and kept."""
    cache_key = key(period, filters, today)
    snapshot = None if refresh else cache.get(cache_key)
    if snapshot is None:
        snapshot = compute(period, filters, today)
        if keep_seconds():
            cache.set(cache_key, snapshot, keep_seconds())
    return snapshot


def warm_default_views():
    """Compute the default view in every language ahead of staff (the scheduler's job, insight.tasks)."""
    today = timezone.localdate()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            staff_snapshot(Period.default(today), InsightFilters(), today, refresh=True)
