"""The one door to product search. Views and the API call `run_search` and `suggest`; Elasticsearch answers
when ELASTICSEARCH_URL is set, and the database answers when it is not, or when the cluster does not (with a
warning in the log), or while the circuit breaker is open after repeated failures (breaker.py): the same pages
and API either way."""

import logging
from dataclasses import replace

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, NotFoundError
from oscar.core.loading import get_model

from storefront.catalogue.caching import remember_shown
from storefront.ocop.taxonomy import current_taxonomy
from storefront.ocop.text import fold

from . import breaker, corrections, typing
from . import params as search_params
from .backends.database import DatabaseBackend
from .backends.elastic import ElasticBackend

logger = logging.getLogger(__name__)

Province = get_model("ocop", "Province")

# What "the node is not answering" looks like: refused or dropped connections, timeouts, a missing index
# (never built) and server-side errors (5xx). A 400 from our own query would be a bug and still raises.
UNAVAILABLE = (TransportConnectionError, ConnectionTimeout, NotFoundError)


def get_backend():
    return ElasticBackend() if settings.ELASTICSEARCH_URL else DatabaseBackend()


def parse_params(querydict, fixed=None):
    return search_params.parse(
        querydict,
        allowed_groups=current_taxonomy().group_codes(),
        # kept until a province changes (the shown version): every listing and API request checks its filters
        allowed_provinces=remember_shown(
            "province-codes", (), lambda: set(Province.objects.values_list("code", flat=True))),
        fixed=fixed,
    )


def _with_fallback(operation, *args, **kwargs):
    backend = get_backend()
    # the circuit breaker (breaker.py) lets a search ask the cluster, or sends it straight to the database
    ticket = breaker.allow() if isinstance(backend, ElasticBackend) else None
    if ticket is not None:
        try:
            results = getattr(backend, operation)(*args, **kwargs)
        except UNAVAILABLE as error:
            breaker.failed(ticket)
            logger.warning("Elasticsearch unavailable (%s); answering from the database.", error)
        except ApiError as error:
            if error.meta.status < 500:
                breaker.succeeded(ticket)  # the cluster answered; our query is wrong
                raise
            breaker.failed(ticket)
            logger.warning("Elasticsearch failed (%s); answering from the database.", error)
        else:
            breaker.succeeded(ticket)
            return results
    return getattr(DatabaseBackend(), operation)(*args, **kwargs)


def run_search(params, per_page=None):
    """The results for `params`; when the words find nothing and the did-you-mean correction finds something
    (and the buyer did not ask for the exact words), the correction's results, with `corrected_query` set."""
    per_page = per_page or settings.OSCAR_PRODUCTS_PER_PAGE
    results = _with_fallback("search", params, per_page=per_page)
    if not getattr(results, "did_you_mean", ""):
        # the database has no suggester of its own
        results.did_you_mean = corrections.did_you_mean(params.q) if params.q and not results.total else ""
    results.corrected_query = ""
    decoded = typing.decode(params.q) if params.q and not params.exact else ""
    if decoded and results.total:
        # read as Telex/VNI and found: propose the Vietnamese words, not the index's guess at the keys
        results.did_you_mean = decoded
    correction = results.did_you_mean
    if params.q and not params.exact and not results.total and correction and fold(correction) != fold(params.q):
        corrected = _with_fallback("search", replace(params, q=correction), per_page=per_page)
        if corrected.total:
            corrected.did_you_mean = correction
            corrected.corrected_query = correction
            return corrected
    return results


def suggest(prefix, size=6):
    """Autocomplete: product titles and taxonomy groups starting with what was typed (diacritics optional)."""
    prefix = " ".join(prefix.split())[:search_params.MAX_QUERY_LENGTH]
    if not prefix:
        return {"products": [], "groups": []}
    products = _with_fallback("suggest_products", prefix, size=size)
    return {"products": products, "groups": suggest_groups(prefix, size)}


def suggest_groups(prefix, size):
    folded = fold(prefix)
    matches = []
    for sector in current_taxonomy().sectors:
        for branch in (sector, *sector.groups):
            words = fold(branch.name).split()
            starts = {" ".join(words[i:]) for i in range(len(words))}
            if any(start.startswith(folded) for start in starts):
                matches.append((branch.code, branch.name))
    return matches[:size]
