from django import template

from ..pricing import unit_price

register = template.Library()


@register.simple_tag(takes_context=True)
def unit_price_for(context, product, purchase_info=None):
    """{% unit_price_for product session as price %}: what one unit costs the buyer now (storefront.catalogue.pricing)."""
    return unit_price(context["request"], product, purchase_info)
