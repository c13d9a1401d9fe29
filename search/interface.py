"""The one door to product search. Views and the API call `run_search`; which backend answers is a setting
(Elasticsearch arrives with its own issue; the database backend answers until then and as the fallback)."""

from django.conf import settings
from oscar.core.loading import get_model

from storefront.ocop.taxonomy import current_taxonomy

from . import params as search_params
from .backends.database import DatabaseBackend

Province = get_model("ocop", "Province")


def get_backend():
    return DatabaseBackend()


def parse_params(querydict, fixed=None):
    return search_params.parse(
        querydict,
        allowed_groups=current_taxonomy().group_codes(),
        allowed_provinces=set(Province.objects.values_list("code", flat=True)),
        fixed=fixed,
    )


def run_search(params, per_page=None):
    return get_backend().search(params, per_page=per_page or settings.OSCAR_PRODUCTS_PER_PAGE)
