"""Orders move from placed to delivered (or cancelled): each producer moves its own lines, staff move whole orders,
the order follows its lines, the stock follows the goods, and the buyer sees every change in its account and by
e-mail. Real cash-on-delivery orders placed through the checkout, on PostgreSQL."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from storefront.order.statuses import CANCELLED, CONFIRMED, DELIVERED, PENDING, SHIPPING
from storefront.partner.access import grant_producer_access
from tests import factories
from tests.integration.checkout.journey import GUEST_EMAIL, place_order, to_preview

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
CommunicationEvent = get_model("order", "CommunicationEvent")
User = get_user_model()

pytestmark = pytest.mark.django_db


class Shop:
    """Two producers, each with a user and a product; a signed-in buyer's cash-on-delivery order of both."""

    def __init__(self, client):
        self.tea_producer = factories.producer(name="HTX Chè Vòng đời thử", email="che-vongdoi@example.vn")
        self.honey_producer = factories.producer(name="HTX Mật ong Vòng đời thử", email="mat-vongdoi@example.vn")
        self.tea = factories.product(self.tea_producer, title="Chè vòng đời", price=200000, stock=10)
        self.honey = factories.product(self.honey_producer, title="Mật ong vòng đời", price=150000, stock=8)
        self.tea_user = self.producer_user(self.tea_producer, "che-user")
        self.honey_user = self.producer_user(self.honey_producer, "mat-user")
        self.staff = User.objects.create_user("orders-staff", "orders-staff@example.vn", "pw", is_staff=True)
        # Oscar 4.2's order dashboard asks staff for the order.view_order permission too
        self.staff.user_permissions.add(Permission.objects.get(content_type__app_label="order", codename="view_order"))
        self.buyer = User.objects.create_user("lifecycle-buyer", "nguoimua-vongdoi@example.vn", "pw")
        client.force_login(self.buyer)
        to_preview(client, [(self.tea, 2), (self.honey, 1)], email=None)
        assert place_order(client).status_code == 302
        self.order = Order.objects.get(lines__product=self.tea)
        self.tea_line = self.order.lines.get(product=self.tea)
        self.honey_line = self.order.lines.get(product=self.honey)
        self.client = client

    @staticmethod
    def producer_user(partner, name):
        user = User.objects.create_user(name, f"{name}@example.vn", "pw")
        grant_producer_access(user, partner)
        return user

    def as_user(self, user):
        self.client.force_login(user)
        return self.client

    def detail_url(self):
        return reverse("dashboard:order-detail", kwargs={"number": self.order.number})

    def move(self, user, lines, status, **extra):
        data = {"line_action": "change_line_statuses", "new_status": status,
                "selected_line": [line.pk for line in lines], **extra}
        for line in lines:
            data[f"selected_line_qty_{line.pk}"] = line.quantity
        return self.as_user(user).post(self.detail_url(), data)

    def move_order(self, status):
        return self.as_user(self.staff).post(self.detail_url(), {"order_action": "change_order_status",
                                                                 "new_status": status})

    def statuses(self):
        self.order.refresh_from_db()
        return self.order.status, {line.product_id: line.status for line in self.order.lines.all()}

    def stock(self, product):
        record = StockRecord.objects.get(product=product)
        return record.num_in_stock, record.num_allocated or 0


@pytest.fixture
def shop(client):
    return Shop(client)


def test_a_cash_order_and_its_lines_start_awaiting_confirmation(shop):
    assert shop.statuses() == (PENDING, {shop.tea.pk: PENDING, shop.honey.pk: PENDING})


def test_producers_move_their_own_lines_and_the_order_follows_to_delivered(shop):
    shop.move(shop.tea_user, [shop.tea_line], CONFIRMED)
    assert shop.statuses() == (PENDING, {shop.tea.pk: CONFIRMED, shop.honey.pk: PENDING})  # one parcel of two

    shop.move(shop.honey_user, [shop.honey_line], CONFIRMED)
    assert shop.statuses()[0] == CONFIRMED

    shop.move(shop.tea_user, [shop.tea_line], SHIPPING, reference="GHN-123456")
    assert shop.tea_line.shipping_events.get(event_type__code="shipped").notes == "GHN-123456"
    shop.move(shop.tea_user, [shop.tea_line], DELIVERED)
    assert shop.statuses() == (CONFIRMED, {shop.tea.pk: DELIVERED, shop.honey.pk: CONFIRMED})

    shop.move(shop.honey_user, [shop.honey_line], DELIVERED)  # straight to delivered: shipped on the way
    assert shop.statuses() == (DELIVERED, {shop.tea.pk: DELIVERED, shop.honey.pk: DELIVERED})
    assert list(shop.order.status_changes.values_list("new_status", flat=True).order_by("pk")) == [
        CONFIRMED, SHIPPING, DELIVERED]
    # delivered goods leave the stock for good; nothing stays reserved
    assert shop.stock(shop.tea) == (8, 0)
    assert shop.stock(shop.honey) == (7, 0)


def test_a_producer_cannot_move_another_producers_lines(shop):
    response = shop.move(shop.tea_user, [shop.honey_line], CANCELLED)
    assert response.status_code == 302
    assert shop.statuses() == (PENDING, {shop.tea.pk: PENDING, shop.honey.pk: PENDING})
    response = shop.move(shop.tea_user, [shop.tea_line, shop.honey_line], CONFIRMED)  # one of them not its own
    assert shop.statuses() == (PENDING, {shop.tea.pk: PENDING, shop.honey.pk: PENDING})
    assert shop.stock(shop.honey) == (8, 1)


def test_a_producer_cannot_move_the_whole_order(shop):
    shop.client.force_login(shop.tea_user)
    response = shop.client.post(shop.detail_url(), {"order_action": "change_order_status", "new_status": CONFIRMED})
    assert response.status_code == 403
    assert shop.statuses()[0] == PENDING


def test_a_line_never_goes_back_and_the_producer_is_told_why(shop):
    shop.move(shop.tea_user, [shop.tea_line], DELIVERED)
    response = shop.move(shop.tea_user, [shop.tea_line], CANCELLED)
    assert shop.statuses()[1][shop.tea.pk] == DELIVERED
    page = shop.client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "không thể chuyển" in page  # the refusal, in Vietnamese
    assert shop.stock(shop.tea) == (8, 0)  # the goods stay delivered


def test_staff_move_the_whole_order_with_oscars_status_form(shop):
    page = shop.as_user(shop.staff).get(shop.detail_url(), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "can't have its status changed" not in page and "không thể thay đổi" not in page
    assert f'value="{CONFIRMED}"' in page and "Đã xác nhận" in page  # stored value, Vietnamese label

    shop.move_order(CONFIRMED)
    assert shop.statuses() == (CONFIRMED, {shop.tea.pk: CONFIRMED, shop.honey.pk: CONFIRMED})
    shop.move_order(DELIVERED)  # not a step from confirmed: refused
    assert shop.statuses()[0] == CONFIRMED
    shop.move_order(SHIPPING)
    shop.move_order(DELIVERED)
    assert shop.statuses() == (DELIVERED, {shop.tea.pk: DELIVERED, shop.honey.pk: DELIVERED})
    assert shop.stock(shop.tea) == (8, 0)


def test_cancelling_the_order_returns_its_stock(shop):
    assert shop.stock(shop.tea) == (10, 2) and shop.stock(shop.honey) == (8, 1)
    shop.move_order(CANCELLED)
    assert shop.statuses() == (CANCELLED, {shop.tea.pk: CANCELLED, shop.honey.pk: CANCELLED})
    assert shop.stock(shop.tea) == (10, 0) and shop.stock(shop.honey) == (8, 0)


def test_a_parcel_that_comes_back_is_cancelled_and_its_stock_returns(shop):
    shop.move(shop.honey_user, [shop.honey_line], SHIPPING)
    shop.move(shop.honey_user, [shop.honey_line], CANCELLED)  # the buyer refused the parcel at the door
    assert shop.stock(shop.honey) == (8, 0)
    shop.move(shop.tea_user, [shop.tea_line], DELIVERED)
    assert shop.statuses() == (DELIVERED, {shop.tea.pk: DELIVERED, shop.honey.pk: CANCELLED})


def test_an_order_with_delivered_goods_cannot_be_cancelled_whole(shop):
    shop.move(shop.tea_user, [shop.tea_line], DELIVERED)
    shop.move(shop.honey_user, [shop.honey_line], SHIPPING)
    shop.move_order(CANCELLED)
    assert shop.statuses() == (SHIPPING, {shop.tea.pk: DELIVERED, shop.honey.pk: SHIPPING})


def test_the_buyer_is_emailed_each_change_in_vietnamese(shop, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        shop.move(shop.tea_user, [shop.tea_line], SHIPPING, reference="VTP-42")
    [message] = [m for m in mail.outbox if m.to == [shop.buyer.email]]
    assert shop.order.number in message.subject
    assert "HTX Chè Vòng đời thử: Đang giao" in message.body
    assert "Mật ong vòng đời" in message.body  # the whole order, each parcel with its status
    assert "Tiền mặt trả cho người giao hàng" in message.body  # cash on delivery: what to have ready
    assert CommunicationEvent.objects.filter(order=shop.order, event_type__code="ORDER_STATUS_CHANGED").exists()

    with django_capture_on_commit_callbacks(execute=True):
        shop.move_order(CANCELLED)
    assert "Đã hủy" in mail.outbox[-1].subject


def test_the_buyer_sees_each_parcels_status_in_the_account(shop):
    shop.move(shop.tea_user, [shop.tea_line], SHIPPING)
    shop.client.force_login(shop.buyer)
    page = shop.client.get(reverse("customer:order", kwargs={"order_number": shop.order.number}),
                           HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert page.count('class="ocop-producer-group"') == 2
    tea_part = page[page.index('data-producer="HTX Chè Vòng đời thử"'):page.index('data-producer="HTX Mật ong')]
    honey_part = page[page.index('data-producer="HTX Mật ong'):]
    assert "Đang giao" in tea_part and "Chờ xác nhận" in honey_part


def test_producer_and_staff_see_the_cash_each_courier_collects(shop):
    tea_cash, honey_cash = "430.000", "180.000"  # the order's shipping was charged at 30.000 ₫ per parcel
    shipments = {s.producer_id: s.charge for s in shop.order.shipments.all()}
    assert shipments == {shop.tea_producer.pk: Decimal(30000), shop.honey_producer.pk: Decimal(30000)}

    producer_page = shop.as_user(shop.tea_user).get(shop.detail_url()).content.decode()
    assert tea_cash in producer_page and honey_cash not in producer_page
    listing = shop.client.get(reverse("dashboard:order-list")).content.decode()
    assert tea_cash in listing and "Chờ xác nhận" in listing

    staff_page = shop.as_user(shop.staff).get(shop.detail_url()).content.decode()
    assert tea_cash in staff_page and honey_cash in staff_page

    shop.move(shop.honey_user, [shop.honey_line], CANCELLED)
    staff_page = shop.as_user(shop.staff).get(shop.detail_url()).content.decode()
    parcels = staff_page[staff_page.index("producer-parcels"):]
    assert honey_cash not in parcels  # nothing to collect for a cancelled parcel


def test_staff_move_orders_in_bulk_from_the_order_list_in_vietnamese(shop):
    client = shop.as_user(shop.staff)
    page = client.get(reverse("dashboard:order-list")).content.decode()
    assert "Chờ xác nhận" in page and f'<option value="{CONFIRMED}">Đã xác nhận</option>' in page
    client.post(reverse("dashboard:order-list"), {"action": "change_order_statuses", "new_status": CONFIRMED,
                                                  "selected_order": [shop.order.pk]})
    assert shop.statuses() == (CONFIRMED, {shop.tea.pk: CONFIRMED, shop.honey.pk: CONFIRMED})
    response = client.post(reverse("dashboard:order-list"), {"action": "change_order_statuses",
                                                             "new_status": "Refunded",
                                                             "selected_order": [shop.order.pk]})
    assert response.status_code == 302 and shop.statuses()[0] == CONFIRMED  # never picked from a form


def test_a_guest_follows_the_order_at_the_link_in_the_email(client):
    product = factories.product(factories.producer(name="HTX Khách vãng lai thử"), title="Gạo khách thử")
    to_preview(client, [(product, 1)])  # a guest: no account
    place_order(client)
    order = Order.objects.get(lines__product=product)
    url = reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})
    ask_for_email = client.get(url)["Location"]  # Oscar asks the guest for the order's e-mail address first
    page = client.post(ask_for_email, {"email": GUEST_EMAIL}, follow=True, HTTP_ACCEPT_LANGUAGE="vi")
    page = page.content.decode()
    assert 'class="ocop-order-status">Chờ xác nhận<' in page and "HTX Khách vãng lai thử" in page
