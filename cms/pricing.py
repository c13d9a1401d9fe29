"""What a campaign's Oscar offer takes off a product's price, for display. The basket applies the offer itself
(Oscar's offer engine); this only shows buyers the price they will pay for one unit."""

from decimal import ROUND_HALF_UP, Decimal


def unit_discount_price(offer, product, price, when=None):
    """The price of one unit with `offer` applied, or None when the offer does not lower it today."""
    if offer is None or price is None or not offer.is_available(test_date=when):
        return None
    benefit = offer.benefit
    scope = benefit.range or offer.condition.range
    if scope is None or not scope.contains_product(product):
        return None
    value = Decimal(benefit.value or 0)
    if benefit.type == benefit.PERCENTAGE:
        discounted = price * (Decimal(100) - min(value, Decimal(100))) / Decimal(100)
    elif benefit.type == benefit.FIXED_UNIT:
        discounted = max(price - value, Decimal(0))
    else:  # basket-wide or multibuy benefits have no single unit price
        return None
    discounted = discounted.quantize(Decimal(1), rounding=ROUND_HALF_UP)  # whole đồng
    return discounted if discounted < price else None
