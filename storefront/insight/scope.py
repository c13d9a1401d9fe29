"""The rows each figure starts from, narrowed by an insight page's filters: order lines that were sold, and the
producers' certified products. One owner for "what counts as a sale" and for where a product's province, sector
and stars come from."""

from django.db.models import Case, F, IntegerField, Q, Value, When
from oscar.core.loading import get_model

from storefront.ocop.models import badge_q
from storefront.ocop.taxonomy import current_taxonomy
from storefront.order.statuses import CANCELLED

Line = get_model("order", "Line")

#: Lookups from an order line to what the filters and figures group by: the producer's province, the product's
#: sector (the top of its OCOP classification) and the stars its certificate shows.
PROVINCE = "partner__province__code"
PROVINCE_NAME = "partner__province__name"
SECTOR = "product__classification__parent__parent__code"
CERTIFICATE = "product__current_certificate__"


def sector_names():
    """{sector code: name in the active language} of the taxonomy in force (cached)."""
    return {sector.code: sector.name for sector in current_taxonomy().sectors}


def stars_now(today, prefix=CERTIFICATE):
    """The stars a product shows on `today` (None when no certificate gives it a badge) as an expression."""
    return Case(When(badge_q(today, prefix), then=F(f"{prefix}stars")), default=Value(None),
                output_field=IntegerField())


def filtered_lines(filters, today):
    """Sold order lines of the filtered producers and products, at any date: the order was placed and neither it
    nor the line was cancelled. Refunded orders stay in (their refunds are a figure of their own)."""
    lines = Line.objects.exclude(order__status=CANCELLED).exclude(status=CANCELLED)
    if filters.provinces:
        lines = lines.filter(**{f"{PROVINCE}__in": filters.provinces})
    if filters.sectors:
        lines = lines.filter(**{f"{SECTOR}__in": filters.sectors})
    if filters.stars:
        lines = lines.filter(badge_q(today, CERTIFICATE), **{f"{CERTIFICATE}stars__in": filters.stars})
    return lines


def sold_lines(period, filters, today):
    """filtered_lines of the orders placed in `period`."""
    start, end = period.bounds()
    return filtered_lines(filters, today).filter(order__date_placed__gte=start, order__date_placed__lt=end)


def product_filter(filters, today, prefix=""):
    """The filters as a Q over products (or over rows reaching a product through `prefix`)."""
    q = Q()
    if filters.provinces:
        q &= Q(**{f"{prefix}producer__province__code__in": filters.provinces})
    if filters.sectors:
        q &= Q(**{f"{prefix}classification__parent__parent__code__in": filters.sectors})
    if filters.stars:
        q &= badge_q(today, f"{prefix}current_certificate__") & Q(
            **{f"{prefix}current_certificate__stars__in": filters.stars})
    return q
