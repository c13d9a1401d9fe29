"""Card payments against localstripe: exactly one order whichever of the buyer's return and the webhook comes
first (or alone); replays change nothing; mismatches and failures place nothing and allocate nothing."""

import logging
import time

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests import factories, stripe_peers

from .journey import place_order, post_event, signed, to_preview

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
PaymentAttempt = get_model("payment", "PaymentAttempt")
StripeEvent = get_model("payment", "StripeEvent")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


@pytest.fixture
def rice():
    return factories.product(factories.producer(email="gao@example.vn"), title="Gạo ST25 thử", price=180000,
                             stock=20)


def start_card_payment(client, product, quantity=2):
    to_preview(client, [(product, quantity)], method="card")
    response = place_order(client)
    assert response.status_code == 302 and response["Location"] == reverse("checkout:card-payment"), response
    return PaymentAttempt.objects.get(basket__lines__product=product)


def come_back(client, attempt):
    return client.get(reverse("checkout:card-return"), {"payment_intent": attempt.payment_intent_id,
                                                         "redirect_status": "succeeded"})


def succeeded_event(attempt):
    (event,) = stripe_peers.events_for(attempt.payment_intent_id, "payment_intent.succeeded")
    return event


def orders_for(attempt):
    return Order.objects.filter(number=attempt.order_number)


def test_the_payment_intent_is_in_whole_dong_with_the_order_number_in_its_metadata(client, rice):
    attempt = start_card_payment(client, rice, 2)
    intent = stripe_peers.payment_intent(attempt.payment_intent_id)
    assert intent["amount"] == 2 * 180000 + 30000  # VND is zero-decimal: no x100
    assert intent["currency"] == "vnd"
    assert intent["metadata"]["order_number"] == attempt.order_number
    assert client.get(reverse("checkout:card-payment")).status_code == 200
    assert Basket.objects.get(pk=attempt.basket_id).status == "Frozen"


def test_an_unpaid_attempt_places_no_order_and_allocates_no_stock(client, rice):
    attempt = start_card_payment(client, rice)
    assert not orders_for(attempt).exists()
    assert StockRecord.objects.get(product=rice).num_allocated in (None, 0)


def test_return_first_then_webhook_places_exactly_one_order(client, rice):
    attempt = start_card_payment(client, rice)
    assert stripe_peers.pay(attempt.payment_intent_id) == "succeeded"
    response = come_back(client, attempt)
    assert response["Location"] == reverse("checkout:thank-you")
    assert post_event(client, succeeded_event(attempt)).status_code == 200
    order = orders_for(attempt).get()
    assert order.status == "Paid"
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert StockRecord.objects.get(product=rice).num_allocated == 2


def test_webhook_first_then_return_places_exactly_one_order(client, rice):
    attempt = start_card_payment(client, rice)
    stripe_peers.pay(attempt.payment_intent_id)
    assert post_event(client, succeeded_event(attempt)).status_code == 200
    assert orders_for(attempt).count() == 1
    response = come_back(client, attempt)
    assert response["Location"] == reverse("checkout:thank-you")
    assert client.get(response["Location"]).context["order"].number == attempt.order_number
    assert orders_for(attempt).count() == 1
    assert StockRecord.objects.get(product=rice).num_allocated == 2


def test_the_webhook_alone_places_the_order_when_the_buyer_never_returns(client, rice):
    attempt = start_card_payment(client, rice)
    stripe_peers.pay(attempt.payment_intent_id)
    post_event(client, succeeded_event(attempt))
    order = orders_for(attempt).get()
    assert order.guest_email and order.shipping_address.line1 == "12 Phố Hàng Bạc"
    assert order.shipping_address.phone_number.as_e164 == "+84912345678"
    assert Basket.objects.get(pk=attempt.basket_id).status == "Submitted"


def test_a_replayed_or_duplicated_event_changes_nothing(client, rice):
    attempt = start_card_payment(client, rice)
    stripe_peers.pay(attempt.payment_intent_id)
    event = succeeded_event(attempt)
    for __ in range(3):
        assert post_event(client, event).status_code == 200
    assert orders_for(attempt).count() == 1
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
    assert StockRecord.objects.get(product=rice).num_allocated == 2


def test_an_out_of_order_failure_event_after_success_changes_nothing(client, rice):
    attempt = start_card_payment(client, rice)
    stripe_peers.pay(attempt.payment_intent_id)
    event = succeeded_event(attempt)
    post_event(client, event)
    late_failure = {**event, "id": event["id"] + "late", "type": "payment_intent.payment_failed"}
    assert post_event(client, late_failure).status_code == 200
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.PLACED and orders_for(attempt).count() == 1


def test_an_amount_mismatch_places_no_order_and_is_logged_for_staff(client, rice, caplog):
    attempt = start_card_payment(client, rice)
    stripe_peers.tamper_amount(attempt.payment_intent_id, 1000)
    stripe_peers.pay(attempt.payment_intent_id)
    with caplog.at_level(logging.ERROR):
        post_event(client, succeeded_event(attempt))
        come_back(client, attempt)
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.MISMATCH and "1000" in attempt.problem
    assert not orders_for(attempt).exists()
    assert any("NOT placed" in record.getMessage() for record in caplog.records)
    assert StockRecord.objects.get(product=rice).num_allocated in (None, 0)
    assert stripe_peers.payment_intent(attempt.payment_intent_id)["latest_charge"]["amount_refunded"] == 1000


def test_a_currency_mismatch_places_no_order(client, rice):
    attempt = start_card_payment(client, rice)
    stripe_peers.pay(attempt.payment_intent_id)
    event = succeeded_event(attempt)
    event["data"]["object"]["currency"] = "usd"
    event["id"] += "usd"
    post_event(client, event)
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.MISMATCH and not orders_for(attempt).exists()


def test_a_declined_card_places_nothing_and_the_buyer_can_try_again(client, rice):
    attempt = start_card_payment(client, rice)
    assert stripe_peers.pay(attempt.payment_intent_id, stripe_peers.DECLINED_CARD) != "succeeded"
    response = come_back(client, attempt)
    assert response["Location"] == reverse("checkout:card-payment") + "?failed=declined"
    assert not orders_for(attempt).exists()
    assert StockRecord.objects.get(product=rice).num_allocated in (None, 0)


def test_a_declined_card_keeps_the_basket_frozen_until_the_buyer_cancels_at_stripe(client, rice):
    """Stripe lets the same PaymentIntent be paid with another card after a decline, so a decline alone must not
    give the basket back (localstripe cannot retry a declined intent; the buyer cancels instead)."""
    attempt = start_card_payment(client, rice)
    stripe_peers.pay(attempt.payment_intent_id, stripe_peers.DECLINED_CARD)
    for event in stripe_peers.events_for(attempt.payment_intent_id, "payment_intent.payment_failed"):
        assert post_event(client, event).status_code == 200
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.PENDING and attempt.problem.startswith("Payment failed")
    assert Basket.objects.get(pk=attempt.basket_id).status == "Frozen"
    assert client.post(reverse("checkout:card-payment"))["Location"] == reverse("basket:summary")
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.CANCELLED
    assert stripe_peers.payment_intent(attempt.payment_intent_id)["status"] == "canceled"
    assert Basket.objects.get(pk=attempt.basket_id).status == "Open"


def test_cancelling_the_payment_gives_the_basket_back_and_allocates_nothing(client, rice):
    attempt = start_card_payment(client, rice)
    response = client.post(reverse("checkout:card-payment"))
    assert response["Location"] == reverse("basket:summary")
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.CANCELLED
    assert Basket.objects.get(pk=attempt.basket_id).status == "Open"
    assert stripe_peers.payment_intent(attempt.payment_intent_id)["status"] == "canceled"
    assert StockRecord.objects.get(product=rice).num_allocated in (None, 0)


def test_paid_but_sold_out_meanwhile_refunds_in_full_and_places_nothing(client, rice):
    attempt = start_card_payment(client, rice, 2)
    StockRecord.objects.filter(product=rice).update(num_in_stock=1)
    stripe_peers.pay(attempt.payment_intent_id)
    post_event(client, succeeded_event(attempt))
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.UNFULFILLABLE and not orders_for(attempt).exists()
    assert stripe_peers.payment_intent(attempt.payment_intent_id)["latest_charge"]["amount_refunded"] == \
        attempt.amount_in_minor_units


@pytest.mark.parametrize("header", [None, "t=1,v1=deadbeef", "garbage"])
def test_a_bad_or_missing_signature_is_refused_with_400(client, header):
    extra = {"HTTP_STRIPE_SIGNATURE": header} if header else {}
    response = client.post(reverse("payment:stripe-webhook"), b'{"id": "evt_x"}', content_type="application/json",
                           **extra)
    assert response.status_code == 400
    assert not StripeEvent.objects.filter(event_id="evt_x").exists()


def test_a_signature_made_with_another_secret_or_too_old_is_refused(client):
    event = {"id": "evt_forged", "type": "payment_intent.succeeded", "object": "event", "data": {"object": {}}}
    assert post_event(client, event, secret="whsec_someone_else").status_code == 400
    assert post_event(client, event, timestamp=1_000_000_000).status_code == 400
    assert post_event(client, event, timestamp=int(time.time()) + 3600).status_code == 400  # an hour ahead
    body, header = signed(event)
    tampered = body.replace(b"evt_forged", b"evt_forgeX")
    response = client.post(reverse("payment:stripe-webhook"), tampered, content_type="application/json",
                           HTTP_STRIPE_SIGNATURE=header)
    assert response.status_code == 400


def test_a_real_event_signed_an_hour_ahead_is_refused_and_one_signed_now_is_accepted(client, rice):
    attempt = start_card_payment(client, rice)
    stripe_peers.pay(attempt.payment_intent_id)
    event = succeeded_event(attempt)
    response = post_event(client, event, timestamp=int(time.time()) + 3600)
    assert response.status_code == 400 and b"future" in response.content
    assert not StripeEvent.objects.filter(event_id=event["id"]).exists() and not orders_for(attempt).exists()
    assert post_event(client, event, timestamp=int(time.time()) + 60).status_code == 200  # clock skew is fine
    assert orders_for(attempt).exists()
