"""Our requests to Stripe, checked by stripe-mock against Stripe's OpenAPI specification."""

from decimal import Decimal

import pytest
from django.test import override_settings
from stripe import InvalidRequestError

from storefront.payment import gateway
from tests import stripe_peers

pytestmark = pytest.mark.django_db


def attempt(**fields):
    from oscar.core.loading import get_model

    PaymentAttempt = get_model("payment", "PaymentAttempt")
    return PaymentAttempt(order_number="SHAPE-1", shipping_method_code="per-producer", shipping_charge=Decimal(0),
                          order_total=Decimal(1250000), currency="VND", **fields)


def test_our_payment_intent_request_is_valid_for_stripe():
    with override_settings(STRIPE_API_BASE=stripe_peers.stripe_mock_url()):
        intent = gateway.create_payment_intent(attempt())
    assert intent.object == "payment_intent" and intent.id.startswith("pi_")


def test_our_refund_request_is_valid_for_stripe():
    with override_settings(STRIPE_API_BASE=stripe_peers.stripe_mock_url()):
        refund = gateway.refund("pi_123", Decimal(50000), idempotency_key="refund-shape-test")
    assert refund.object == "refund"


def test_our_full_refund_and_cancel_requests_are_valid_for_stripe():
    with override_settings(STRIPE_API_BASE=stripe_peers.stripe_mock_url()):
        refund = gateway.refund("pi_123", None, idempotency_key="full-refund-shape-test")
        cancelled = gateway.cancel_payment_intent("pi_123")
    assert refund.object == "refund" and cancelled.object == "payment_intent"


def test_stripe_mock_really_checks_shapes():
    """The control: a request Stripe would refuse is refused here too, so the two passes above mean something."""
    with override_settings(STRIPE_API_BASE=stripe_peers.stripe_mock_url()), pytest.raises(InvalidRequestError):
        gateway.client().v1.payment_intents.create(params={"amount": 1000, "currency": "vnd", "no_such": "x"})


def test_an_amount_with_a_fraction_of_a_dong_is_refused_before_stripe():
    with pytest.raises(ValueError):
        gateway.whole_dong(Decimal("1250000.50"))
