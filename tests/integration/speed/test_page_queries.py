"""Each public page costs a small, fixed number of SQL queries, however many product cards it shows (issue 12):
home ≤ 12, listings (/catalogue/, a category, a search) ≤ 12, a product page ≤ 13, once its caches are warm; and
a cold cache costs more queries, but never more per card. A listing or API answer seen before reads no product at
all (its cards, sidebar and JSON are kept whole): ≤ 6 queries."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from cms.models import HomePage
from storefront.ocop.models import Province, badge_q, today

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductRecommendation = get_model("catalogue", "ProductRecommendation")

HOME, LISTING, PRODUCT = 12, 12, 13
# a listing or search API answer seen before: its cards' prices and stock (one query), the search's record, the
# request's transaction
KEPT_LISTING = 6


def cards(response):
    return len(re.findall(r'<article class="product_pod"', response.content.decode()))


def page_queries(client, url, *, warm=True):
    """(queries, cards) for one visit to `url`: after a first visit when `warm`, else on an empty cache. On an
    empty cache, sorl-thumbnail reads each image's thumbnail name from its database store once (then it is
    cached): those reads are left out, and counted to be at most one per card."""
    cache.clear()
    if warm:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    thumbnails = [query for query in captured if "thumbnail_kvstore" in query["sql"]]
    assert len(thumbnails) <= cards(response) + 1  # the cards' and the page's own images
    return len(captured) - len(thumbnails), cards(response)


def five_star_count():
    return Product.objects.filter(is_public=True, current_certificate__stars=5).filter(badge_q(today())).count()


@pytest.fixture
def home():
    page = HomePage.objects.get()
    page.featured_products.all().delete()  # the automatic choice: the newest 5-star certificates
    return page


def test_the_home_page_costs_the_same_few_queries_for_a_few_or_many_five_star_cards(client, home):
    many = min(24, five_star_count())
    assert many >= 8, "the demo should have enough 5-star products to tell a few cards from many"
    counts = {}
    for shown in (2, many):
        HomePage.objects.filter(pk=home.pk).update(featured_count=shown)
        counts[shown] = (page_queries(client, "/"), page_queries(client, "/", warm=False))
    (warm_few, few_cards), (cold_few, _) = counts[2]
    (warm_many, many_cards), (cold_many, _) = counts[many]
    assert (few_cards, many_cards) == (2, many)
    assert warm_few == warm_many <= HOME
    assert cold_few == cold_many


def few_products_province():
    """A province with one to five public products: its listing shows a few cards."""
    return (Province.objects.annotate(shown=Count("products", filter=Q(products__is_public=True)))
            .filter(shown__gte=1, shown__lte=5).order_by("code").first())


def test_a_listing_costs_the_same_few_queries_for_a_few_or_24_cards(client):
    few_url = f"/catalogue/?province={few_products_province().code}"
    warm_full, full_cards = page_queries(client, "/catalogue/")
    warm_few, few_cards = page_queries(client, few_url)
    assert full_cards == 24 and 1 <= few_cards <= 5
    assert warm_full == warm_few <= LISTING
    assert page_queries(client, "/catalogue/", warm=False)[0] == page_queries(client, few_url, warm=False)[0]


def test_a_search_page_costs_a_listings_few_queries(client):
    warm, shown = page_queries(client, "/search/?q=mat+ong")
    assert shown >= 1 and warm <= LISTING


def test_a_category_page_costs_a_listings_few_queries(client):
    product = Product.objects.filter(is_public=True, categories__is_public=True).order_by("pk").first()
    category = product.categories.filter(is_public=True).first()
    warm, shown = page_queries(client, category.get_absolute_url())
    assert shown >= 1 and warm <= LISTING


def test_a_product_page_costs_the_same_few_queries_for_one_or_five_recommendations():
    one, five, *others = (Product.objects.filter(is_public=True, structure=Product.STANDALONE, images__isnull=False)
                          .distinct().order_by("pk")[:7])
    ProductRecommendation.objects.create(primary=one, recommendation=others[0], ranking=1)
    for ranking, other in enumerate(others):
        ProductRecommendation.objects.create(primary=five, recommendation=other, ranking=ranking)
    few, few_cards = page_queries(Client(), one.get_absolute_url())  # new visitors: no recently viewed products
    many, many_cards = page_queries(Client(), five.get_absolute_url())
    assert (few_cards, many_cards) == (1, 5)
    assert few == many <= PRODUCT


def test_the_search_api_costs_the_same_few_queries_for_a_few_or_24_results(client):
    few, _ = page_queries(client, f"/api/search/?province={few_products_province().code}")
    full, _ = page_queries(client, "/api/search/")
    assert few == full <= LISTING
    assert page_queries(client, "/api/search/?q=mat+ong")[0] <= LISTING


@pytest.mark.parametrize("url", ["/catalogue/", "/search/?q=mat+ong", "/api/search/", "/api/search/?q=mat+ong"])
def test_a_listing_or_api_answer_seen_before_costs_a_few_queries_and_reads_no_product(client, url):
    cache.clear()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    assert len(captured) <= KEPT_LISTING
    assert not [query for query in captured if '"catalogue_product"' in query["sql"]]
