"""The amount and the goods are fixed together when the buyer is sent to pay. Whatever order "cancel", "change
the basket", Stripe's webhook and the return page arrive in, the buyer gets the frozen goods for what was paid,
or all the money back (flagged to staff): never a bigger basket than was paid for. Against localstripe."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from tests import factories, stripe_peers

from .journey import add_to_basket, place_order, post_event, to_preview

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
PaymentAttempt = get_model("payment", "PaymentAttempt")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    """The security report's numbers: a 1.150.000 ₫ basket paid for; another producer's 4.900.000 ₫ product to
    grow the basket with (shipping is free above 500.000 ₫ by the default tariff)."""
    class Shop:
        paid_for = factories.product(factories.producer(email="che@example.vn"), title="Trà shan tuyết cổ thụ",
                                     price=1_150_000, stock=10)
        extra = factories.product(factories.producer(email="yen@example.vn"), title="Yến sào hộp quà",
                                  price=4_900_000, stock=10)
    return Shop


def start_card_payment(client, product):
    to_preview(client, [(product, 1)], method="card")
    response = place_order(client)
    assert response["Location"] == reverse("checkout:card-payment"), response
    attempt = PaymentAttempt.objects.get(basket__lines__product=product, status=PaymentAttempt.PENDING)
    assert stripe_peers.payment_intent(attempt.payment_intent_id)["amount"] == 1_150_000
    return attempt


def cancel(client):
    return client.post(reverse("checkout:card-payment"))


def come_back(client, attempt):
    return client.get(reverse("checkout:card-return"), {"payment_intent": attempt.payment_intent_id,
                                                         "redirect_status": "succeeded"})


def webhook(client, attempt):
    (event,) = stripe_peers.events_for(attempt.payment_intent_id, "payment_intent.succeeded")
    assert post_event(client, event).status_code == 200


def grow_basket(client, shop):
    add_to_basket(client, shop.extra, 1)


def refunded(attempt):
    return stripe_peers.payment_intent(attempt.payment_intent_id)["latest_charge"]["amount_refunded"]


def assert_only_the_paid_goods_were_ordered(attempt, shop):
    order = Order.objects.get(number=attempt.order_number)
    assert order.total_incl_tax == 1_150_000 == order.sources.get().amount_debited
    assert [(line.product_id, line.quantity) for line in order.lines.all()] == [(shop.paid_for.pk, 1)]
    assert not Order.objects.filter(lines__product=shop.extra).exists()
    assert refunded(attempt) == 0
    return order


def test_the_reported_attack_pay_cancel_grow_webhook_gets_only_the_paid_goods(client, shop):
    attempt = start_card_payment(client, shop.paid_for)
    assert stripe_peers.pay(attempt.payment_intent_id) == "succeeded"
    response = cancel(client)
    assert response["Location"] == reverse("checkout:thank-you")  # Stripe says paid: no cancelling, the order
    grow_basket(client, shop)
    webhook(client, attempt)
    assert_only_the_paid_goods_were_ordered(attempt, shop)
    live = Basket.objects.filter(lines__product=shop.extra).get()
    assert live.status == "Open" and live.pk != attempt.basket_id  # the grown basket is a new, unpaid one


def test_pay_grow_webhook_then_cancel_orders_the_frozen_basket_and_cancel_changes_nothing(client, shop):
    attempt = start_card_payment(client, shop.paid_for)
    stripe_peers.pay(attempt.payment_intent_id)
    grow_basket(client, shop)  # the frozen basket is not the buyer's basket any more: this is a new one
    webhook(client, attempt)
    assert cancel(client)["Location"] == reverse("checkout:thank-you")
    assert_only_the_paid_goods_were_ordered(attempt, shop)
    assert Basket.objects.get(pk=attempt.basket_id).status == "Submitted"


def test_pay_return_then_cancel_and_webhook_keep_one_order(client, shop):
    attempt = start_card_payment(client, shop.paid_for)
    stripe_peers.pay(attempt.payment_intent_id)
    assert come_back(client, attempt)["Location"] == reverse("checkout:thank-you")
    grow_basket(client, shop)
    cancel(client)
    webhook(client, attempt)
    assert_only_the_paid_goods_were_ordered(attempt, shop)
    assert Order.objects.filter(number=attempt.order_number).count() == 1


def test_cancel_before_paying_cancels_at_stripe_so_the_old_payment_cannot_buy_the_grown_basket(client, shop):
    attempt = start_card_payment(client, shop.paid_for)
    response = cancel(client)
    assert response["Location"] == reverse("basket:summary")
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.CANCELLED
    assert stripe_peers.payment_intent(attempt.payment_intent_id)["status"] == "canceled"
    assert Basket.objects.get(pk=attempt.basket_id).status == "Open"
    grow_basket(client, shop)
    assert stripe_peers.pay(attempt.payment_intent_id) != "succeeded"  # Stripe refuses a cancelled intent
    assert stripe_peers.events_for(attempt.payment_intent_id, "payment_intent.succeeded") == []
    assert come_back(client, attempt)["Location"] == reverse("basket:summary")
    assert not Order.objects.filter(number=attempt.order_number).exists()


def test_a_payment_arriving_for_a_cancelled_attempt_is_refunded_in_full_and_flagged(client, shop):
    """Cancelled here while the money went through at Stripe (the old code's cancel did exactly this): the
    basket was given back and grown, so the payment buys nothing and goes back."""
    attempt = start_card_payment(client, shop.paid_for)
    stripe_peers.pay(attempt.payment_intent_id)
    PaymentAttempt.objects.filter(pk=attempt.pk).update(status=PaymentAttempt.CANCELLED)
    basket = Basket.objects.get(pk=attempt.basket_id)
    basket.strategy = Selector().strategy()
    basket.thaw()
    basket.add_product(shop.extra, 1)  # the reproduction: the given-back basket grows to 6.050.000 ₫
    webhook(client, attempt)
    come_back(client, attempt)
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.UNFULFILLABLE and "cancelled" in attempt.problem
    assert not Order.objects.filter(number=attempt.order_number).exists()
    assert refunded(attempt) == 1_150_000


def test_a_frozen_basket_changed_behind_the_payment_is_refunded_not_ordered(client, shop):
    attempt = start_card_payment(client, shop.paid_for)
    stripe_peers.pay(attempt.payment_intent_id)
    Basket.objects.get(pk=attempt.basket_id).lines.update(quantity=5)  # still "Frozen", but not what was paid
    webhook(client, attempt)
    attempt.refresh_from_db()
    # staff read the reason in the site's language (Vietnamese): "Giỏ hàng đã bị thay đổi …"
    assert attempt.status == PaymentAttempt.UNFULFILLABLE and "thay đổi" in attempt.problem
    assert not Order.objects.filter(number=attempt.order_number).exists()
    assert refunded(attempt) == 1_150_000
    assert StockRecord.objects.get(product=shop.paid_for).num_allocated in (None, 0)


def test_a_price_edited_while_the_buyer_pays_changes_neither_the_order_nor_the_payment(client, shop):
    attempt = start_card_payment(client, shop.paid_for)
    StockRecord.objects.filter(product=shop.paid_for).update(price=2_000_000)
    stripe_peers.pay(attempt.payment_intent_id)
    webhook(client, attempt)
    order = assert_only_the_paid_goods_were_ordered(attempt, shop)
    assert order.lines.get().unit_price_incl_tax == 1_150_000


def test_cancelling_while_stripe_cannot_be_reached_keeps_the_payment_open(client, shop, settings):
    attempt = start_card_payment(client, shop.paid_for)
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens on the discard port
    response = cancel(client)
    assert response["Location"] == reverse("checkout:card-payment")
    attempt.refresh_from_db()
    assert attempt.status == PaymentAttempt.PENDING
    assert Basket.objects.get(pk=attempt.basket_id).status == "Frozen"


def test_staff_see_refunded_payments_in_the_dashboard_and_buyers_do_not(client, shop, admin_client):
    attempt = start_card_payment(client, shop.paid_for)
    stripe_peers.pay(attempt.payment_intent_id)
    Basket.objects.get(pk=attempt.basket_id).lines.update(quantity=3)
    webhook(client, attempt)
    body = admin_client.get(reverse("payment:flagged")).content.decode()
    assert attempt.order_number in body and attempt.payment_intent_id in body
    assert reverse("payment:flagged") in admin_client.get(reverse("dashboard:index")).content.decode()
    assert client.get(reverse("payment:flagged")).status_code == 302  # to the login page
