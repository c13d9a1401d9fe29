"""Stock is allocated only when an order is placed, under row locks: concurrent checkouts for the last units
queue on the stock records, and each sees what the others allocated before it. Prices are re-checked at the
same moments: a stock record with an impossible price (see partner.prices) sells nothing."""

import logging
from collections import Counter

from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

from storefront.partner.prices import price_problem

StockRecord = get_model("partner", "StockRecord")
logger = logging.getLogger(__name__)


def refuse_impossible_prices(basket):
    """Before a basket becomes a payment or an order: every line's unit price must be a sane price."""
    for line in basket.all_lines():
        problem = price_problem(line.unit_price_incl_tax)
        if problem:
            _refuse_price(line.product.get_title(), line.stockrecord_id, problem)


def lock_and_check_stock(basket):
    """Lock the basket's stock records (in id order, so two checkouts never deadlock), refuse a shortfall or an
    impossible price. Must run inside the transaction that allocates the stock."""
    wanted = Counter()
    for line in basket.all_lines():
        if line.stockrecord_id:
            wanted[line.stockrecord_id] += line.quantity if line.product.get_product_class().track_stock else 0
    records = StockRecord.objects.select_for_update().filter(pk__in=list(wanted)).select_related("product")
    for record in records.order_by("pk"):
        problem = price_problem(record.price)
        if problem:
            _refuse_price(record.product.get_title(), record.pk, problem)
        if not wanted[record.pk]:
            continue  # stock not tracked for this product class
        available = (record.num_in_stock or 0) - (record.num_allocated or 0)
        if available < wanted[record.pk]:
            raise UnableToPlaceOrder(
                _("Sorry, only %(available)d of “%(product)s” left: please change your basket.")
                % {"available": max(available, 0), "product": record.product.get_title()})


def _refuse_price(title, stockrecord_id, problem):
    logger.error("Stock record %s (%s) has an impossible price (%s): checkout refused", stockrecord_id, title,
                 problem)
    raise UnableToPlaceOrder(_("“%(product)s” cannot be bought at the moment: its price is not valid. Please "
                               "remove it from your basket.") % {"product": title})
