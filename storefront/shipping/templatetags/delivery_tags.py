"""Delivery shown before paying: what a producer's parcel costs on the product page, and each producer's parcel
in the basket. The numbers come from storefront/shipping (ProducerTariff), their one owner."""

from django import template
from oscar.core.loading import get_class

parcels = get_class("shipping.methods", "parcels")
producer_tariff = get_class("shipping.methods", "producer_tariff")

register = template.Library()


@register.simple_tag
def delivery_terms(producer):
    """The tariff this producer's parcels ship at (flat_rate, free_from), or None."""
    return producer_tariff(producer)


@register.simple_tag
def basket_parcels(basket):
    """The basket split into one parcel per producer, each with its delivery fee."""
    return parcels(basket)
