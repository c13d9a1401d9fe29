"""Search results kept in the cache for the listing pages and the API (docs/performance.md).

The same request (words, filters, sort, page) on the same day and in the same language gets the same totals,
facets and product ids until the shown version moves on (a product, its stock, price, certificate, an offer...
saved or deleted: storefront/catalogue/caching.py). The products themselves are read fresh, in a fixed number of
queries, so a card never shows a stale price or stock state. A minute at most, because the index may take a
moment to catch up with a save the version already counted.
"""

import copy
import hashlib
from dataclasses import fields

from django.conf import settings
from django.utils.translation import get_language
from oscar.core.loading import get_model

from storefront.catalogue.caching import remember_shown
from storefront.ocop.models import today

from .backends.database import DatabaseBackend
from .interface import run_search

TIMEOUT = 60


def remembered_search(params, per_page=None):
    compared = [(f.name, getattr(params, f.name)) for f in fields(params) if f.compare]
    backend = (settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_ALIAS)  # each backend's answers are its own
    digest = hashlib.sha256(repr((compared, per_page, backend)).encode()).hexdigest()

    def search():
        results = copy.copy(run_search(params, per_page=per_page))
        results.products = [product.pk for product in results.products]
        return results

    results = copy.copy(remember_shown("search", (get_language(), today(), digest), search, timeout=TIMEOUT))
    Product = get_model("catalogue", "Product")
    products = DatabaseBackend().with_listing_relations(Product.objects.filter(pk__in=results.products))
    found = {product.pk: product for product in products}
    results.products = [found[pk] for pk in results.products if pk in found]
    return results
