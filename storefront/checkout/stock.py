"""Stock is allocated only when an order is placed, under row locks: concurrent checkouts for the last units
queue on the stock records, and each sees what the others allocated before it."""

from collections import Counter

from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")


def lock_and_check_stock(basket):
    """Lock the basket's stock records (in id order, so two checkouts never deadlock) and refuse a shortfall.
    Must run inside the transaction that allocates the stock."""
    wanted = Counter()
    for line in basket.all_lines():
        if line.stockrecord_id and line.product.get_product_class().track_stock:
            wanted[line.stockrecord_id] += line.quantity
    records = StockRecord.objects.select_for_update().filter(pk__in=list(wanted)).select_related("product")
    for record in records.order_by("pk"):
        available = record.num_in_stock - (record.num_allocated or 0)
        if available < wanted[record.pk]:
            raise UnableToPlaceOrder(
                _("Sorry, only %(available)d of “%(product)s” left: please change your basket.")
                % {"available": max(available, 0), "product": record.product.get_title()})
