"""Smoke tests of the main pages, in Vietnamese (default) and English."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from storefront.ocop.models import Certificate
from tests.demo_clock import DEMO_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
Product = get_model("catalogue", "Product")


def certified_product():
    return Product.objects.filter(current_certificate__stars=5, current_certificate__revoked_on__isnull=True,
                                  current_certificate__valid_until__gte=DEMO_DAY).first()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_page_shows_five_star_products_sectors_and_provinces(client, language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'lang="{language}"' in page
    assert "OCOP 5 sao" in page or "OCOP 5 stars" in page
    assert "Nước mắm Phú Quốc" in page or "nước mắm" in page.lower()
    assert "An Giang" in page and "Hà Nội" in page


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalogue_lists_products_with_badges_and_facets(client, language):
    response = client.get(reverse("catalogue:index"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="product_pod"') == 24  # a full first page
    assert "ocop-badge" in page
    assert 'facet--province' in page and 'facet--stars' in page and 'facet--group' in page


@pytest.mark.parametrize("language", ["vi", "en"])
def test_product_page_shows_price_in_dong_badge_producer_and_origin(client, language):
    product = certified_product()
    response = client.get(product.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    page = response.content.decode()
    assert product.title in page and product.producer.name in page and product.origin_province.name in page
    assert product.current_certificate.number in page
    price = int(product.stockrecords.first().price)
    separator = "." if language == "vi" else ","
    assert f"{price:,}".replace(",", separator) + "\u00a0₫" in page


def test_prices_are_whole_dong_in_vietnamese_format(settings):
    from django.utils import translation
    from oscar.templatetags.currency_filters import currency

    with translation.override("vi"):
        assert currency(1250000) == "1.250.000\u00a0₫"
        assert currency("1250000.00") == "1.250.000\u00a0₫"


def test_category_page_lists_only_its_group(client):
    node = get_model("ocop", "TaxonomyNode").objects.get(version__code="26/2026", code="1.5")
    response = client.get(node.category.get_absolute_url())
    assert response.status_code == 200
    titles = re.findall(r'class="product-title">\s*<a [^>]*title="([^"]+)"', response.content.decode())
    assert titles and all(Product.objects.get(title=t).classification.code.startswith("1.5.") for t in titles)


def test_search_finds_vietnamese_text_typed_without_diacritics(client):
    response = client.get(reverse("search:search"), {"q": "nuoc mam phu quoc"})
    assert response.status_code == 200
    assert "Nước mắm Phú Quốc" in response.content.decode()


@pytest.mark.parametrize("query", ["stars=9", "page=abc", "sort=cheap", "province=99", "nonsense=1"])
def test_malformed_listing_parameters_are_a_400_with_a_message(client, query):
    response = client.get(reverse("search:search") + "?" + query)
    assert response.status_code == 400
    assert "alert-warning" in response.content.decode()
    api = client.get("/api/search/?" + query)
    assert api.status_code == 400 and "error" in api.json()


def test_search_api_returns_results_and_facets(client):
    data = client.get("/api/search/", {"stars": "5"}).json()
    assert data["total"] >= 5
    assert all(result["stars"] == 5 for result in data["results"])
    assert {"group", "province", "stars"} <= set(data["facets"])


@pytest.mark.parametrize(
    ("pick", "status_text", "code"),
    [
        (lambda: Certificate.objects.filter(revoked_on__isnull=False).first(), "ĐÃ THU HỒI", 200),
        (lambda: Certificate.objects.filter(valid_until__lt=DEMO_DAY, superseded_by__isnull=True).first(),
         "HẾT HIỆU LỰC", 200),
    ],
)
def test_verify_page_states_the_certificate_status(client, pick, status_text, code):
    certificate = pick()
    response = client.get(reverse("ocop:verify", kwargs={"number": certificate.number}))
    assert response.status_code == code
    assert status_text in response.content.decode()


def test_verify_page_says_not_found_for_an_unknown_number(client):
    response = client.get(reverse("ocop:verify", kwargs={"number": "OCOP-00-0000-0000"}))
    assert response.status_code == 404
    assert "KHÔNG TÌM THẤY" in response.content.decode()
