"""The staff insight page from known fixtures on a frozen date (15/06/2035, years after the demo's dates, so the
demo's own certificates and fairs' applications stay out of the period): sales by month, province, sector,
stars, legal type and payment; refunds; certificates falling due per month and before Tết, revoked and lapsed;
booth applications; searches with and without results; exports; strict parameters; staff only; a bounded query
count that does not grow with the orders."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory, OrderLineFactory

from cms.models import FairPage
from search.models import SearchClick, SearchRecord
from storefront.checkout.payment_methods import COD_SOURCE
from storefront.insight import certification, sales, snapshots
from storefront.insight.period import InsightFilters, Period
from storefront.insight.tables import find
from storefront.ocop.lunar import next_tet
from storefront.order.statuses import CANCELLED
from storefront.partner.access import grant_producer_access
from storefront.payment.placement import CARD_SOURCE
from storefront.payment.refunds import record_refunded_total
from storefront.payment.sources import source_type
from storefront.tradedesk.models import BoothApplication
from tests import factories

pytestmark = pytest.mark.django_db

Source = get_model("payment", "Source")
VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2035, 6, 15)
URL = "/dashboard/insight/"
PERIOD = {"from": "2035-01", "to": "2035-06"}
HANOI, AN_GIANG = "01", "91"


def at(year, month, day, hour=10):
    return datetime(year, month, day, hour, tzinfo=VN)


_numbers = iter(range(1, 1_000_000))


def sell(when, *lines, status="Pending", paid_with=COD_SOURCE):
    """One order placed `when` with (product, quantity, line total in đồng) lines, paid as `paid_with`."""
    order = OrderFactory(number=f"STAFF-INS-{next(_numbers)}", date_placed=when, status=status, currency="VND",
                         total_incl_tax=Decimal(0), total_excl_tax=Decimal(0))
    total = 0
    for item, quantity, amount in lines:
        stockrecord = item.stockrecords.get()
        OrderLineFactory(order=order, product=item, partner=stockrecord.partner, partner_name=stockrecord.partner.name,
                         partner_sku=stockrecord.partner_sku, title=item.title, stockrecord=stockrecord,
                         quantity=quantity, status="Pending", line_price_incl_tax=Decimal(amount),
                         line_price_excl_tax=Decimal(amount), line_price_before_discounts_incl_tax=Decimal(amount),
                         line_price_before_discounts_excl_tax=Decimal(amount),
                         unit_price_incl_tax=Decimal(amount) / quantity, unit_price_excl_tax=Decimal(amount) / quantity)
        total += amount
    card = paid_with == CARD_SOURCE
    Source.objects.create(order=order, source_type=source_type(paid_with), currency="VND",
                          amount_allocated=total, amount_debited=total if card else 0,
                          reference=f"pi_{order.number}" if card else order.number)
    return order


class Programme:
    """Two producers: a Hà Nội cooperative (tea, 4★, sector 1 Food) and an An Giang enterprise (rice wine, no
    certificate, sector 2 Drinks). Orders in March and May 2035, one cancelled; a card order refunded in part.
    Certificates around 15/06/2035: one entering its renewal window in July, one expiring in September, one
    revoked in February, one lapsed in April, one renewed."""

    def __init__(self):
        self.coop = factories.producer(HANOI, "cooperative", name="HTX Chè Thống kê")
        self.firm = factories.producer(AN_GIANG, "enterprise", name="Công ty Rượu Thống kê")
        self.tea = factories.product(self.coop, title="Chè Thống kê", product_set="1.4.1")
        self.wine = factories.product(self.firm, title="Rượu Thống kê", product_set="2.1.1")
        self.honey = factories.product(self.firm, title="Mật ong Thống kê", product_set="1.4.1")
        self.vinegar = factories.product(self.firm, title="Giấm Thống kê", product_set="1.4.1")
        self.pickle = factories.product(self.coop, title="Dưa Thống kê", product_set="1.4.1")
        self.jam = factories.product(self.coop, title="Mứt Thống kê", product_set="1.4.1")
        # valid until 10/01/2036: its renewal window opens on 14/07/2035; it expires before Tết 2036
        self.tea_certificate = factories.certificate(self.tea, issued_on=date(2033, 1, 10))
        # valid until 01/09/2035, window open since March: expiring in September, before Tết
        self.honey_certificate = factories.certificate(self.honey, issued_on=date(2032, 9, 1), scores=(25, 15, 20))
        self.revoked = factories.certificate(self.vinegar, issued_on=date(2033, 5, 1), revoked_on=date(2035, 2, 1),
                                             revocation_reason="Vi phạm an toàn thực phẩm")
        self.lapsed = factories.certificate(self.pickle, issued_on=date(2032, 4, 1))  # expired 01/04/2035
        factories.certificate(self.jam, issued_on=date(2032, 3, 1))  # expired 01/03/2035 but renewed:
        self.renewed = factories.certificate(self.jam, issued_on=date(2035, 2, 1))  # valid until 2038
        self.march = sell(at(2035, 3, 10), (self.tea, 2, 400_000), paid_with=CARD_SOURCE)
        self.may = sell(at(2035, 5, 20), (self.tea, 1, 200_000), (self.wine, 3, 450_000))
        sell(at(2035, 5, 21), (self.wine, 10, 1_500_000), status=CANCELLED)
        sell(at(2034, 12, 31, 23), (self.wine, 1, 150_000))  # before the period, though 16:00 UTC
        with time_machine.travel(at(2035, 4, 2), tick=False):
            record_refunded_total(f"pi_{self.march.number}", 100_000, "re_staff_insight")


@pytest.fixture
def frozen():
    with time_machine.travel(at(2035, 6, 15, 12), tick=False) as traveller:
        yield traveller


@pytest.fixture
def programme(frozen):
    return Programme()


@pytest.fixture
def staff(client, frozen):
    user = get_user_model().objects.create_user("insight-staff", "insight-staff@example.vn", "pw", is_staff=True)
    client.force_login(user)
    return client


def page_tables(response):
    return {table.slug: table for _slug, _title, tables in response.context["sections"] for table in tables}


def staff_tables(staff, **params):
    response = staff.get(URL, {**PERIOD, **params})
    assert response.status_code == 200, response.content[:500]
    return page_tables(response)


def test_revenue_by_month_counts_the_lines_of_placed_orders_in_the_month_they_were_placed(staff, programme):
    table = staff_tables(staff)["sales-by-month"]
    assert table.rows == ((date(2035, 1, 1), 0, 0), (date(2035, 2, 1), 0, 0), (date(2035, 3, 1), 400_000, 1),
                          (date(2035, 4, 1), 0, 0), (date(2035, 5, 1), 650_000, 1), (date(2035, 6, 1), 0, 0))
    assert "đã hủy" in table.note  # the page says what revenue leaves out


def test_revenue_splits_by_province_sector_stars_and_legal_type(staff, programme):
    tables = staff_tables(staff)
    assert tables["sales-by-province"].rows == (("Hà Nội", 600_000, 2), ("An Giang", 450_000, 1))
    assert tables["sales-by-sector"].rows == (("Thực phẩm", 600_000, 2), ("Đồ uống", 450_000, 1))
    assert tables["sales-by-stars"].rows == (("4★", 600_000, 2), ("Không có sao", 450_000, 1))
    assert tables["sales-by-legal-type"].rows == (("Hợp tác xã", 600_000, 2), ("Doanh nghiệp", 450_000, 1))


def test_top_products_and_producers_rank_by_revenue(staff, programme):
    tables = staff_tables(staff)
    assert tables["top-products"].rows == (("Chè Thống kê", "HTX Chè Thống kê", 3, 600_000, 2),
                                           ("Rượu Thống kê", "Công ty Rượu Thống kê", 3, 450_000, 1))
    assert tables["top-products"].links == tuple(reverse("dashboard:catalogue-product", kwargs={"pk": item.pk})
                                                 for item in (programme.tea, programme.wine))
    assert tables["top-producers"].rows == (("HTX Chè Thống kê", "Hà Nội", 600_000, 2),
                                            ("Công ty Rượu Thống kê", "An Giang", 450_000, 1))


def test_card_and_cash_on_delivery_and_the_refunds_by_month(staff, programme):
    tables = staff_tables(staff)
    methods = {row[0]: row[1:] for row in tables["payment-methods"].rows}
    assert methods == {"Thanh toán khi nhận hàng": (650_000, 1), "Thẻ thanh toán (Stripe)": (400_000, 1)}
    refunds = {row[0]: row[1:] for row in tables["refunds-by-month"].rows}
    assert refunds[date(2035, 4, 1)] == (100_000, 1)
    assert sum(amount for amount, _orders in refunds.values()) == 100_000


def test_filters_narrow_every_sales_figure(staff, programme):
    tables = staff_tables(staff, province=AN_GIANG)
    assert tables["sales-by-province"].rows == (("An Giang", 450_000, 1),)
    assert [row[1] for row in tables["sales-by-month"].rows] == [0, 0, 0, 0, 450_000, 0]
    tables = staff_tables(staff, stars="4")
    assert tables["top-products"].rows == (("Chè Thống kê", "HTX Chè Thống kê", 3, 600_000, 2),)
    tables = staff_tables(staff, sector="2")
    assert tables["sales-by-sector"].rows == (("Đồ uống", 450_000, 1),)


def test_certified_products_and_producers_as_of_today(staff, programme):
    tables = staff_tables(staff)
    # tea and the renewed jam (Hà Nội, one producer), honey (An Giang); the revoked and the lapsed ones do not count
    assert tables["certified-by-province"].rows == (("Hà Nội", 2, 1), ("An Giang", 1, 1))
    assert tables["certified-by-sector"].rows == (("Thực phẩm", 3, 2),)
    assert tables["stars-distribution"].rows == (("3★", 1), ("4★", 2))


def test_renewal_window_and_expiry_counts_per_coming_month(staff, programme):
    tables = staff_tables(staff)
    renewal = dict(tables["renewal-window-by-month"].rows)
    expiring = dict(tables["expiring-by-month"].rows)
    assert list(renewal) == [date(2035, month, 1) for month in range(6, 13)] + [
        date(2036, month, 1) for month in range(1, 6)]
    assert renewal[date(2035, 7, 1)] == 1 and sum(renewal.values()) == 1  # tea; honey's window opened in March
    assert expiring[date(2035, 9, 1)] == 1 and expiring[date(2036, 1, 1)] == 1 and sum(expiring.values()) == 2
    # each month's bar has the list behind it
    july = tables["renewal-window-by-month"].links[1]
    response = staff.get(july)
    assert response.status_code == 200
    assert [c.number for c in response.context["certificates"]] == [programme.tea_certificate.number]


def test_falling_due_before_tet_by_province_answers_in_one_click(staff, programme):
    tet = next_tet(TODAY)
    assert tet == date(2036, 1, 28)
    response = staff.get(URL, PERIOD)
    table = page_tables(response)["due-before-tet"]
    assert "2036" in table.title and "28/01/2036" in table.note
    assert table.rows == (("An Giang", 1), ("Hà Nội", 1)) or table.rows == (("Hà Nội", 1), ("An Giang", 1))
    assert b'href="#due-before-tet"' in response.content  # the question at the top of the page
    by_province = dict(zip((row[0] for row in table.rows), table.links))
    listed = staff.get(by_province["Hà Nội"])
    assert listed.status_code == 200
    assert [c.number for c in listed.context["certificates"]] == [programme.tea_certificate.number]
    assert "Hà Nội" in listed.content.decode()


def test_revoked_and_lapsed_certificates_of_the_period(staff, programme):
    table = staff_tables(staff)["revoked-and-lapsed"]
    assert set(table.rows) == {("An Giang", 1, 0), ("Hà Nội", 0, 1)}
    listed = staff.get(dict(zip((row[0] for row in table.rows), table.links))["Hà Nội"])
    assert [c.number for c in listed.context["certificates"]] == [programme.lapsed.number]


def test_booth_applications_by_fair_zone_province_and_state(staff, programme, frozen):
    fair = FairPage.objects.filter(booth_sizes__isnull=False, booth_zones__isnull=False).distinct().first()
    size, zone = fair.booth_sizes.first(), fair.booth_zones.first()
    common = dict(fair=fair, size=size, contact_name="Chị Hoa", contact_phone="0912345678")
    BoothApplication.objects.create(producer=programme.coop, state="accepted", zone=zone, booth_code="A1", **common)
    BoothApplication.objects.create(producer=programme.firm, state="pending", **common)
    BoothApplication.objects.create(producer=programme.firm, state="declined", reason="Hết chỗ", **common)
    tables = staff_tables(staff)
    (row,) = tables["booths-by-fair"].rows
    columns = [str(column.label) for column in tables["booths-by-fair"].columns]
    assert dict(zip(columns[1:], row[1:])) == {"Đang xét duyệt": 1, "Đã duyệt": 1, "Trong danh sách chờ": 0,
                                                "Bị từ chối": 1, "Đã rút": 0}
    assert tables["booths-by-fair"].links == (reverse("dashboard:booth-fair", kwargs={"pk": fair.pk}),)
    assert tables["booths-by-zone"].rows == ((f"{fair.title} · {zone.name}", 1, zone.capacity),)
    assert set(tables["booths-by-province"].rows) == {("An Giang", 2, 0), ("Hà Nội", 1, 1)}
    assert sum(count for _state, count in tables["booth-states"].rows) == 3


def test_searches_that_found_nothing_are_recorded_and_shown_with_their_folded_form(staff, programme, client):
    for query in ("Sầu riêng sấy dẻo", "sau rieng say deo", "Chè Thống kê"):
        assert client.get(reverse("search:search"), {"q": query}).status_code == 200
    found = SearchRecord.objects.get(query="Chè Thống kê")
    assert found.results > 0
    SearchClick.objects.create(record=found, product_id=programme.tea.pk, position=1, clicked_at=at(2035, 6, 15))
    response = staff.get(URL, PERIOD)
    tables = page_tables(response)
    ((typed, folded, searches, last),) = tables["zero-result-queries"].rows
    assert typed in ("Sầu riêng sấy dẻo", "sau rieng say deo")  # one of the ways buyers typed it
    assert (folded, searches, last) == ("sau rieng say deo", 2, TODAY)
    assert b'href="#zero-result-queries"' in response.content
    assert "sau rieng say deo" in response.content.decode()
    top = {row[1]: row for row in tables["top-queries"].rows}
    assert top["che thong ke"][2:] == (1, 100.0, 0)
    assert top["sau rieng say deo"][2:] == (2, 0, 2)
    assert tables["clicks-by-position"].rows == (("1", 1),)


def test_filters_used_with_searches_are_counted(staff, programme, client):
    client.get(reverse("search:search"), {"q": "chè", "province": HANOI})
    client.get(reverse("search:search"), {"q": "mật ong", "province": HANOI, "stars": "4"})
    client.get(reverse("search:search"), {"q": "rượu"})
    rows = {row[0]: row[1:] for row in staff_tables(staff)["filters-used"].rows}
    assert rows["Tỉnh/thành phố"] == (2, 66.7)
    assert rows["Hạng sao"] == (1, 33.3)
    assert rows["Giá"] == (0, 0)


def test_each_table_exports_as_csv_and_excel_that_read_back(staff, programme):
    response = staff.get(URL, {**PERIOD, "export": "sales-by-month", "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Tháng", "Doanh thu", "Đơn hàng"]
    assert rows[3] == ["2035-03", "400000", "1"] and rows[5] == ["2035-05", "650000", "1"]
    response = staff.get(URL, {**PERIOD, "export": "top-products", "format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[1] == ("Chè Thống kê", "HTX Chè Thống kê", 3, 600000, 2)
    assert sheet.cell(row=2, column=4).number_format == '#,##0 "₫"'
    response = staff.get(URL, {**PERIOD, "export": "sales-by-month", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=4, column=1).value == datetime(2035, 3, 1)


@pytest.mark.parametrize("params", [
    {"from": "2035-13"}, {"from": "35-01"}, {"to": "2035-1"}, {"from": "2035-06", "to": "2035-01"},
    {"from": "2020-01", "to": "2035-06"}, {"province": "ZZ"}, {"sector": "9"}, {"stars": "7"}, {"stars": "x"},
    {"colour": "red"}, {"export": "no-such-table"}, {"export": "sales-by-month", "format": "pdf"},
    {"format": "csv"}, {"from": ["2035-01", "2035-02"]}, {"from": "2035-\x0001"},
])
def test_malformed_parameters_are_a_400_that_says_what_is_wrong(staff, frozen, params):
    response = staff.get(URL, params)
    assert response.status_code == 400
    assert len(response.content.decode()) > 10


@pytest.mark.parametrize("params", [
    {"list": "everything"}, {"list": "renewal"}, {"list": "renewal", "month": "2020-01"},
    {"list": "before-tet", "month": "2035-07"}, {"list": "expiring", "month": "2035-07", "page": "0"},
])
def test_the_certificate_lists_refuse_malformed_parameters(staff, frozen, params):
    assert staff.get(reverse("dashboard:insight-certificates"), params).status_code == 400


def test_only_staff_open_the_insight_page_and_its_lists(client, programme):
    assert client.get(URL).status_code == 302  # to the sign-in page
    producer_user = get_user_model().objects.create_user("insight-producer", "insight-p@example.vn", "pw")
    grant_producer_access(producer_user, programme.coop)
    client.force_login(producer_user)
    for url in (URL, reverse("dashboard:insight-certificates") + "?list=before-tet"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Chè Thống kê" not in response.content.decode()


def count_queries(staff):
    snapshots.forget()  # the figures, not a kept snapshot of them
    with CaptureQueriesContext(connection) as queries:
        assert staff.get(URL, PERIOD).status_code == 200
    return len(queries)


def test_the_page_takes_a_small_number_of_queries_however_many_orders(staff, programme, django_assert_max_num_queries):
    staff.get(URL, PERIOD)  # warm the caches (taxonomy, session) the page shares with others
    with django_assert_max_num_queries(45):
        assert staff.get(URL, PERIOD).status_code == 200
    before = count_queries(staff)
    for day in range(1, 21):
        sell(at(2035, 2, day), (programme.tea, 1, 200_000), (programme.wine, 2, 300_000))
    assert count_queries(staff) == before
    assert staff_tables(staff)["sales-by-month"].rows[1] == (date(2035, 2, 1), 10_000_000, 20)


def test_the_functions_read_the_same_figures_as_the_page(programme):
    period = Period(date(2035, 1, 1), date(2035, 6, 1))
    assert sales.revenue_by_province(period, InsightFilters(), today=TODAY).rows == (
        ("Hà Nội", 600_000, 2), ("An Giang", 450_000, 1))
    listed = certification.behind("before-tet", filters=InsightFilters(provinces=(AN_GIANG,)), today=TODAY)
    assert [c.number for c in listed] == [programme.honey_certificate.number]
    assert find(certification.falling_due(period, InsightFilters(), today=TODAY), "expiring-by-month") is not None
