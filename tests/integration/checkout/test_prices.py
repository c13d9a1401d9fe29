"""A price is a positive whole number of đồng up to PRICE_CEILING: refused by the database (CHECK on PostgreSQL),
by the dashboard's forms, and again at checkout, where a bad price refuses the order with a clear message."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from storefront.partner.access import grant_producer_access
from storefront.partner.prices import PRICE_CEILING
from tests import factories

from .journey import place_order, to_preview

Order = get_model("order", "Order")
PaymentAttempt = get_model("payment", "PaymentAttempt")
StockRecord = get_model("partner", "StockRecord")
SetProductPriceForm = get_class("dashboard.catalogue.forms", "SetProductPriceForm")

pytestmark = pytest.mark.django_db
IMPOSSIBLE = [Decimal(-4_900_000), Decimal(0), Decimal("12500.50"), PRICE_CEILING + 1]


@pytest.fixture
def honey():
    return factories.product(factories.producer(email="ong@example.vn"), title="Mật ong bạc hà", price=150_000)


@pytest.mark.parametrize("price", IMPOSSIBLE)
def test_the_database_refuses_an_impossible_price_even_past_the_forms(honey, price):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(product=honey).update(price=price)


@pytest.mark.parametrize("price", [Decimal(1), PRICE_CEILING, None])
def test_the_database_accepts_whole_dong_up_to_the_ceiling_and_no_price(honey, price):
    StockRecord.objects.filter(product=honey).update(price=price)
    assert StockRecord.objects.get(product=honey).price == price


@pytest.mark.parametrize("price", IMPOSSIBLE)
def test_the_model_explains_an_impossible_price(honey, price):
    record = honey.stockrecords.get()
    record.price = price
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "price" in error.value.message_dict


def producer_client(client, honey):
    user = get_user_model().objects.create_user("ong", "ong-user@example.vn", "secret-pass-123")
    grant_producer_access(user, honey.producer)
    client.force_login(user)
    return client


def product_update(honey, price):
    record = honey.stockrecords.get()
    return {
        "title_vi": honey.title_vi, "upc": "", "description_vi": "", "is_public": "on", "structure": "standalone",
        "slug": honey.slug, "meta_title": "", "meta_description": "", "classification": honey.classification_id,
        "origin_province": honey.origin_province_id, "story_vi": "", "unit": "",
        "stockrecords-TOTAL_FORMS": 1, "stockrecords-INITIAL_FORMS": 1, "stockrecords-MIN_NUM_FORMS": 0,
        "stockrecords-MAX_NUM_FORMS": 1000, "stockrecords-0-id": record.pk, "stockrecords-0-product": honey.pk,
        "stockrecords-0-partner": record.partner_id, "stockrecords-0-partner_sku": record.partner_sku,
        "stockrecords-0-price_currency": "VND", "stockrecords-0-price": price, "stockrecords-0-num_in_stock": 10,
        "images-TOTAL_FORMS": 0, "images-INITIAL_FORMS": 0, "images-MIN_NUM_FORMS": 0, "images-MAX_NUM_FORMS": 1000,
        "productcategory_set-TOTAL_FORMS": 0, "productcategory_set-INITIAL_FORMS": 0,
        "productcategory_set-MIN_NUM_FORMS": 0, "productcategory_set-MAX_NUM_FORMS": 1000,
        "primary_recommendations-TOTAL_FORMS": 0, "primary_recommendations-INITIAL_FORMS": 0,
        "primary_recommendations-MIN_NUM_FORMS": 0, "primary_recommendations-MAX_NUM_FORMS": 1000,
    }


@pytest.mark.parametrize("price", ["-4900000", "0", "12500.50", "1000000001"])
def test_a_producer_cannot_save_an_impossible_price_in_the_dashboard(client, honey, price):
    url = reverse("dashboard:catalogue-product", kwargs={"pk": honey.pk})
    response = producer_client(client, honey).post(url, product_update(honey, price))
    assert response.status_code == 200
    assert "price" in response.context["stockrecord_formset"].errors[0]
    assert StockRecord.objects.get(product=honey).price == 150_000


def test_a_producer_saves_a_sane_price_in_the_dashboard(client, honey):
    url = reverse("dashboard:catalogue-product", kwargs={"pk": honey.pk})
    response = producer_client(client, honey).post(url, product_update(honey, "175000"))
    assert response.status_code == 302
    assert StockRecord.objects.get(product=honey).price == 175_000


def bulk_form(honey, **data):
    products = get_model("catalogue", "Product").objects.filter(pk=honey.pk)
    return SetProductPriceForm(data={"selected_products": [honey.pk], "partners": [honey.producer_id], **data},
                               products_queryset=products)


@pytest.mark.parametrize("change", [{"new_price": "-4900000"}, {"new_price": "1000.5"},
                                   {"increase_by_amount": "-150000"}, {"increase_by_amount": "999999999"},
                                   {"increase_by_percentage": "-100"}, {"increase_by_percentage": "700000"}])
def test_the_bulk_price_change_refuses_any_result_that_is_not_a_sane_price(honey, change):
    form = bulk_form(honey, **change)
    assert not form.is_valid() and form.errors
    assert StockRecord.objects.get(product=honey).price == 150_000


def test_the_bulk_price_change_refuses_a_percentage_that_leaves_part_of_a_dong(honey):
    StockRecord.objects.filter(product=honey).update(price=12_345)
    form = bulk_form(honey, increase_by_percentage="10")  # 13.579,5 ₫
    assert not form.is_valid() and "Mật ong bạc hà" in str(form.non_field_errors())


@pytest.mark.parametrize("change", [{"new_price": "99000"}, {"increase_by_amount": "-50000"},
                                   {"increase_by_percentage": "10"}])
def test_the_bulk_price_change_accepts_whole_dong_results(honey, change):
    assert bulk_form(honey, **change).is_valid(), bulk_form(honey, **change).errors


@pytest.fixture
def impossible_price_in_stock(honey):
    """A negative price as an older database (before the CHECK) could hold one; dropped for this test only
    (the test's transaction rolls the DDL back on PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # PostgreSQL alters no table with checks still pending
        cursor.execute("ALTER TABLE partner_stockrecord DROP CONSTRAINT partner_stockrecord_price_whole_dong_in_range")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    StockRecord.objects.filter(product=honey).update(price=-4_900_000)
    return honey


@pytest.mark.parametrize("method", ["cod", "card"])
def test_checkout_refuses_a_basket_with_an_impossible_price_with_a_clear_message(client, impossible_price_in_stock,
                                                                                   method):
    pricey = factories.product(factories.producer(), title="Yến sào hộp quà", price=4_900_000)
    to_preview(client, [(impossible_price_in_stock, 1), (pricey, 1)], method=method)
    response = place_order(client)
    assert response.status_code == 200
    assert "Mật ong bạc hà" in response.context["error"]  # the message names the product to take out
    assert not Order.objects.filter(lines__product=pricey).exists()
    assert not PaymentAttempt.objects.filter(basket__lines__product=pricey).exists()
