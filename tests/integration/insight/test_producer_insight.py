"""The producer's insight page from known fixtures: two producers' orders on a frozen date (15/11/2026), each
producer sees its own totals only; its best seller of the last three months; low stock; certificate dates;
inquiries and booth applications; exports; access and the bounded query count."""

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory, OrderLineFactory
from openpyxl import load_workbook

from cms.models import FairPage
from storefront.inquiries.models import Inquiry
from storefront.insight.period import Period
from storefront.insight.producer import DEFAULT_LOW_STOCK_THRESHOLD, headline, producer_tables
from storefront.insight.tables import find
from storefront.partner.access import grant_producer_access
from storefront.tradedesk.models import BoothApplication
from tests import factories

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 11, 15)
URL = "/dashboard/insight/mine/"


def placed(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=VN)


def sell(when, *lines, status="Pending", number=None):
    """One order placed `when` with (product, quantity, line total in đồng) lines."""
    order = OrderFactory(number=number or f"INS-{next(_numbers)}", date_placed=when, status=status,
                         currency="VND", total_incl_tax=Decimal(0), total_excl_tax=Decimal(0))
    for item, quantity, total in lines:
        stockrecord = item.stockrecords.get()
        OrderLineFactory(order=order, product=item, partner=stockrecord.partner,
                         partner_name=stockrecord.partner.name, partner_sku=stockrecord.partner_sku,
                         title=item.title, stockrecord=stockrecord, quantity=quantity, status="Pending",
                         line_price_incl_tax=Decimal(total), line_price_excl_tax=Decimal(total),
                         line_price_before_discounts_incl_tax=Decimal(total),
                         line_price_before_discounts_excl_tax=Decimal(total),
                         unit_price_incl_tax=Decimal(total) / quantity, unit_price_excl_tax=Decimal(total) / quantity)
    return order


_numbers = iter(range(1, 1_000_000))


class Shop:
    """Producer P (honey and tea, with a user) and producer Q (fish sauce). Honey sold most over the year, tea
    over the last three months (September to November 2026)."""

    def __init__(self):
        self.p = factories.producer(name="HTX Ong mật Thử")
        self.q = factories.producer(name="HTX Nước mắm Thử")
        self.user = get_user_model().objects.create_user(username="p-user", email="p@example.vn", password="x-pass-123")
        grant_producer_access(self.user, self.p)
        self.honey = factories.product(self.p, title="Mật ong hoa nhãn", price=100000, stock=50)
        self.tea = factories.product(self.p, title="Trà shan tuyết", price=100000, stock=3)
        self.sauce = factories.product(self.q, title="Nước mắm cá cơm QMARK", price=999000, stock=2)
        sell(placed(2026, 3, 10), (self.honey, 10, 1_000_000))
        sell(placed(2026, 9, 20), (self.tea, 5, 500_000))
        sell(placed(2026, 10, 5), (self.honey, 2, 200_000), (self.sauce, 3, 2_997_000))  # both producers
        sell(placed(2026, 11, 2), (self.tea, 1, 100_000))
        sell(placed(2026, 10, 8), (self.honey, 40, 4_000_000), status="Cancelled")  # never counts
        sell(placed(2026, 10, 9), (self.sauce, 1, 999_000))


@pytest.fixture
def frozen():
    with time_machine.travel(datetime(2026, 11, 15, 12, tzinfo=VN), tick=False) as traveller:
        yield traveller


@pytest.fixture
def shop(frozen):
    return Shop()


@pytest.fixture
def as_p(client, shop):
    client.force_login(shop.user)
    return client


def tables_of(producer):
    return producer_tables(producer, Period.default(TODAY), TODAY)


def test_each_producer_sees_only_its_own_revenue_by_month(shop):
    p_months = {row[0]: row[1:] for row in find(tables_of(shop.p), "revenue-by-month").rows}
    assert len(p_months) == 12 and min(p_months) == date(2025, 12, 1) and max(p_months) == date(2026, 11, 1)
    assert p_months[date(2026, 3, 1)] == (1_000_000, 1, 10)
    assert p_months[date(2026, 9, 1)] == (500_000, 1, 5)
    assert p_months[date(2026, 10, 1)] == (200_000, 1, 2)  # the cancelled order and Q's lines left out
    assert p_months[date(2026, 11, 1)] == (100_000, 1, 1)
    assert sum(revenue for revenue, _orders, _units in p_months.values()) == 1_800_000
    q_months = {row[0]: row[1:] for row in find(tables_of(shop.q), "revenue-by-month").rows}
    assert q_months[date(2026, 10, 1)] == (3_996_000, 2, 4)
    assert sum(revenue for revenue, _orders, _units in q_months.values()) == 3_996_000


def test_revenue_by_product_ranks_the_period_best_first(shop):
    table = find(tables_of(shop.p), "revenue-by-product")
    assert table.rows == (("Mật ong hoa nhãn", 12, 2, 1_200_000), ("Trà shan tuyết", 6, 2, 600_000))
    assert table.links == (reverse("dashboard:catalogue-product", kwargs={"pk": shop.honey.pk}),
                           reverse("dashboard:catalogue-product", kwargs={"pk": shop.tea.pk}))


def test_the_best_seller_of_the_last_three_months_is_not_the_best_of_the_year(shop):
    tables = tables_of(shop.p)
    best = find(tables, "best-sellers")
    assert best.rows == (("Trà shan tuyết", 6, 2, 600_000), ("Mật ong hoa nhãn", 2, 1, 200_000))
    assert "09/2026" in best.note and "11/2026" in best.note
    top = headline(tables)
    assert (top.title, top.revenue, top.units) == ("Trà shan tuyết", 600_000, 6)
    assert top.link == reverse("dashboard:catalogue-product", kwargs={"pk": shop.tea.pk})


def test_a_sale_counts_in_the_month_it_was_placed_in_vietnam(shop):
    late = factories.product(shop.p, title="Bánh pía nửa đêm", price=10000)
    sell(placed(2026, 8, 31, 23, 30), (late, 1, 10_000))  # 16:30 UTC on the 31st: August
    sell(placed(2026, 9, 1, 0, 30), (late, 2, 20_000))  # 17:30 UTC on 31 August, but September here
    months = {row[0]: row[1] for row in find(tables_of(shop.p), "revenue-by-month").rows}
    assert months[date(2026, 8, 1)] == 10_000
    assert months[date(2026, 9, 1)] == 500_000 + 20_000
    best = dict((row[0], row[3]) for row in find(tables_of(shop.p), "best-sellers").rows)
    assert best["Bánh pía nửa đêm"] == 20_000  # only the September sale is in the last three months


def test_a_producer_with_no_sales_has_no_headline(shop):
    quiet = factories.producer(name="HTX Chưa bán")
    tables = tables_of(quiet)
    assert headline(tables) is None
    assert all(row[1:] == (0, 0, 0) for row in find(tables, "revenue-by-month").rows)


def test_low_stock_uses_the_records_own_threshold_or_the_default(shop):
    honey = shop.honey.stockrecords.get()
    honey.low_stock_threshold = 60  # 50 in stock: low by its own threshold
    honey.save()
    reserved = factories.product(shop.p, title="Mứt gừng", stock=8)
    reserved.stockrecords.update(num_allocated=4)  # 4 available, under the default
    factories.product(shop.p, title="Kẹo dừa", stock=DEFAULT_LOW_STOCK_THRESHOLD)  # not under it
    table = find(tables_of(shop.p), "low-stock")
    assert [row[0] for row in table.rows] == ["Trà shan tuyết", "Mứt gừng", "Mật ong hoa nhãn"]
    assert [row[2:] for row in table.rows] == [(3, DEFAULT_LOW_STOCK_THRESHOLD), (4, DEFAULT_LOW_STOCK_THRESHOLD),
                                               (50, 60)]
    assert all("QMARK" not in row[0] for row in table.rows)  # Q's 2 units are Q's business


def test_certificate_dates_are_the_rules_dates(shop):
    in_window = factories.certificate(shop.honey, number="CERT-HONEY", issued_on=date(2024, 4, 1),
                                      rule_set="148/2023")
    valid = factories.certificate(shop.tea, number="CERT-TEA", issued_on=date(2026, 6, 1))
    factories.certificate(shop.sauce, number="CERT-QMARK", issued_on=date(2026, 6, 1))
    table = find(tables_of(shop.p), "certificates")
    rows = {row[0]: row for row in table.rows}
    assert set(rows) == {"CERT-HONEY", "CERT-TEA"}
    honey = rows["CERT-HONEY"]
    assert honey[3:6] == (date(2024, 4, 1), in_window.valid_until - timedelta(days=180), date(2027, 4, 1))
    assert honey[6] == "Còn hiệu lực, trong thời hạn gia hạn"
    assert rows["CERT-TEA"][5] == valid.valid_until == date(2029, 6, 1)
    assert rows["CERT-TEA"][6] == "Còn hiệu lực"
    assert table.rows[0][0] == "CERT-HONEY"  # soonest expiry first
    assert table.links[0] == reverse("ocop:verify", kwargs={"number": "CERT-HONEY"})


def inquiry(producer, item, status, created_at):
    return Inquiry.objects.create(
        product=item, producer=producer, company="Công ty TNHH Thử", tax_code="0300588569", contact_name="Lan",
        email="lan@example.vn", quantity=10, unit="box", destination_country="VN",
        destination_province=producer.province, needed_by=date(2027, 1, 31), message="Báo giá", language="vi",
        status=status, created_at=created_at)


def test_inquiries_are_counted_by_status_and_link_to_the_filtered_list(shop):
    inquiry(shop.p, shop.honey, Inquiry.Status.OPEN, placed(2026, 11, 1))
    inquiry(shop.p, shop.tea, Inquiry.Status.OPEN, placed(2026, 10, 1))
    inquiry(shop.p, shop.tea, Inquiry.Status.CLOSED, placed(2026, 6, 1))
    inquiry(shop.p, shop.tea, Inquiry.Status.OPEN, placed(2025, 1, 1))  # before the period
    inquiry(shop.q, shop.sauce, Inquiry.Status.OPEN, placed(2026, 11, 1))
    table = find(tables_of(shop.p), "inquiries")
    counts = dict(zip(Inquiry.Status.values, (row[1] for row in table.rows)))
    assert counts[Inquiry.Status.OPEN] == 2 and counts[Inquiry.Status.CLOSED] == 1
    assert sum(counts.values()) == 3
    assert table.links[0] == reverse("dashboard:inquiry-list") + f"?status={Inquiry.Status.values[0]}"


def test_booth_applications_are_listed_with_their_state(shop):
    fair = FairPage.objects.filter(booth_capacity__gt=0).first()
    application = BoothApplication.objects.create(
        fair=fair, producer=shop.p, size=fair.booth_sizes.first(), contact_name="Lan", contact_phone="0900000000",
        state="waitlisted")
    BoothApplication.objects.create(fair=fair, producer=shop.q, size=fair.booth_sizes.first(),
                                    contact_name="QMARK", contact_phone="0900000001")
    table = find(tables_of(shop.p), "booth-applications")
    assert table.rows == ((fair.title, fair.starts_on, application.get_state_display(), ""),)
    assert table.links == (reverse("dashboard:booth-application", kwargs={"pk": application.pk}),)


# --- the page -----------------------------------------------------------------------------------------

def test_the_producer_page_shows_its_best_seller_and_its_own_numbers_only(as_p, shop):
    response = as_p.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Trà shan tuyết" in body and "600.000" in body
    for slug in ("best-sellers", "revenue-by-month", "revenue-by-product", "low-stock", "certificates",
                 "inquiries", "booth-applications"):
        assert f'id="{slug}"' in body, slug
    assert "QMARK" not in body and "3.996.000" not in body and "2.997.000" not in body


def test_the_exports_parse_back(as_p, shop):
    response = as_p.get(URL, {"export": "revenue-by-product", "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1:] == [["Mật ong hoa nhãn", "12", "2", "1200000"], ["Trà shan tuyết", "6", "2", "600000"]]
    response = as_p.get(URL, {"export": "revenue-by-month", "format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == 12
    assert (values[-1][0].date(), values[-1][1], values[-1][2]) == (date(2026, 11, 1), 100_000, 1)


@pytest.mark.parametrize("query", [{"export": "nope"}, {"export": "low-stock", "format": "pdf"},
                                   {"from": "2026-13"}, {"from": "2026-11", "to": "2026-01"}, {"producer": "x"},
                                   {"producer": ["1", "2"]}])
def test_malformed_parameters_are_a_400_with_a_message(as_p, query):
    response = as_p.get(URL, query)
    assert response.status_code == 400
    assert response.content.strip()


def test_a_producer_cannot_pick_another_producer(as_p, shop):
    response = as_p.get(URL, {"producer": shop.q.pk})
    assert response.status_code == 404
    assert "QMARK" not in response.content.decode()
    assert as_p.get(URL, {"producer": shop.p.pk}).status_code == 200


def test_a_user_running_two_producers_picks_one_of_them(as_p, shop):
    other = factories.producer(name="HTX Thứ hai")
    grant_producer_access(shop.user, other)
    cake = factories.product(other, title="Bánh tráng Thứ hai")
    sell(placed(2026, 11, 3), (cake, 1, 30_000))
    assert "Bánh tráng Thứ hai" not in as_p.get(URL).content.decode()  # the first producer by default
    assert "Bánh tráng Thứ hai" in as_p.get(URL, {"producer": other.pk}).content.decode()


def test_staff_choose_a_producer_with_the_picker(client, shop):
    staff = get_user_model().objects.create_user(username="staff-i", email="s@example.vn", password="x-pass-123",
                                                 is_staff=True)
    client.force_login(staff)
    picker = client.get(URL)
    assert picker.status_code == 200
    assert f'value="{shop.q.pk}"' in picker.content.decode()
    page = client.get(URL, {"producer": shop.q.pk}).content.decode()
    assert "Nước mắm cá cơm QMARK" in page and "Mật ong hoa nhãn" not in page


def test_a_signed_in_customer_is_refused(client, shop):
    client.force_login(get_user_model().objects.create_user(username="buyer", email="b@example.vn", password="x"))
    assert client.get(URL).status_code in (302, 403)


def test_a_user_with_dashboard_access_but_no_producer_is_told_why(client, shop):
    from storefront.partner.access import dashboard_access_permission

    orphan = get_user_model().objects.create_user(username="orphan", email="o@example.vn", password="x-pass-123")
    orphan.user_permissions.add(dashboard_access_permission())
    client.force_login(orphan)
    assert client.get(URL).status_code == 403


def test_the_query_count_does_not_grow_with_the_orders(as_p, shop, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert as_p.get(URL).status_code == 200
    for day in range(1, 29):
        sell(placed(2026, 10, day), (shop.honey, 1, 100_000), (shop.tea, 1, 100_000))
    assert len(few.captured_queries) <= 30
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert as_p.get(URL).status_code == 200
