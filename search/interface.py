"""The one door to product search. Views and the API call `run_search` and `suggest`; Elasticsearch answers
when ELASTICSEARCH_URL is set, and the database answers when it is not, or when the node does not (with a
warning in the log): the same pages and API either way."""

import logging

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, NotFoundError
from oscar.core.loading import get_model

from storefront.ocop.taxonomy import current_taxonomy
from storefront.ocop.text import fold

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
        allowed_provinces=set(Province.objects.values_list("code", flat=True)),
        fixed=fixed,
    )


def _with_fallback(operation, *args, **kwargs):
    backend = get_backend()
    if isinstance(backend, ElasticBackend):
        try:
            return getattr(backend, operation)(*args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Elasticsearch unavailable (%s); answering from the database.", error)
        except ApiError as error:
            if error.meta.status < 500:
                raise
            logger.warning("Elasticsearch failed (%s); answering from the database.", error)
    return getattr(DatabaseBackend(), operation)(*args, **kwargs)


def run_search(params, per_page=None):
    results = _with_fallback("search", params, per_page=per_page or settings.OSCAR_PRODUCTS_PER_PAGE)
    if not hasattr(results, "did_you_mean"):
        results.did_you_mean = ""
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
