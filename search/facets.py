"""Facets as the pages and the API show them, built from counts. Both backends count in their own way
(SQL aggregates, Elasticsearch aggregations) and hand the counts here, so labels, order and selection
are the same whichever backend answered."""

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from storefront.ocop.collation import Vietnamese
from storefront.ocop.taxonomy import current_taxonomy
from storefront.ocop.text import grouped

from .backends.base import Facet, FacetValue
from .params import PRICE_BANDS, PRODUCER_TYPES, STAR_VALUES, price_band

Partner = get_model("partner", "Partner")
Province = get_model("ocop", "Province")


def group_facet(counts, params):
    """`counts`: {group code: number of products}; a sector counts the sum of its groups."""
    values = []
    for sector in current_taxonomy().sectors:
        sector_count = sum(counts.get(group.code, 0) for group in sector.groups)
        values.append(FacetValue(sector.code, sector.name, sector_count, sector.code in params.group, 0))
        values.extend(
            FacetValue(group.code, group.name, counts.get(group.code, 0), group.code in params.group, 1)
            for group in sector.groups
        )
    return Facet("group", _("Product sector"), values)


def province_facet(counts, params):
    """`counts`: {province code: number of products}; provinces with none are left out unless selected."""
    values = [
        FacetValue(code, name, counts.get(code, 0), code in params.province)
        for code, name in Province.objects.order_by(Vietnamese("name")).values_list("code", "name")
        if counts.get(code) or code in params.province
    ]
    return Facet("province", _("Province/city"), values)


def stars_facet(counts, params):
    """`counts`: {stars (int): number of products whose badge shows}; most stars first."""
    values = [
        FacetValue(str(stars), _("%(stars)s stars") % {"stars": stars}, counts.get(stars, 0), stars in params.stars)
        for stars in reversed(STAR_VALUES)
    ]
    return Facet("stars", _("OCOP star rating"), values)


def price_facet(counts, params):
    """`counts`: {price band key: number of products}."""
    values = [FacetValue(key, price_band_label(key), counts.get(key, 0), key in params.price)
              for key in PRICE_BANDS]
    return Facet("price", _("Price"), values)


def producer_type_facet(counts, params):
    """`counts`: {legal type: number of products}."""
    labels = dict(Partner.LegalType.choices)
    values = [FacetValue(key, labels[key], counts.get(key, 0), key in params.producer_type)
              for key in PRODUCER_TYPES]
    return Facet("producer_type", _("Producer"), values)


def price_band_label(key):
    """'100000-300000' -> '100.000 – 300.000 ₫'; '1000000-' -> 'from 1.000.000 ₫'."""
    low, high = price_band(key)

    if high is None:
        return _("from %(low)s ₫") % {"low": grouped(low)}
    if low == 0:
        return _("under %(high)s ₫") % {"high": grouped(high)}
    return f"{grouped(low)} – {grouped(high)} ₫"
