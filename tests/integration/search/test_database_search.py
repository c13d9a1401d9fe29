"""The database backend on PostgreSQL: full-text words on a GIN index, typos through the catalogue's vocabulary,
facets in one query. (Behaviour shared with Elasticsearch is in test_search_both_backends.py.)"""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from search.backends.database import DatabaseBackend
from search.interface import parse_params, run_search
from search.matching import expand, understood

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
SearchWord = get_model("search", "SearchWord")

pytestmark = pytest.mark.usefixtures("demo_today", "use_database")


def search(qs, per_page=100):
    return run_search(parse_params(QueryDict(qs)), per_page=per_page)


def titles(results):
    return {product.title for product in results.products}


def test_words_are_matched_through_the_gin_index_on_the_products_words(db):
    backend = DatabaseBackend()
    slots = [slots for _, slots in understood("nuoc mam", exact=True)]
    hits = backend.base_queryset().filter(backend.words_filter(slots))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small would be scanned anyway
        sql, params = hits.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "catalogue_product_search_words" in plan


def test_english_words_are_matched_through_an_index_too_so_the_vietnamese_one_still_serves(db):
    backend = DatabaseBackend()
    hits = backend.base_queryset().filter(backend.understood_filter("fish sauce"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = hits.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "catalogue_product_english" in plan and "catalogue_product_search_words" in plan
    assert "Seq Scan on catalogue_product " not in plan


def test_a_word_typed_with_one_mistake_still_finds_the_product(db):
    assert "Nước mắm Phú Quốc 40 độ đạm" in titles(search("q=nuoc+mamm"))  # a letter too many
    assert "Nước mắm Phú Quốc 40 độ đạm" in titles(search("q=nuoc+mam+phu+quok"))  # a letter changed
    assert any(title.startswith("Trà hoa vàng") for title in titles(search("q=tra+hoa+vnag")))  # two swapped


def test_a_word_the_catalogue_has_is_taken_as_typed_and_an_unknown_one_reaches_its_neighbours(db):
    widened = expand({"tra", "kien", "mamm", "quok", "vnag", "xyzzy"})
    assert widened["tra"] == {"tra"} and widened["kien"] == {"kien"}  # not tre, trai, khen
    assert "mam" in widened["mamm"] and "quoc" in widened["quok"] and "vang" in widened["vnag"]
    assert all(word[0] == "m" for word in widened["mamm"])  # never the first letter
    assert widened["xyzzy"] == {"xyzzy"}


def test_the_exact_words_allow_no_typo(db):
    assert search("q=nuoc+mamm&exact=1").total == 0


def test_words_of_products_written_in_bulk_enter_the_vocabulary(db):
    Product.objects.bulk_create([Product(title="Mắm tép Xuânthuỷ", search_text="mam tep xuanthuy",
                                         product_class=ProductClass.objects.get(slug="ocop-product"))])
    assert SearchWord.objects.filter(word="xuanthuy").exists()
    Product.objects.filter(search_text="mam tep xuanthuy").update(search_text="mam tep giaothuy")
    assert SearchWord.objects.filter(word="giaothuy").exists()


def test_the_total_and_every_facet_come_from_one_query_that_prices_each_product_once(db):
    backend = DatabaseBackend()
    params = parse_params(QueryDict("q=nuoc+mam&stars=4,5&price=0-100000,100000-300000&province=91"))
    with CaptureQueriesContext(connection) as captured:
        results = backend.search(params, per_page=24)
    facet_queries = [query["sql"] for query in captured.captured_queries if "UNION ALL" in query["sql"]]
    assert len(facet_queries) == 1
    assert facet_queries[0].count("MIN(") == 1  # the lowest price: once per product, not once per band
    assert results.total == len(results.products) > 0


def test_renaming_a_producer_renames_the_words_its_products_are_found_by(db):
    from tests import factories

    owner = factories.producer(name="HTX Hoa Sen")
    item = factories.product(owner, title="Trà sen Tây Hồ")
    owner.name = "HTX Bông Súng"
    owner.save()
    assert "htx bong sung" in Product.objects.get(pk=item.pk).search_text
    assert item.pk in {product.pk for product in search("q=tra+sen+bong+sung").products}
