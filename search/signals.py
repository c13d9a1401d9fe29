"""Changes to products, stock, certificates and producers reach the index after commit. Indexing never fails
the user's request: an error is logged and the products are noted for `search_index --sync`."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model

from . import indexing

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")
Certificate = get_model("ocop", "Certificate")


def schedule(product_ids):
    if not indexing.enabled():
        return
    product_ids = set(product_ids)
    if product_ids:
        transaction.on_commit(lambda: update_index(product_ids), robust=True)


def update_index(product_ids):
    try:
        indexing.index_products(product_ids)
    except Exception:  # noqa: BLE001  whatever went wrong, the save already succeeded
        logger.warning("Search index update failed for products %s; `search_index --sync` will retry.",
                       sorted(product_ids), exc_info=True)
        try:
            indexing.note_stale(product_ids)
        except Exception:  # noqa: BLE001
            logger.exception("Could not record products %s as stale", sorted(product_ids))


def product_changed(sender, instance, **kwargs):
    ids = {instance.pk}
    if instance.parent_id:
        ids.add(instance.parent_id)
    schedule(ids)


def stockrecord_changed(sender, instance, **kwargs):
    schedule({instance.product_id})


def certificate_changed(sender, instance, **kwargs):
    schedule({instance.product_id})


def producer_changed(sender, instance, **kwargs):
    schedule(Product.objects.filter(producer=instance).values_list("pk", flat=True))


def connect():
    for model, handler in ((Product, product_changed), (StockRecord, stockrecord_changed),
                           (Certificate, certificate_changed)):
        post_save.connect(handler, sender=model, dispatch_uid=f"search-{model.__name__}-save")
        post_delete.connect(handler, sender=model, dispatch_uid=f"search-{model.__name__}-delete")
    post_save.connect(producer_changed, sender=Partner, dispatch_uid="search-Partner-save")
