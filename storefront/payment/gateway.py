"""The only module that talks to Stripe. Amounts are whole đồng: VND is a zero-decimal currency."""

from django.conf import settings
from stripe import StripeClient

CURRENCY = "vnd"


def card_payments_enabled():
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def client():
    kwargs = {"max_network_retries": 2}
    if settings.STRIPE_API_BASE:  # localstripe or stripe-mock in tests
        kwargs["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return StripeClient(settings.STRIPE_SECRET_KEY, **kwargs)


def whole_dong(amount):
    if amount != amount.to_integral_value():
        raise ValueError(f"VND amounts are whole đồng, got {amount}")
    return int(amount)


def create_payment_intent(attempt):
    """One PaymentIntent per attempt; the attempt's key makes a retried request return the same intent."""
    return client().v1.payment_intents.create(
        params={
            "amount": whole_dong(attempt.order_total),
            "currency": CURRENCY,
            "payment_method_types": ["card"],
            "metadata": {"order_number": attempt.order_number, "attempt": str(attempt.idempotency_key)},
        },
        options={"idempotency_key": f"pi-{attempt.idempotency_key}"},
    )


def retrieve_payment_intent(payment_intent_id):
    return client().v1.payment_intents.retrieve(payment_intent_id)


def cancel_payment_intent(payment_intent_id):
    return client().v1.payment_intents.cancel(payment_intent_id)


def refund(payment_intent_id, amount, idempotency_key):
    """Refund `amount` đồng, or everything that was paid when `amount` is None."""
    params = {"payment_intent": payment_intent_id}
    if amount is not None:
        params["amount"] = whole_dong(amount)
    return client().v1.refunds.create(params=params, options={"idempotency_key": idempotency_key})


def retrieve_charge(charge_id):
    return client().v1.charges.retrieve(charge_id)
