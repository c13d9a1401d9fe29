"""`load_demo --orders N`: past orders across the two years before the demo's today, as the checkout would have
left them (lines at the stock records' prices, one parcel per producer, card or cash sources, status history),
without touching stock or the demo accounts, and never doubled by running it again."""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from storefront.checkout.payment_methods import COD_SOURCE
from storefront.demo.orders import DEMO_PREFIX, add_demo_orders
from storefront.ocop.lunar import tet
from storefront.ocop.models import Province
from storefront.order.statuses import CANCELLED, DELIVERED, REFUNDED
from storefront.payment.placement import CARD_SOURCE
from tests.demo_clock import DEMO_DAY

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")
Source = get_model("payment", "Source")
PaymentEvent = get_model("order", "PaymentEvent")
OrderStatusChange = get_model("order", "OrderStatusChange")
OrderShipment = get_model("shipping", "OrderShipment")


N = 1500


@pytest.fixture
def demo_orders(demo_today):
    stock_before = list(StockRecord.objects.order_by("pk").values_list("pk", "num_in_stock", "num_allocated"))
    orders_before = Order.objects.count()
    assert add_demo_orders(N, DEMO_DAY) == N
    return {"stock": stock_before, "orders_before": orders_before}


def demo():
    return Order.objects.filter(number__startswith=DEMO_PREFIX)


def test_the_orders_are_placed_in_the_24_months_before_today_busiest_before_tet(demo_orders):
    assert demo().count() == N
    local_days = [timezone.localtime(placed).date() for placed in demo().values_list("date_placed", flat=True)]
    assert min(local_days) >= DEMO_DAY - timedelta(days=730) and max(local_days) < DEMO_DAY
    months = Counter((day.year, day.month) for day in local_days)
    assert len(months) >= 24
    last_tet = tet(DEMO_DAY.year) if tet(DEMO_DAY.year) < DEMO_DAY else tet(DEMO_DAY.year - 1)
    rush = last_tet - timedelta(days=30)
    rush_orders = sum(rush <= day < last_tet for day in local_days)
    autumn = sum(rush - timedelta(days=120) <= day < rush - timedelta(days=90) for day in local_days)
    assert rush_orders > 2 * autumn > 0


def test_each_order_total_is_its_lines_and_parcels_at_the_stock_records_prices(demo_orders):
    for order in demo().prefetch_related("lines__stockrecord", "shipments")[:300]:
        lines = list(order.lines.all())
        assert 1 <= len(lines) <= 4
        goods = sum(line.line_price_incl_tax for line in lines)
        shipping = sum(shipment.charge for shipment in order.shipments.all())
        assert order.total_incl_tax == goods + shipping and order.shipping_incl_tax == shipping
        assert {shipment.producer_id for shipment in order.shipments.all()} == {line.partner_id for line in lines}
        for line in lines:
            assert line.unit_price_incl_tax == line.stockrecord.price
            assert line.line_price_incl_tax == line.stockrecord.price * line.quantity
            assert line.line_price_incl_tax == int(line.line_price_incl_tax)  # whole đồng


def test_orders_spread_across_provinces_stars_payments_and_endings(demo_orders):
    orders = demo()
    assert orders.values("shipping_address__state").distinct().count() >= 20
    assert set(orders.values_list("shipping_address__state", flat=True)) <= set(
        Province.objects.values_list("full_name", flat=True))
    lines = Line.objects.filter(order__in=orders)
    assert lines.values("partner__province").distinct().count() >= 10
    assert set(lines.values_list("product__current_certificate__stars", flat=True)) >= {3, 4, 5}
    sources = Counter(Source.objects.filter(order__in=orders).values_list("source_type__name", flat=True))
    assert sources.keys() == {CARD_SOURCE, COD_SOURCE} and sum(sources.values()) == N
    endings = Counter(orders.values_list("status", flat=True))
    assert endings.keys() == {DELIVERED, CANCELLED, REFUNDED}
    assert endings[DELIVERED] > 0.8 * N
    # only a card payment is refunded, in full, with the refund event the refund records write
    refunded = orders.filter(status=REFUNDED)
    assert not refunded.exclude(sources__source_type__name=CARD_SOURCE).exists()
    assert refunded.filter(sources__amount_refunded=F("total_incl_tax")).count() == refunded.count()
    assert (PaymentEvent.objects.filter(order__in=refunded, event_type__name="Refunded")
            .aggregate(total=Sum("amount"))["total"] == refunded.aggregate(total=Sum("total_incl_tax"))["total"])
    assert not Line.objects.filter(order__in=orders).exclude(status=F("order__status")).exists()


def test_status_history_follows_each_order_after_it_was_placed(demo_orders):
    changes = OrderStatusChange.objects.filter(order__in=demo())
    assert not changes.filter(date_created__lte=F("order__date_placed")).exists()
    last_steps = changes.filter(new_status=F("order__status")).values("order").distinct().count()
    assert last_steps == N


def test_stock_and_the_demo_accounts_are_untouched(demo_orders):
    assert list(StockRecord.objects.order_by("pk").values_list("pk", "num_in_stock", "num_allocated")) == \
        demo_orders["stock"]
    assert not demo().filter(user__isnull=False).exists()
    assert Order.objects.count() == demo_orders["orders_before"] + N


def test_running_it_again_tops_up_to_n_instead_of_doubling(demo_orders):
    first = list(demo().order_by("number").values_list("number", "total_incl_tax"))
    assert add_demo_orders(N, DEMO_DAY) == 0
    assert add_demo_orders(N + 10, DEMO_DAY) == 10
    assert list(demo().order_by("number").values_list("number", "total_incl_tax"))[:N] == first
    assert demo().count() == N + 10


def test_the_same_seed_gives_the_same_orders(demo_today):
    add_demo_orders(200, DEMO_DAY)
    first = list(demo().order_by("number").values_list("number", "date_placed", "total_incl_tax", "status"))
    demo().delete()
    add_demo_orders(200, DEMO_DAY)
    assert list(demo().order_by("number").values_list("number", "date_placed", "total_incl_tax", "status")) == first


def test_a_negative_count_is_refused():
    with pytest.raises(CommandError, match="--orders"):
        call_command("load_demo", "--orders", "-1", stdout=StringIO())
