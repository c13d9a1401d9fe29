"""What buyers see from search, checked against Elasticsearch and against the database fallback alike."""

import pytest
from django.db.models import Min, Q
from django.http import QueryDict
from oscar.core.loading import get_model

from storefront.ocop.models import badge_q
from search.interface import parse_params, run_search
from search.params import PRICE_BANDS, price_band
from storefront.ocop.models import today
from storefront.site_url import absolute_url

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.usefixtures("demo_today")


def search(qs, per_page=200):
    return run_search(parse_params(QueryDict(qs)), per_page=per_page)


def titles(results):
    return {product.title for product in results.products}


def facet(results, name):
    return {value.key: value.count for value in next(f for f in results.facets if f.name == name).values}


def public():
    return Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])


def test_the_backend_asked_for_answers(backend):
    assert search("").backend == backend


def test_a_query_without_diacritics_finds_titles_with_them(backend):
    found = titles(search("q=nuoc+mam+phu+quoc"))
    assert {"Nước mắm Phú Quốc 30 độ đạm", "Nước mắm Phú Quốc 35 độ đạm",
            "Nước mắm Phú Quốc 40 độ đạm", "Nước mắm nhĩ Phú Quốc 43 độ đạm"} <= found
    assert all("Nước mắm" in title for title in found)


def test_d_without_stroke_finds_the_vietnamese_d(backend):
    assert "Đường thốt nốt Tri Tôn" in titles(search("q=duong+thot+not"))


def test_a_former_province_name_finds_products_of_the_province_it_merged_into(backend):
    # Kiên Giang merged into An Giang (91) on 1 July 2025; Phú Quốc fish sauce is from there
    found = search("q=kien+giang")
    assert "Nước mắm Phú Quốc 30 độ đạm" in titles(found)
    assert {product.origin_province.code for product in found.products} == {"91"}


def test_facet_counts_equal_the_database_counts(backend):
    results = search("")
    day = today()
    assert results.total == public().count()
    provinces = facet(results, "province")
    for code, count in provinces.items():
        assert count == public().filter(origin_province__code=code).count()
    stars = facet(results, "stars")
    for n in (3, 4, 5):
        assert stars[str(n)] == public().filter(badge_q(day), current_certificate__stars=n).count()
    groups = facet(results, "group")
    assert groups["1.4"] == public().filter(classification__code__startswith="1.4.").count()
    assert groups["1"] == public().filter(classification__code__startswith="1.").count()
    priced = public().annotate(low=Min("stockrecords__price"))
    prices = facet(results, "price")
    for key in PRICE_BANDS:
        low, high = price_band(key)
        expected = priced.filter(Q(low__gte=low) & (Q(low__lt=high) if high else Q())).count()
        assert prices[key] == expected, key
    types = facet(results, "producer_type")
    assert types["cooperative"] == public().filter(producer__legal_type="cooperative").count()


def test_values_of_one_facet_widen_and_facets_narrow(backend):
    one = search("province=91").total
    other = search("province=48").total
    assert search("province=91,48").total == one + other
    narrowed = search("province=91&stars=5")
    assert 0 < narrowed.total < one
    assert all(product.ocop_stars == 5 and product.origin_province.code == "91" for product in narrowed.products)


def test_each_facet_counts_with_the_other_facets_selections_only(backend):
    results = search("province=91&stars=5")
    # the province facet ignores the province selection but applies the stars one
    provinces = facet(results, "province")
    assert provinces["91"] == results.total
    assert sum(provinces.values()) == search("stars=5").total
    # the stars facet applies the province selection
    assert facet(results, "stars")["4"] == search("province=91&stars=4").total


def test_price_bands_and_producer_types_filter(backend):
    results = search("price=0-100000&producer_type=household")
    assert results.total > 0
    for product in results.products:
        assert min(record.price for record in product.stockrecords.all()) < 100000
        assert product.producer.legal_type == "household"
    assert facet(results, "price")["0-100000"] == results.total


def test_sorting_by_stars_price_and_newest(backend):
    stars = [product.ocop_stars or 0 for product in search("sort=stars").products]
    assert stars == sorted(stars, reverse=True)
    up = [min(r.price for r in p.stockrecords.all()) for p in search("sort=price_asc").products]
    assert up == sorted(up)
    down = [min(r.price for r in p.stockrecords.all()) for p in search("sort=price_desc").products]
    assert down == sorted(down, reverse=True)
    newest = [product.date_created for product in search("sort=newest").products]
    assert newest == sorted(newest, reverse=True)


def test_pages_split_the_results_without_overlap(backend):
    first = run_search(parse_params(QueryDict("sort=price_asc")), per_page=10)
    second = run_search(parse_params(QueryDict("sort=price_asc&page=2")), per_page=10)
    assert first.total == second.total and first.num_pages == second.num_pages > 2
    assert len(first.products) == len(second.products) == 10
    assert not {p.pk for p in first.products} & {p.pk for p in second.products}


#: Requests whose totals and facet counts both backends must agree on: no words, words with and without marks,
#: several words, typos, a former province, and every facet alone and together.
AGREEMENT_REQUESTS = [
    "", "group=1.4", "province=91,48&stars=4,5", "price=100000-300000&producer_type=cooperative",
    "price=0-100000,1000000-", "q=tra", "q=tr%C3%A0", "q=nuoc+mam", "q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm",
    "q=tra+hoa+vang&stars=5", "q=mat+ong+hoa+nhan", "q=nuoc+mamm", "q=phu+quok", "q=tinh+dauu", "q=kien+giang",
    "q=tra&stars=4,5&price=100000-300000", "q=gao&province=91,48", "q=banh&group=1&producer_type=household",
    "q=ruou&sort=price_asc&price=300000-1000000", "group=1.5&sort=newest&stars=3",
]


@pytest.fixture
def bigger_catalogue(fresh_index):
    """The demo catalogue plus 300 synthetic products (the benchmark's factory), indexed."""
    from storefront.demo.synthetic import SyntheticFactory
    from tests.demo_clock import DEMO_DAY

    SyntheticFactory(DEMO_DAY, seed=12).batch(0, 300)
    fresh_index()


def test_both_backends_give_the_same_totals_and_facets_for_the_same_requests(bigger_catalogue, settings):
    es_url = settings.ELASTICSEARCH_URL
    for qs in AGREEMENT_REQUESTS:
        settings.ELASTICSEARCH_URL = es_url
        es = search(qs)
        settings.ELASTICSEARCH_URL = ""
        database = search(qs)
        assert es.backend == "elasticsearch" and database.backend == "database"
        assert (qs, es.total) == (qs, database.total)
        for name in ("group", "province", "stars", "price", "producer_type"):
            assert (qs, name, facet(es, name)) == (qs, name, facet(database, name))
    # the requests find something, so the agreement is not that of two empty answers
    found = {qs: search(qs).total for qs in ("q=tra", "q=nuoc+mamm", "q=phu+quok", "q=tinh+dauu")}
    assert all(found.values()), found


def test_the_json_api_answers_results_and_facets(backend, client):
    response = client.get("/api/search/", {"q": "tra hoa vang", "stars": "5", "sort": "price_asc"})
    assert response.status_code == 200
    data = response.json()
    assert data["backend"] == backend
    assert data["total"] == len(data["results"]) >= 1
    first = data["results"][0]
    assert set(first) >= {"id", "title", "url", "price", "stars", "province", "group", "producer", "image"}
    assert first["stars"] == 5 and "Trà hoa vàng" in first["title"]
    assert {"key", "label", "count", "selected"} <= set(data["facets"]["stars"][0])
    assert [v["selected"] for v in data["facets"]["stars"] if v["key"] == "5"] == [True]
    assert set(data["facets"]) == {"group", "province", "stars", "price", "producer_type"}


@pytest.mark.parametrize("qs", ["stars=7", "price=5-10", "producer_type=state", "sort=best", "page=x",
                                "group=99", "province=00", "colour=red"])
def test_the_json_api_refuses_bad_parameters_with_a_json_400(backend, client, qs):
    response = client.get("/api/search/?" + qs)
    assert response.status_code == 400
    assert response.json()["error"]


def test_autocomplete_proposes_products_and_groups_from_the_first_letters(backend, client):
    data = client.get("/api/search/suggest", {"q": "nuoc m"}).json()
    assert data["products"] and all("Nước mắm" in item["title"] for item in data["products"])
    assert data["products"][0]["url"].startswith(absolute_url("/catalogue/"))  # on the public host
    groups = client.get("/api/search/suggest", {"q": "do uo"}).json()["groups"]
    keys = [group["key"] for group in groups]  # Đồ uống and its groups, typed without diacritics
    assert "2" in keys and all(key.startswith("2") for key in keys)


def test_the_search_page_shows_facets_chips_and_a_helpful_empty_result(backend, vi):
    page = vi.get("/search/", {"q": "nuoc mam", "province": "91"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "facet--price" in html and "facet--producer_type" in html
    assert 'class="chip"' in html
    empty = vi.get("/search/", {"q": "khongcogica"}).content.decode()
    assert "no-results" in empty and "chip--suggest" in empty
