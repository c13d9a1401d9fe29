"""What the public pages keep in the cache, and when they forget it (docs/performance.md).

Three kinds of entries, all in the default cache (per process in development and tests, Redis in production):

* Entries that depend on many rows (the home page's blocks and province counts, the running offers, the search
  API's answers) carry the *shown version* in their key: one counter, bumped whenever a row the public pages show
  is saved or deleted (products, their images, categories and stock, producers, certificates, provinces, the
  taxonomy, offers and their ranges, CMS pages, producers' delivery tariffs). A bump makes every such key new at
  once; the old entries age out. The counter starts from the clock, so a cache that lost it never meets the keys
  of an earlier counter.
* Product cards are keyed by what they show (price now and before offers, stock state, certificate and stars,
  title, producer, origin, image, language, the day for the badge), read from rows the listing loads anyway: a
  change to any of them is a new key without any signal.
* A listing's whole card grid and facet sidebar, the home page's 5-star cards and the search API's answer are
  kept under the shown version (a remembered search's key names it) with the language, the day, the offers
  running for the visitor (`visitor_key`) and, for cards, their stock records' prices and stock read in one
  query (`prices_and_stock`), for a minute like the search results: a page whose fragments are kept reads no
  product row.

Cached HTML never holds a CSRF token: the card is rendered with a placeholder that each request swaps for its own.
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "ocop:shown-version"
#: A backstop only: entries keyed by the shown version are forgotten on change, not by this timer.
SHOWN_TIMEOUT = 60 * 60
#: Cards are keyed by their content and the day; a day is the longest they may live.
CARD_TIMEOUT = 60 * 60 * 24
#: Whole card grids, facet sidebars and API answers, built from remembered search results: no longer than those.
FRAGMENT_TIMEOUT = 60
#: Stands for the request's CSRF token in cached HTML (an add-to-basket form); never a valid token.
CSRF_PLACEHOLDER = "ocop-csrf-token-placeholder"

# The apps whose rows the public pages show: products, their classes, categories, images (catalogue), stock and
# producers (partner), certificates, provinces and the taxonomy (ocop), offers and ranges (offer), the home page's
# choices and the CMS pages (cms; any Wagtail page is matched by class).
WATCHED_APPS = {"catalogue", "partner", "ocop", "offer", "cms"}
# Single models of other apps whose rows they show: the delivery terms on a product page.
WATCHED_MODELS = {"shipping.producertariff"}


def version(key):
    """A version counter kept in the cache under `key`, to name other entries' keys. It starts from the clock, so
    a cache that lost it never meets the keys of an earlier counter."""
    value = cache.get(key)
    if value is None:
        value = time.time_ns()
        if not cache.add(key, value, timeout=None):
            value = cache.get(key, value)
    return value


def next_version(key):
    """Move the counter on: every entry keyed by its old value is unreachable (and ages out)."""
    try:
        cache.incr(key)
    except ValueError:  # not there (evicted, or never read): any fresh start will do
        cache.set(key, time.time_ns(), timeout=None)


def shown_version():
    return version(VERSION_KEY)


def forget_shown():
    """Make every entry keyed by the shown version unreachable."""
    next_version(VERSION_KEY)


def shown_key(name, *parts):
    return ":".join(["ocop", name, str(shown_version()), *(str(part) for part in parts)])


def remember_shown(name, parts, build, timeout=SHOWN_TIMEOUT):
    """`build()`, kept under `name` and `parts` until the shown version moves on."""
    return remember(shown_key(name, *parts), build, timeout)


def remember(key, build, timeout):
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def is_watched(sender, instance):
    from wagtail.models import Page

    return (sender._meta.app_label in WATCHED_APPS or sender._meta.label_lower in WATCHED_MODELS
            or isinstance(instance, Page))


def on_change(sender, instance=None, **kwargs):
    if instance is not None and is_watched(sender, instance):
        # Now, and again once the transaction commits: a page built in between from the rows before the
        # change would otherwise stay cached under the new version.
        forget_shown()
        transaction.on_commit(forget_shown)


def on_m2m_change(sender, instance=None, action="", **kwargs):
    if action.startswith("post_") and instance is not None:
        on_change(type(instance), instance)


def connect():
    post_save.connect(on_change, dispatch_uid="ocop-shown-save")
    post_delete.connect(on_change, dispatch_uid="ocop-shown-delete")
    m2m_changed.connect(on_m2m_change, dispatch_uid="ocop-shown-m2m")


def card_key(product, price, availability, language, day):
    """The cache key of a product card: everything the card shows, hashed."""
    certificate = product.ocop_certificate
    images = product.images.all()  # prefetched by the listing; the first is the primary image
    image = images[0].original.name if images else ""
    shown = (
        product.pk, product.date_updated.isoformat() if product.date_updated else "", product.get_title(),
        product.get_absolute_url(), product.producer.name if product.producer_id else "",
        product.origin_province.name if product.origin_province_id else "", image,
        (certificate.pk, certificate.number, certificate.stars, certificate.valid_until.isoformat())
        if certificate else None,
        (str(price.now), str(price.full), price.currency) if price else None,
        availability.code if availability else "", bool(availability and availability.is_available_to_buy),
        product.is_parent, language, day.isoformat(),
    )
    return "ocop:card:" + hashlib.sha256(repr(shown).encode()).hexdigest()


def visitor_key(request, name, *parts):
    """The cache key of what a page builds from rows kept under the shown version (`parts` must name that version,
    as a remembered search's key does): with the language, the day (badges) and the offers running now for this
    visitor, which lower prices at their start time or per customer without any row changing."""
    from django.utils.translation import get_language

    from storefront.ocop.models import today

    from .pricing import running_offers

    offers = tuple(running.offer.pk for running in running_offers(request).offers)
    shown = (parts, get_language(), today().isoformat(), offers)
    return f"ocop:{name}:" + hashlib.sha256(repr(shown).encode()).hexdigest()


def prices_and_stock(ids):
    """The stock records' prices and stock of these products, in one query: a part of the keys of fragments built
    from them, since those change without a model signal too (Oscar's allocations with F() expressions, a bulk
    repricing with QuerySet.update()) and a card must never show a stale price or stock state."""
    if not ids:
        return []
    return _stock_rows("product_id IN (" + ", ".join(["%s"] * len(ids)) + ")", list(ids))


def prices_and_stock_shown_with(pk):
    """The same rows for a product page: the product's, its variants' and those of the products it recommends."""
    from oscar.core.loading import get_model

    products = get_model("catalogue", "Product")._meta.db_table
    recommendations = get_model("catalogue", "ProductRecommendation")._meta.db_table
    return _stock_rows(f"product_id IN (SELECT %s UNION SELECT id FROM {products} WHERE parent_id = %s "
                       f"UNION SELECT recommendation_id FROM {recommendations} WHERE primary_id = %s)", [pk, pk, pk])


def _stock_rows(where, params):
    # Plain SQL: these rows are read on every kept page and answer, where building the query with the ORM cost
    # more than running it.
    from django.db import connection
    from oscar.core.loading import get_model

    table = get_model("partner", "StockRecord")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, product_id, price, num_in_stock, num_allocated FROM {table} WHERE {where} "
                       "ORDER BY id", params)
        return cursor.fetchall()
