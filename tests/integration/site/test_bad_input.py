"""Each request that used to answer a 500 now answers what it should: a 400 with a message for malformed input
(JSON for the JSON endpoints), a 404 for what does not exist, and the buyer's order line works."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory, OrderLineFactory

from storefront.ocop.models import Province
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today", "fresh_rate_limits")]
Basket = get_model("basket", "Basket")


@pytest.fixture
def fresh_rate_limits():
    cache.clear()  # /verify/ counts lookups per client; earlier tests in the session must not use them up


@pytest.mark.parametrize("query", ["page=²", "page=%D9%A3", "page=1%00", "page=" + "9" * 30, "stars=²",
                                   "stars=%EF%BC%94", "page=1&page=2", "q=nuoc%00mam"])
def test_malformed_listing_parameters_are_a_400_naming_the_parameter(client, query):
    response = client.get("/search/?" + query)
    assert response.status_code == 400
    name = query.split("=")[0]
    assert name in response.content.decode()


@pytest.mark.parametrize("query", ["page=²", "stars=²", "province=01&page=¹", "q=%00"])
def test_malformed_search_api_parameters_are_a_json_400(client, query):
    response = client.get("/api/search/?" + query)
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize("query", ["q=%00", "q=" + "a" * 201, "q=a&q=b", "limit=5"])
def test_malformed_suggest_parameters_are_a_json_400(client, query):
    response = client.get("/api/search/suggest?" + query)
    assert response.status_code == 400
    assert response.json()["error"]


def test_the_stars_message_names_the_star_levels_a_certificate_can_carry(en):
    response = en.get("/api/search/?stars=2")
    assert response.json()["error"] == "stars takes only: 3, 4, 5 (got '2')."


@pytest.mark.parametrize("province", ["²", "1" * 25, "-1", "0", "", "1.0", "%00"])
def test_communes_with_a_malformed_province_is_a_json_400(client, province):
    response = client.get("/checkout/communes/?province=" + province)
    assert response.status_code == 400
    assert "province" in response.json()["error"]


def test_communes_of_a_province_are_listed(client):
    province = Province.objects.get(code="91")
    response = client.get("/checkout/communes/", {"province": province.pk})
    assert response.status_code == 200
    assert {row["id"] for row in response.json()["communes"]} == set(province.communes.values_list("pk", flat=True))


def test_a_lookup_for_a_number_with_a_slash_answers_not_found(client):
    response = client.get("/verify/", {"number": "a/b"}, follow=True)
    assert response.redirect_chain == [("/verify/a/b/", 302)]
    assert response.status_code == 404
    assert "a/b" in response.content.decode()


def test_a_certificate_whose_number_has_a_slash_can_be_verified(client):
    certificate = factories.certificate(factories.product(), number="AG/2026/0042")
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    assert "AG/2026/0042" in response.content.decode()


@pytest.mark.parametrize("path", ["/verify/%00/", "/verify/AG%00/", "/verify/" + "A" * 65 + "/",
                                  "/verify/?number=a%00", "/verify/?number=a&number=b", "/verify/?number=%1b"])
def test_a_malformed_certificate_number_is_a_400_with_the_lookup_form(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert 'name="number"' in response.content.decode()


# --- the buyer's order line (Oscar's customer:order-line) -------------------------------------------------


@pytest.fixture
def buyer_order(client):
    buyer = get_user_model().objects.create_user(username="buyer-line", email="buyer-line@example.vn",
                                                 password="secret-pass-123")
    product = factories.product(title="Trà thử mua lại")
    order = OrderFactory(user=buyer, number="ORD-LINE-1", currency="VND")
    stockrecord = product.stockrecords.get()
    line = OrderLineFactory(order=order, product=product, stockrecord=stockrecord, partner=product.producer,
                            partner_name=product.producer.name, partner_sku=stockrecord.partner_sku,
                            title=product.title, quantity=2)
    client.force_login(buyer)
    return order, line


def test_opening_an_order_line_shows_its_order(client, buyer_order):
    order, line = buyer_order
    response = client.get(reverse("customer:order-line", kwargs={"order_number": order.number, "line_id": line.pk}))
    assert response.status_code == 302
    assert response["Location"] == reverse("customer:order", kwargs={"order_number": order.number})
    assert client.get(response["Location"]).status_code == 200


def test_buying_an_order_line_again_puts_it_in_the_basket(client, buyer_order):
    order, line = buyer_order
    url = reverse("customer:order-line", kwargs={"order_number": order.number, "line_id": line.pk})
    response = client.post(url, {"action": "reorder"})
    assert response.status_code == 302 and response["Location"] == reverse("basket:summary")
    basket = Basket.objects.get(owner=order.user, status=Basket.OPEN)
    assert [(basket_line.product, basket_line.quantity) for basket_line in basket.all_lines()] == [(line.product, 2)]


def test_an_unknown_action_on_an_order_line_goes_back_to_the_order(client, buyer_order):
    order, line = buyer_order
    url = reverse("customer:order-line", kwargs={"order_number": order.number, "line_id": line.pk})
    response = client.post(url, {"action": "explode"})
    assert response.status_code == 302
    assert response["Location"] == reverse("customer:order", kwargs={"order_number": order.number})


def test_a_line_of_another_order_or_another_buyer_is_a_404(client, buyer_order):
    order, line = buyer_order
    other_buyer = get_user_model().objects.create_user(username="other-buyer", email="other@example.vn")
    other_order = OrderFactory(user=other_buyer, number="ORD-LINE-2", currency="VND")
    other_line = OrderLineFactory(order=other_order, product=line.product, stockrecord=line.stockrecord,
                                  partner=line.partner, partner_name=line.partner_name,
                                  partner_sku=line.partner_sku, title=line.title)
    for number, line_id in [(order.number, other_line.pk), (other_order.number, other_line.pk),
                            (order.number, 2_000_000_000), ("NO-SUCH-ORDER", line.pk)]:
        url = reverse("customer:order-line", kwargs={"order_number": number, "line_id": line_id})
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"action": "reorder"}).status_code == 404, url
