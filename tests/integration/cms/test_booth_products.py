"""A fair booth's "products shown" in Wagtail's admin offers only the booth producer's products and accepts
nothing else, whatever the browser sends."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model

from cms.booths import BOOTH_SHOWS
from cms.models import Booth, FairPage
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser(
        username="bien-tap", email="bientap@ocop.example.vn", password="mat-khau-bien-tap-2026"))
    return client


def public_ids(producer):
    return set(Product.objects.filter(producer=producer, is_public=True).values_list("pk", flat=True))


def a_fair_with_booths():
    return next(fair for fair in FairPage.objects.live() if fair.booths.count() >= 2)


def booth_form(fair, **data):
    """The booth form the fair's edit page uses, bound to `data`."""
    form_class = FairPage.get_edit_handler().get_form_class().formsets["booths"].form
    return form_class(data=data, instance=Booth(page=fair))


def another_producers_product(producer):
    return Product.objects.filter(is_public=True, producer__isnull=False).exclude(producer=producer).first()


def test_the_edit_page_offers_each_booth_only_its_producers_products(editor):
    fair = a_fair_with_booths()
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[fair.pk])).content.decode()
    for index, booth in enumerate(fair.booths.all()):
        offered = {int(value) for value in re.findall(
            rf'name="booths-{index}-featured_products" value="(\d+)"', html)}
        assert offered == public_ids(booth.producer), booth.code
    assert "ocop/js/booth-products.js" in html


def test_a_product_of_another_producer_is_a_form_error_naming_it():
    fair = a_fair_with_booths()
    producer = fair.booths.first().producer
    stranger = another_producers_product(producer)
    form = booth_form(fair, code="Z9", producer=producer.pk, featured_products=[stranger.pk])
    assert not form.is_valid()
    [error] = form.errors["featured_products"]
    assert stranger.title in error and producer.name in error


def test_the_producers_own_products_are_accepted():
    fair = a_fair_with_booths()
    producer = next(p for p in Partner.objects.all() if len(public_ids(p)) >= 2)
    own = sorted(public_ids(producer))[:2]
    form = booth_form(fair, code="Z9", producer=producer.pk, featured_products=own)
    assert form.is_valid(), form.errors
    assert {choice for choice, _label in form.fields["featured_products"].widget.choices} == public_ids(producer)


def test_more_products_than_a_booth_shows_is_a_form_error():
    fair = a_fair_with_booths()
    producer = factories.producer()
    for _ in range(BOOTH_SHOWS + 1):
        factories.product(producer)
    form = booth_form(fair, code="Z9", producer=producer.pk, featured_products=sorted(public_ids(producer)))
    assert not form.is_valid() and str(BOOTH_SHOWS) in form.errors["featured_products"][0]


def test_the_products_list_follows_the_chosen_producer(editor):
    producer = Partner.objects.filter(products__is_public=True).first()
    response = editor.get(reverse("cms_booth_products"), {"producer": producer.pk})
    assert {item["id"] for item in response.json()["products"]} == public_ids(producer)


@pytest.mark.parametrize("query", [{}, {"producer": "abc"}, {"producer": ["1", "2"]}, {"producer": "0"},
                                   {"producer": "99999999999"}])
def test_a_malformed_producer_is_a_400_with_a_message(editor, query):
    response = editor.get(reverse("cms_booth_products"), query)
    assert response.status_code == 400 and "producer" in response.json()["error"]


def test_the_products_list_is_for_the_admin_only(client):
    response = client.get(reverse("cms_booth_products"), {"producer": "1"})
    assert response.status_code == 302 and "/login/" in response["Location"]
