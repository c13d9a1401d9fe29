"""Changes to products, stock, certificates and producers reach the index through a task enqueued after commit
(search/tasks.py), one per change with every product it touched. Indexing never fails nor slows the user's
request: the worker retries a failed update, and the products are noted for `search_index --sync`."""

from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model

from storefront.background.enqueue import enqueue_on_commit

from . import indexing, tasks
from .documents import legacy_names_by_province

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")
Certificate = get_model("ocop", "Certificate")


def schedule(product_ids):
    if not indexing.enabled():
        return
    product_ids = sorted(set(product_ids))
    if product_ids:
        enqueue_on_commit(tasks.index_products, product_ids)


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
    products = list(Product.objects.filter(producer=instance).select_related(
        "classification__parent__parent", "origin_province", "producer__commune"))
    # the producer's name and commune are words of its products' search text (both backends match it)
    legacy_names = legacy_names_by_province()
    for product in products:
        product.search_text = product.build_search_text(legacy_names)
    Product.objects.bulk_update(products, ["search_text"], batch_size=500)
    schedule(product.pk for product in products)


def connect():
    for model, handler in ((Product, product_changed), (StockRecord, stockrecord_changed),
                           (Certificate, certificate_changed)):
        post_save.connect(handler, sender=model, dispatch_uid=f"search-{model.__name__}-save")
        post_delete.connect(handler, sender=model, dispatch_uid=f"search-{model.__name__}-delete")
    post_save.connect(producer_changed, sender=Partner, dispatch_uid="search-Partner-save")
