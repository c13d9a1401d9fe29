from storefront.payment.gateway import card_payments_enabled

CARD, COD = "card", "cod"
COD_SOURCE = "Cash on delivery"  # the payment source type of a cash-on-delivery order


def available_methods():
    """Card first when Stripe is configured; cash on delivery always."""
    card_enabled = card_payments_enabled()
    return [CARD, COD] if card_enabled else [COD]
