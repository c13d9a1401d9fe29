"""Keeping the Elasticsearch index in step with the database.

The index lives behind an alias (settings.SEARCH_INDEX_ALIAS). A rebuild fills a new, timestamped index in
bulk and moves the alias in one atomic request, so searches never see a half-built index. Day-to-day changes
reach the index after commit (signals.py); what failed to get there is recorded (StaleProduct) and, with
everything changed since the last successful sync, caught up by `manage.py search_index --sync`.
"""

import logging
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from oscar.core.loading import get_model
from tqdm import tqdm

from .documents import INDEX_SETTINGS, ProductDocument, indexable_products, legacy_names_by_province, to_document

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
CHUNK = 1000

_clients = {}


def enabled():
    return bool(settings.ELASTICSEARCH_URL)


def client():
    """One client per URL. Short timeouts and no retries: a slow or dead node must fall back quickly."""
    url = settings.ELASTICSEARCH_URL
    if url not in _clients:
        _clients[url] = Elasticsearch(url, request_timeout=settings.SEARCH_TIMEOUT, max_retries=0,
                                      retry_on_timeout=False)
    return _clients[url]


def writer():
    """The client for indexing: writes may wait longer than a buyer's search should."""
    return client().options(request_timeout=120)


def alias():
    return settings.SEARCH_INDEX_ALIAS


def create_index(name):
    """A new empty index with the product mapping (refresh off while it is filled)."""
    ProductDocument._index.clone(name).settings(**INDEX_SETTINGS, refresh_interval="-1").create(using=writer())


def documents(queryset, legacy_names):
    for product in queryset.iterator(chunk_size=CHUNK):
        yield action(product, legacy_names)


def action(product, legacy_names):
    return {"_id": product.pk, "_source": to_document(product, legacy_names).to_dict()}


def bulk_index(index, queryset, progress=False):
    """Index `queryset` into `index`; returns how many documents went in."""
    legacy_names = legacy_names_by_province()
    total = queryset.count()
    actions = ({**action, "_index": index} for action in documents(queryset, legacy_names))
    done = 0
    with tqdm(total=total, unit="product", disable=not progress, desc=f"Indexing into {index}") as bar:
        for ok, item in helpers.streaming_bulk(writer(), actions, chunk_size=CHUNK, raise_on_error=True):
            done += 1
            bar.update(1)
    return done


def rebuild(progress=False):
    """Build a complete new index, then swap the alias to it atomically and drop the old indices."""
    es = writer()
    name = f"{alias()}-{timezone.now():%Y%m%d%H%M%S%f}"
    started = timezone.now()
    create_index(name)
    count = bulk_index(name, indexable_products(), progress=progress)
    es.indices.put_settings(index=name, settings={"index": {"refresh_interval": "1s"}})
    es.indices.refresh(index=name)
    old = current_indices()
    actions = [{"remove": {"index": index, "alias": alias()}} for index in old]
    if es.indices.exists(index=alias()) and not old:
        # a concrete index squats the alias's name (e.g. created by an old version): remove it in the swap
        actions.append({"remove_index": {"index": alias()}})
    actions.append({"add": {"index": name, "alias": alias()}})
    es.indices.update_aliases(actions=actions)
    for index in old:
        es.indices.delete(index=index, ignore_unavailable=True)
    mark_synced(started, clear_stale=True)
    return name, count


def current_indices():
    try:
        return sorted(writer().indices.get_alias(name=alias()).body)
    except NotFoundError:
        return []


def index_products(product_ids):
    """Write these products' current state (or their absence) to the index."""
    if not product_ids:
        return
    es = client().options(request_timeout=10)
    product_ids = set(product_ids)
    queryset = indexable_products().filter(pk__in=product_ids)
    legacy_names = legacy_names_by_province()
    actions, present = [], set()
    for product in queryset:
        present.add(product.pk)
        actions.append({**action(product, legacy_names), "_index": alias()})
    actions += [{"_op_type": "delete", "_index": alias(), "_id": pk} for pk in product_ids - present]
    # require_alias: never let a write create a stray index with a guessed mapping when the alias is missing
    _, errors = helpers.bulk(es, actions, raise_on_error=False, require_alias=True,
                             refresh="wait_for" if settings.SEARCH_REFRESH_WAIT else False)
    failures = [error for error in errors if next(iter(error.values())).get("status") != 404]
    if failures:
        raise IndexingError(f"{len(failures)} product(s) not indexed: {failures[:3]}")


class IndexingError(RuntimeError):
    pass


def sync(progress=False):
    """Index what changed since the last successful sync, and whatever failed to reach the index."""
    SyncState = get_model("search", "SyncState")
    StaleProduct = get_model("search", "StaleProduct")
    started = timezone.now()
    since = SyncState.objects.filter(name=alias()).values_list("synced_at", flat=True).first()
    stale = set(StaleProduct.objects.values_list("product_id", flat=True))
    if since is None:
        name, count = rebuild(progress=progress)
        return count
    changed = set(
        Product.objects.filter(
            Q(date_updated__gte=since) | Q(stockrecords__date_updated__gte=since)
            | Q(certificates__updated_at__gte=since)
        ).values_list("pk", flat=True).distinct()
    )
    ids = sorted(changed | stale)
    for start in tqdm(range(0, len(ids), CHUNK), disable=not progress, desc="Syncing", unit="chunk"):
        index_products(ids[start:start + CHUNK])
    mark_synced(started, clear_stale=True, stale_ids=stale)
    return len(ids)


def mark_synced(moment, clear_stale=False, stale_ids=None):
    SyncState = get_model("search", "SyncState")
    StaleProduct = get_model("search", "StaleProduct")
    SyncState.objects.update_or_create(name=alias(), defaults={"synced_at": moment})
    if clear_stale:
        stale = StaleProduct.objects.filter(noted_at__lt=moment)
        if stale_ids is not None:
            stale = stale.filter(product_id__in=stale_ids)
        stale.delete()


def note_stale(product_ids):
    """Remember products whose update did not reach the index, for the next --sync."""
    StaleProduct = get_model("search", "StaleProduct")
    now = timezone.now()
    for pk in set(product_ids):
        StaleProduct.objects.update_or_create(product_id=pk, defaults={"noted_at": now})
