"""Staff refunds through Stripe (localstripe), and `charge.refunded` events kept idempotent."""

from decimal import Decimal

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.core.loading import get_model

from tests import factories, stripe_peers

from .journey import place_order, post_event, to_preview
from .test_card_payments import come_back, start_card_payment

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_order(client):
    product = factories.product(factories.producer(), title="Mật ong thử", price=250000, stock=5)
    attempt = start_card_payment(client, product, 2)  # 500.000 ₫, ships free
    stripe_peers.pay(attempt.payment_intent_id)
    come_back(client, attempt)
    return Order.objects.get(number=attempt.order_number)


@pytest.fixture
def staff_client(client):
    client.logout()
    staff = get_user_model().objects.create_user("refunds@example.vn", "refunds@example.vn", "pw", is_staff=True)
    client.force_login(staff)
    return client


def refund_url(order):
    return reverse("payment:refund", kwargs={"order_number": order.number})


def charge_refunded_event(order, suffix=""):
    charge = stripe_peers.payment_intent(order.sources.get().reference)["latest_charge"]
    return {"id": f"evt_refund_{charge['id']}_{charge['amount_refunded']}{suffix}", "object": "event",
            "type": "charge.refunded", "data": {"object": charge}}


def test_buyers_cannot_open_the_refund_page(client, paid_order):
    response = client.get(refund_url(paid_order))
    assert response.status_code == 302 and "login" in response["Location"]


def test_staff_refund_part_then_the_rest(staff_client, paid_order):
    total = paid_order.total_incl_tax
    response = staff_client.post(refund_url(paid_order), {"amount": "100000"})
    assert response.status_code == 302
    paid_order.refresh_from_db()
    assert paid_order.status == "Paid"  # a part refund is a payment event; the order carries on (docs/orders.md)
    source = paid_order.sources.get()
    assert source.amount_refunded == Decimal(100000)
    assert stripe_peers.payment_intent(source.reference)["latest_charge"]["amount_refunded"] == 100000
    staff_client.post(refund_url(paid_order), {"amount": str(int(total - 100000))})
    paid_order.refresh_from_db()
    assert paid_order.status == "Refunded"
    assert set(paid_order.lines.values_list("status", flat=True)) == {"Refunded"}
    refunds = paid_order.payment_events.exclude(event_type__name="Paid").order_by("pk")
    assert list(refunds.values_list("event_type__name", "amount")) == [
        ("Partially refunded", Decimal(100000)), ("Refunded", total - 100000)]


def test_more_than_was_paid_is_a_form_error(staff_client, paid_order):
    response = staff_client.post(refund_url(paid_order), {"amount": "99999999"})
    assert response.status_code == 200 and response.context["form"].errors
    assert paid_order.sources.get().amount_refunded == 0


def test_charge_refunded_events_update_the_order_once_in_any_order(client, paid_order):
    source = paid_order.sources.get()
    requests.post(f"{stripe_peers.localstripe_url()}/v1/refunds", auth=stripe_peers.BUYER_SIDE, timeout=10,
                  data={"payment_intent": source.reference, "amount": 200000}).raise_for_status()
    first = charge_refunded_event(paid_order)
    requests.post(f"{stripe_peers.localstripe_url()}/v1/refunds", auth=stripe_peers.BUYER_SIDE, timeout=10,
                  data={"payment_intent": source.reference, "amount": 300000}).raise_for_status()
    second = charge_refunded_event(paid_order)
    assert post_event(client, second).status_code == 200  # the later total arrives first
    assert post_event(client, first).status_code == 200  # then the older one: nothing to add
    assert post_event(client, second).status_code == 200  # and a replay
    paid_order.refresh_from_db()
    assert paid_order.status == "Refunded"
    assert paid_order.sources.get().amount_refunded == paid_order.total_incl_tax
    assert paid_order.payment_events.filter(event_type__name="Refunded").count() == 1


def test_the_dashboard_order_page_offers_a_stripe_refund_only_for_card_payments(client, paid_order):
    product = factories.product(factories.producer(), title="Chè thử COD", price=120000, stock=5)
    client.logout()
    to_preview(client, [(product, 1)], method="cod")
    place_order(client)
    cod_order = Order.objects.get(lines__product=product)
    staff = get_user_model().objects.create_user("orders@example.vn", "orders@example.vn", "pw", is_staff=True)
    # Oscar 4.2's order dashboard asks staff for the order.view_order permission too
    staff.user_permissions.add(Permission.objects.get(content_type__app_label="order", codename="view_order"))
    client.force_login(staff)

    def dashboard_page(order):
        return client.get(reverse("dashboard:order-detail", kwargs={"number": order.number})).content.decode()

    assert refund_url(paid_order) in dashboard_page(paid_order)
    assert refund_url(cod_order) not in dashboard_page(cod_order)
