from django import template

from storefront.checkout.grouping import lines_by_producer
from storefront.order import statuses

register = template.Library()


@register.filter
def status_label(status):
    """An order's or line's status as people read it ("Pending" is stored; "Chờ xác nhận" is shown)."""
    return statuses.label(status)


@register.simple_tag
def producer_groups(order):
    """The order's lines by producer, each with its shipping, status and cash to collect."""
    return lines_by_producer(order)
