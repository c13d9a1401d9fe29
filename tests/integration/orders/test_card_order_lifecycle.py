"""A card order: paid orders are cancelled by refunding them, which returns their stock (localstripe)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.core.loading import get_model

from storefront.order.statuses import CANCELLED, CONFIRMED, PAID, PENDING, REFUNDED
from tests import factories, stripe_peers
from tests.integration.checkout.test_card_payments import come_back, start_card_payment

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_order(client):
    product = factories.product(factories.producer(), title="Mật ong thẻ vòng đời", price=250000, stock=5)
    attempt = start_card_payment(client, product, 2)
    stripe_peers.pay(attempt.payment_intent_id)
    come_back(client, attempt)
    return Order.objects.get(number=attempt.order_number)


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("card-staff", "card-staff@example.vn", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="order", codename="view_order"))
    client.force_login(user)
    return client


def stock_of(order):
    record = StockRecord.objects.get(pk=order.lines.get().stockrecord_id)
    return record.num_in_stock, record.num_allocated or 0


def test_a_card_order_starts_paid_and_staff_are_not_offered_to_cancel_it(staff, paid_order):
    assert paid_order.status == PAID and paid_order.lines.get().status == PENDING
    url = reverse("dashboard:order-detail", kwargs={"number": paid_order.number})
    form = staff.get(url).context["order_status_form"]
    assert [value for value, __ in form.fields["new_status"].choices] == [CONFIRMED]
    staff.post(url, {"order_action": "change_order_status", "new_status": CANCELLED})  # a forged form
    paid_order.refresh_from_db()
    assert paid_order.status == PAID and stock_of(paid_order) == (5, 2)


def test_a_full_refund_moves_a_confirmed_card_order_to_refunded_and_returns_its_stock(staff, paid_order):
    url = reverse("dashboard:order-detail", kwargs={"number": paid_order.number})
    staff.post(url, {"order_action": "change_order_status", "new_status": CONFIRMED})
    paid_order.refresh_from_db()
    assert paid_order.status == CONFIRMED
    staff.post(reverse("payment:refund", kwargs={"order_number": paid_order.number}),
               {"amount": str(int(paid_order.total_incl_tax))})
    paid_order.refresh_from_db()
    assert paid_order.status == REFUNDED and paid_order.lines.get().status == REFUNDED
    assert stock_of(paid_order) == (5, 0)
    assert list(paid_order.status_changes.values_list("new_status", flat=True).order_by("pk")) == [
        CONFIRMED, REFUNDED]
