"""What a price may be: a positive whole number of đồng, at most PRICE_CEILING. The model (validators and a
database CHECK), the dashboard's forms and checkout all ask this module."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from storefront.ocop.text import grouped

# No OCOP product sells for a billion đồng; a price above that is a typing slip (or an attack), not a price.
PRICE_CEILING = Decimal(1_000_000_000)


def price_problem(value):
    """Why `value` is not an acceptable price, or None when it is."""
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return _("Enter a price in whole đồng.")
    if not value.is_finite() or value != value.to_integral_value():
        return _("Enter a price in whole đồng, without decimals.")
    if value <= 0:
        return _("A price must be more than 0 ₫.")
    if value > PRICE_CEILING:
        return _("A price may be at most %(ceiling)s ₫.") % {"ceiling": grouped(PRICE_CEILING)}
    return None


def validate_price(value):
    """Django validator: a null price (not for sale) is the field's business, not this one's."""
    if value is None:
        return
    problem = price_problem(value)
    if problem:
        raise ValidationError(problem, code="invalid_price")
