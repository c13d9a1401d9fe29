"""The public pages' caches forget what changed at once: a price, stock, certificate or offer change shows on the
next visit, on cards, the home page and the search API alike (storefront/catalogue/caching.py)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

from cms.models import HomePage
from storefront.ocop.models import Province
from tests import factories
from tests.demo_clock import DEMO_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]

Basket = get_model("basket", "Basket")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
StockRecord = get_model("partner", "StockRecord")

TITLE = "Trà búp bộ nhớ đệm thử"


def dong(amount):
    return f"{int(amount):,}".replace(",", ".") + "\u00a0₫"


@pytest.fixture
def tea():
    item = factories.product(title=TITLE, price=120000, stock=5)
    certificate = factories.certificate(item, scores=(35, 25, 30), issued_on=DEMO_DAY - timedelta(days=30),
                                        level="ministry", authority="Bộ Nông nghiệp và Môi trường")  # 5★
    return item, certificate


def card(client, item):
    """The product's card on a search listing, as the visitor sees it."""
    html = client.get("/search/", {"q": TITLE}).content.decode()
    found = re.search(r'<article class="product_pod">.*?</article>', html, re.S)
    assert found and item.get_absolute_url() in found.group(0)
    return found.group(0)


def api_price(client, item):
    results = client.get("/api/search/", {"q": TITLE}).json()["results"]
    return next(result["price"] for result in results if result["id"] == item.pk)


def test_a_new_price_shows_at_once_on_the_card_and_in_the_api(client, tea):
    item, _ = tea
    assert dong(120000) in card(client, item) and api_price(client, item) == 120000
    record = item.stockrecords.get()
    record.price = Decimal(99000)
    record.save()
    assert dong(99000) in card(client, item) and dong(120000) not in card(client, item)
    assert api_price(client, item) == 99000


def test_running_out_of_stock_shows_at_once(client, tea):
    item, _ = tea
    assert 'class="instock availability"' in card(client, item)
    record = item.stockrecords.get()
    record.num_in_stock = 0
    record.save()
    html = card(client, item)
    assert 'class="outofstock availability"' in html and 'class="instock availability"' not in html


def test_a_revoked_certificate_takes_the_badge_off_the_card_at_once(client, tea):
    item, certificate = tea
    assert "ocop-badge--5" in card(client, item)
    certificate.revoked_on = DEMO_DAY
    certificate.revocation_reason = "Thử thu hồi"
    certificate.save()
    assert "ocop-badge" not in card(client, item)


def test_a_new_site_offer_lowers_the_card_and_api_price_at_once(client, tea):
    item, _ = tea
    assert dong(120000) in card(client, item) and api_price(client, item) == 120000
    product_range = Range.objects.create(name="Bộ nhớ đệm thử")
    product_range.add_product(item)
    ConditionalOffer.objects.create(
        name="Giảm 10% thử", offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=product_range, type=Condition.COUNT, value=Decimal(1)),
        benefit=Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=Decimal(10)))
    html = card(client, item)
    assert dong(108000) in html and "price--offer" in html
    assert api_price(client, item) == 108000


def test_the_home_page_counts_a_new_product_in_its_province_at_once(client):
    province = Province.objects.get(code="91")

    def shown_count():
        html = client.get("/").content.decode()
        found = re.search(re.escape(province.name) + r' <span class="count">(\d+)</span>', html)
        return int(found.group(1)) if found else 0

    before = shown_count()
    factories.product(title="Khô cá thử đếm tỉnh")
    assert shown_count() == before + 1


def test_the_home_page_shows_a_new_five_star_product_at_once(client, tea):
    item, _ = tea
    HomePage.objects.get().featured_products.all().delete()  # the newest 5-star certificates show
    html = client.get("/").content.decode()
    assert item.get_absolute_url() in html
    item.stockrecords.update(price=Decimal(110000))  # no signal: the card is keyed by the price it shows
    assert dong(110000) in client.get("/").content.decode()


def test_a_cached_card_carries_each_visitors_own_csrf_token(tea):
    item, _ = tea
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    card(first, item)  # fills the card's cache
    html = card(second, item)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = second.post(f"/basket/add/{item.pk}/", {"csrfmiddlewaretoken": token, "quantity": 1})
    assert response.status_code == 302
    assert Basket.objects.get(pk=second.cookies["oscar_open_basket"].value.split(":")[0]).num_items == 1


def test_cards_are_cached_per_language(client, tea):
    item, _ = tea
    assert 'lang="vi"' in client.get("/").content.decode() and "Thêm vào giỏ" in card(client, item)
    client.cookies["django_language"] = "en"
    english = card(client, item)
    assert "Add to " in english and "Thêm vào giỏ" not in english


def test_the_search_api_may_be_kept_by_shared_caches_for_anonymous_visitors_only(client, django_user_model):
    response = client.get("/api/search/", {"q": "tra"})
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert response.has_header("ETag")
    again = client.get("/api/search/", {"q": "tra"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    client.force_login(django_user_model.objects.create_user("buyer", "buyer@example.vn", "a-Long-pass-1"))
    signed_in = client.get("/api/search/", {"q": "tra"})
    assert "private" in signed_in["Cache-Control"] and "public" not in signed_in["Cache-Control"]


def test_a_price_or_stock_changed_without_a_signal_shows_at_once_on_the_listing_and_in_the_api(client, tea):
    """The listing's card grid and the API's answer are kept whole; their keys still read the stock records' prices
    and stock, which Oscar's allocations and a bulk repricing change with QuerySet.update()."""
    item, _ = tea
    assert dong(120000) in card(client, item) and api_price(client, item) == 120000
    item.stockrecords.update(price=Decimal(95000))
    assert dong(95000) in card(client, item) and api_price(client, item) == 95000
    item.stockrecords.update(num_in_stock=0)
    assert 'class="outofstock availability"' in card(client, item)


def test_an_offer_that_starts_later_lowers_the_listing_and_api_price_when_it_starts(client, tea, demo_today):
    """Nothing is saved when an offer's start time comes: the kept grid and API answer are keyed by the offers
    running for the visitor."""
    item, _ = tea
    product_range = Range.objects.create(name="Bộ nhớ đệm hẹn giờ")
    product_range.add_product(item)
    ConditionalOffer.objects.create(
        name="Giảm 10% sau 20 giây", offer_type=ConditionalOffer.SITE,
        start_datetime=timezone.now() + timedelta(seconds=20),
        condition=Condition.objects.create(range=product_range, type=Condition.COUNT, value=Decimal(1)),
        benefit=Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=Decimal(10)))
    assert dong(120000) in card(client, item) and api_price(client, item) == 120000
    demo_today.shift(timedelta(seconds=30))  # within the minute the kept entries live
    assert dong(108000) in card(client, item) and api_price(client, item) == 108000


def test_a_kept_listing_reads_no_product_row_and_keeps_its_cards_and_sidebar(client, tea):
    item, _ = tea
    first = client.get("/search/", {"q": TITLE}).content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/search/", {"q": TITLE}).content.decode()
    assert not [query for query in captured if '"catalogue_product"' in query["sql"]]
    per_request = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|data-search-record="\d+"|nonce="[^"]+"')
    assert per_request.sub("", again) == per_request.sub("", first)  # the same page but for its tokens and record
    assert item.get_absolute_url() in again and 'class="facet-count"' in again
