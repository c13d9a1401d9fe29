from storefront.payment.gateway import card_payments_enabled

CARD, COD = "card", "cod"


def available_methods():
    """Card first when Stripe is configured; cash on delivery always."""
    card_enabled = card_payments_enabled()
    return [CARD, COD] if card_enabled else [COD]
