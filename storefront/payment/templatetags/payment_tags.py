from django import template

from storefront.payment.placement import CARD_SOURCE

register = template.Library()


@register.filter
def paid_by_card(order):
    """Whether the order has a Stripe card payment source (and so can be refunded through Stripe)."""
    return order.sources.filter(source_type__name=CARD_SOURCE).exists()
