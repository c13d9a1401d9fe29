"""The price a buyer pays now, a running site offer included, is the price shown everywhere (product page, cards,
buy boxes, JSON-LD, the search API) and the one the basket charges; the basket's offer messages tell the truth."""

import json
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model

from cms.models import CampaignPage, ProvincePage
from storefront.catalogue.pricing import RunningOffers
from tests import factories
from tests.demo_clock import demo_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]

Applicator = get_class("offer.applicator", "Applicator")
Selector = get_class("partner.strategy", "Selector")
Basket = get_model("basket", "Basket")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")


def dong(amount):
    return f"{int(amount):,}".replace(",", ".") + "\u00a0₫"


def json_ld(html):
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def offer_price_html(now, full):
    """The markup of a discounted price: the price paid, then the full price struck through."""
    return re.compile(re.escape(dong(now)) + r"</span>\s*<del class=\"price-was\">.*?" + re.escape(dong(full)), re.S)


def site_offer(products, *, benefit=Benefit.PERCENTAGE, value=10, condition=Condition.COUNT, condition_value=1,
               exclusive=True, priority=0):
    product_range = Range.objects.create(name=f"Thử {Range.objects.count() + 1}")
    for product in products:
        product_range.add_product(product)
    return ConditionalOffer.objects.create(
        name=f"Ưu đãi thử {ConditionalOffer.objects.count() + 1}", offer_type=ConditionalOffer.SITE,
        exclusive=exclusive, priority=priority,
        condition=Condition.objects.create(range=product_range, type=condition, value=Decimal(condition_value)),
        benefit=Benefit.objects.create(range=product_range, type=benefit, value=Decimal(value)))


def basket_total(product, quantity=1):
    """What Oscar's basket charges for `quantity` units, its offers applied by its own Applicator."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(product, quantity)
    Applicator().apply(basket)
    return basket.total_incl_tax


@pytest.fixture
def campaign_product():
    campaign = CampaignPage.objects.get(slug=demo_content()[0]["gifts"]["slug"])
    product = campaign.campaign_products.first().product
    full = product.stockrecords.first().price
    return product, full, full * Decimal("0.9")  # the running campaign's offer: 10 % off


def test_a_campaign_price_shows_on_the_product_page_with_the_full_price_struck_through(client, campaign_product):
    product, full, now = campaign_product
    html = client.get(product.get_absolute_url()).content.decode()
    assert offer_price_html(now, full).search(html)
    [data] = [item for item in json_ld(html) if item["@type"] == "Product"]
    assert Decimal(data["offers"]["price"]) == now


def test_a_campaign_price_shows_on_search_cards_province_pages_and_the_campaign_buy_boxes(client, campaign_product):
    product, full, now = campaign_product
    assert offer_price_html(now, full).search(client.get("/search/", {"q": product.title}).content.decode())
    province_page = ProvincePage.objects.get(province=product.origin_province)
    number, html = 1, client.get(province_page.url).content.decode()
    while product.get_absolute_url() not in html and "?page=%d#products" % (number + 1) in html:
        number += 1
        html = client.get(province_page.url, {"page": number}).content.decode()
    card = html.split(product.get_absolute_url(), 1)[1].split("</article>", 1)[0]
    assert offer_price_html(now, full).search(card)
    campaign = CampaignPage.objects.get(slug=demo_content()[0]["gifts"]["slug"])
    assert offer_price_html(now, full).search(client.get(campaign.url).content.decode())


def test_the_search_api_gives_the_campaign_price_and_the_full_price(client, campaign_product):
    product, full, now = campaign_product
    [result] = [item for item in client.get("/api/search/", {"q": product.title}).json()["results"]
                if item["id"] == product.pk]
    assert (result["price"], result["full_price"], result["currency"]) == (int(now), int(full), "VND")


def test_a_product_outside_every_offer_shows_its_one_price(client):
    product = factories.product(price=125000)
    html = client.get(product.get_absolute_url()).content.decode()
    assert dong(125000) in html and "price-was" not in html
    [result] = client.get("/api/search/", {"q": product.title}).json()["results"]
    assert (result["price"], result["full_price"]) == (125000, None)


def test_the_shown_price_is_what_the_basket_charges(client, campaign_product):
    product, _full, now = campaign_product
    assert basket_total(product) == now
    assert basket_total(product, 3) == 3 * now


def test_an_offer_one_unit_does_not_qualify_for_leaves_the_shown_price_alone(client):
    product = factories.product(price=100000)
    site_offer([product], condition_value=2)  # buy two, get 10 % off: one unit pays the full price
    site_offer([product], condition=Condition.VALUE, condition_value=500000, value=20)  # only from 500.000 ₫
    assert "price-was" not in client.get(product.get_absolute_url()).content.decode()
    assert basket_total(product) == Decimal(100000)


def test_offers_stack_as_the_basket_stacks_them(client):
    stacked, exclusive = factories.product(price=200000), factories.product(price=200000)
    site_offer([stacked], value=10, exclusive=False)
    site_offer([stacked], benefit=Benefit.FIXED_UNIT, value=15000, exclusive=False)
    site_offer([exclusive], value=10, priority=5)  # exclusive and first: the second does not add up
    site_offer([exclusive], benefit=Benefit.FIXED_UNIT, value=15000, exclusive=False)
    html = client.get(stacked.get_absolute_url()).content.decode()
    assert offer_price_html(165000, 200000).search(html) and basket_total(stacked) == Decimal(165000)
    html = client.get(exclusive.get_absolute_url()).content.decode()
    assert offer_price_html(180000, 200000).search(html) and basket_total(exclusive) == Decimal(180000)


def test_running_offers_are_read_once_then_cost_no_query_per_product(campaign_product):
    product, full, now = campaign_product
    campaign = CampaignPage.objects.get(slug=demo_content()[0]["gifts"]["slug"])
    others = list(get_model("catalogue", "Product").objects.filter(is_public=True)
                  .exclude(pk__in=campaign.product_range.all_products().values("pk"))[:20])
    offers = RunningOffers()
    with CaptureQueriesContext(connection) as queries:
        prices = [offers.unit_price(item, Decimal(100000), "VND") for item in others]
        assert offers.unit_price(product, full, "VND").now == now
    assert len(queries) == 0 and all(price.now == Decimal(100000) for price in prices)


def test_a_listing_reads_the_offers_once_whatever_the_number_of_cards(client):
    def offer_queries(params):
        cache.clear()  # the running offers are cached until an offer changes: count them read afresh
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", params).status_code == 200
        return len([query for query in queries if '"offer_' in query["sql"]])

    one_card = offer_queries({"q": "kẹo dừa"})
    assert offer_queries({}) == one_card  # a full page of cards


def test_adding_a_campaign_product_says_the_offer_now_applies(vi, campaign_product):
    product, _full, now = campaign_product
    url = product.get_absolute_url()
    response = vi.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER=url, follow=True)
    said = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", str(message))).strip()
            for message in response.context["messages"]]
    offer_name = CampaignPage.objects.get(slug=demo_content()[0]["gifts"]["slug"]).offer.name
    assert f"Giỏ hàng của bạn được hưởng ưu đãi {offer_name}." in said
    assert not any("không còn" in message for message in said)
    total = dong(now).replace("\u00a0", " ")  # the messages' spaces are normalised above
    assert any(message.startswith(f"Tổng giỏ hàng hiện là {total}, đã trừ ưu đãi") for message in said), said
