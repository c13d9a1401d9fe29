"""Before paying, the buyer sees who ships each product, from where, and what each producer's parcel costs:
the numbers come from the producers' shipping tariffs (storefront/shipping), never from a template."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests import factories

from .journey import add_to_basket

ProducerTariff = get_model("shipping", "ProducerTariff")

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_producers():
    tea_producer = factories.producer(province_code="01", name="HTX Chè Giao hàng thử")
    sauce_producer = factories.producer(province_code="91", name="HTX Mắm Giao hàng thử")
    ProducerTariff.objects.create(producer=tea_producer, flat_rate=Decimal(25000), free_from=Decimal(300000))
    return (factories.product(tea_producer, title="Chè giao hàng thử", price=120000),
            factories.product(sauce_producer, title="Mắm giao hàng thử", price=90000))


def test_the_product_page_says_who_ships_from_where_and_the_producers_delivery_fee(vi, two_producers):
    tea, sauce = two_producers
    page = vi.get(tea.get_absolute_url()).content.decode()
    assert f"HTX Chè Giao hàng thử gửi hàng từ {tea.producer.province.name}" in page
    assert "Phí giao hàng 25.000\xa0₫ cho mỗi đơn của nhà sản xuất này, miễn phí khi mua từ 300.000\xa0₫" in page
    default = ProducerTariff.objects.get(producer__isnull=True)
    page = vi.get(sauce.get_absolute_url()).content.decode()  # no tariff of its own: the default one
    assert f"{int(default.flat_rate):,}".replace(",", ".") + "\xa0₫ cho mỗi đơn" in page


def test_the_basket_shows_each_producers_delivery_fee_and_what_ships_free(vi, two_producers):
    tea, sauce = two_producers
    add_to_basket(vi, tea, 3)  # 360.000 ₫: over the tea producer's 300.000 ₫ threshold
    add_to_basket(vi, sauce, 1)  # 90.000 ₫: below the default threshold
    page = vi.get(reverse("basket:summary")).content.decode()
    default = ProducerTariff.objects.get(producer__isnull=True)
    tea_row = page[page.index('data-producer="HTX Chè Giao hàng thử"'):]
    tea_row = tea_row[:tea_row.index("</tr>")]
    sauce_row = page[page.index('data-producer="HTX Mắm Giao hàng thử"'):]
    sauce_row = sauce_row[:sauce_row.index("</tr>")]
    assert "Miễn phí" in tea_row
    money = lambda amount: f"{int(amount):,}".replace(",", ".") + "\xa0₫"  # noqa: E731
    assert money(default.flat_rate) in sauce_row
    assert f"Mua thêm {money(default.free_from - 90000)} của nhà sản xuất này" in sauce_row
