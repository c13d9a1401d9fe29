"""Keeping the Elasticsearch index in step with the database.

The index lives behind an alias (settings.SEARCH_INDEX_ALIAS). A rebuild fills a new, timestamped index in
bulk and moves the alias in one atomic request, so searches never see a half-built index. Day-to-day changes
reach the index after commit (signals.py); what failed to get there is recorded (StaleProduct) and, with
everything changed since the last successful sync, caught up by `manage.py search_index --sync`.
"""

import logging
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from oscar.core.loading import get_model

from .documents import INDEX_SETTINGS, ProductDocument, documents, indexable_products

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
CHUNK = 1000
#: Threads sending bulk requests while the calling thread builds documents.
BULK_THREADS = 2

_clients = {}


def enabled():
    return bool(settings.ELASTICSEARCH_URL)


def hosts():
    """The cluster's nodes, from ELASTICSEARCH_URL (one URL, or several comma-separated)."""
    return [host.strip() for host in settings.ELASTICSEARCH_URL.split(",") if host.strip()]


def client():
    """One client per configuration, spreading requests over the nodes. An attempt may take SEARCH_TIMEOUT; a
    refused connection or a timeout is tried again on another node, SEARCH_MAX_RETRIES times, and the node is
    left alone for a while. No sniffing: the configured addresses are the ones reachable from here (nodes often
    publish addresses that are not), and the breaker, not more retries, handles a cluster that is down."""
    key = (settings.ELASTICSEARCH_URL, settings.SEARCH_TIMEOUT, settings.SEARCH_MAX_RETRIES)
    if key not in _clients:
        _clients[key] = Elasticsearch(hosts(), request_timeout=settings.SEARCH_TIMEOUT,
                                      max_retries=settings.SEARCH_MAX_RETRIES, retry_on_timeout=True,
                                      sniff_on_start=False, sniff_before_requests=False,
                                      sniff_on_node_failure=False)
    return _clients[key]


def writer():
    """The client for indexing: writes may wait longer than a buyer's search should."""
    return client().options(request_timeout=120)


def alias():
    return settings.SEARCH_INDEX_ALIAS


def create_index(name):
    """A new empty index with the product mapping (refresh off while it is filled), with SEARCH_REPLICAS copies
    on other nodes."""
    ProductDocument._index.clone(name).settings(**INDEX_SETTINGS, number_of_replicas=settings.SEARCH_REPLICAS,
                                                refresh_interval="-1").create(using=writer())


def bulk_index(index, queryset, progress=False):
    """Index `queryset` into `index`; returns how many documents went in. This thread builds the documents from
    plain values (documents.documents; its database connection is this thread's, so it sees what this
    transaction sees) while BULK_THREADS threads send the previous chunks in bulk requests."""
    from tqdm import tqdm  # imported here: only commands show progress, and web workers need not load it

    es = writer()
    total = queryset.count()
    actions = ({"_index": index, "_id": pk, "_source": source} for pk, source in documents(queryset))
    done = 0
    with tqdm(total=total, unit="product", disable=not progress, desc=f"Indexing into {index}") as bar, \
            ThreadPoolExecutor(BULK_THREADS, thread_name_prefix="bulk-index") as pool:
        sending = deque()
        for chunk in chunks(actions, CHUNK):
            sending.append(pool.submit(send, es, chunk))
            while len(sending) > BULK_THREADS:  # no more chunks waiting than threads to send them
                done += sending.popleft().result()
                bar.update(done - bar.n)
        for future in sending:
            done += future.result()
        bar.update(done - bar.n)
    return done


def chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def send(es, actions):
    """One bulk request; any document refused raises (helpers.BulkIndexError)."""
    indexed, _ = helpers.bulk(es, actions, chunk_size=len(actions), raise_on_error=True, stats_only=True)
    return indexed


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
    actions, present = [], set()
    for pk, source in documents(indexable_products().filter(pk__in=product_ids)):
        present.add(pk)
        actions.append({"_index": alias(), "_id": pk, "_source": source})
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
    ids = sorted(changed_since(since) | stale)
    from tqdm import tqdm

    for start in tqdm(range(0, len(ids), CHUNK), disable=not progress, desc="Syncing", unit="chunk"):
        index_products(ids[start:start + CHUNK])
    mark_synced(started, clear_stale=True, stale_ids=stale)
    return len(ids)


def changed_since(moment):
    """Ids of the products changed since `moment`, theirs or their stock's or certificates' rows: three range scans
    of indexed timestamps, so a sync costs what changed, not the catalogue's size."""
    StockRecord = get_model("partner", "StockRecord")
    Certificate = get_model("ocop", "Certificate")
    return (set(Product.objects.filter(date_updated__gte=moment).values_list("pk", flat=True))
            | set(StockRecord.objects.filter(date_updated__gte=moment).values_list("product_id", flat=True))
            | set(Certificate.objects.filter(updated_at__gte=moment).values_list("product_id", flat=True)))


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
