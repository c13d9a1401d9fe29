"""Search results kept in the cache for the listing pages and the API (docs/performance.md).

The same request (words, filters, sort, page) on the same day and in the same language gets the same totals,
facets and product ids until the shown version moves on (a product, its stock, price, certificate, an offer...
saved or deleted: storefront/catalogue/caching.py). The products themselves are read fresh, in a fixed number of
queries, so a card never shows a stale price or stock state; they are read only when first used, so a page whose
cards and sidebar come whole from the cache (`{% shown_fragment %}`, keyed by `remembered_as`) reads none. A
minute at most, because the index may take a moment to catch up with a save the version already counted.
"""

import copy
import hashlib
from dataclasses import fields, replace

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from oscar.core.loading import get_model

from storefront.catalogue.caching import remember, shown_key
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
        # labels translated now (the key names the language): a lazy string costs a new proxy class to unpickle
        results.facets = [replace(facet, label=str(facet.label),
                                  values=[replace(value, label=str(value.label)) for value in facet.values])
                          for facet in results.facets]
        return results

    # the key is read before any row: a page kept under it was built from rows no older than its version
    key = shown_key("search", get_language(), today(), digest)
    results = copy.copy(remember(key, search, TIMEOUT))
    results.remembered_as = key  # names these results, for the fragments and API answers built from them
    results.product_ids = ids = results.products
    results.products = SimpleLazyObject(lambda: listed_products(ids))
    return results


def listed_products(ids):
    """The products with these ids, in this order, with what their cards show, in a fixed number of queries."""
    Product = get_model("catalogue", "Product")
    products = DatabaseBackend().with_listing_relations(Product.objects.filter(pk__in=ids))
    found = {product.pk: product for product in products}
    return [found[pk] for pk in ids if pk in found]
