"""Elasticsearch-only behaviour: ranking, typos, the alias swap, indexing after commit, badge expiry by date,
and the fallback when the node stops."""

import logging
import os
import socket
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.http import QueryDict
from elasticsearch import Elasticsearch
from oscar.core.loading import get_model

from search import indexing
from search.interface import parse_params, run_search
from tests import factories

StaleProduct = get_model("search", "StaleProduct")
ROOT = Path(__file__).resolve().parents[3]


def search(qs):
    return run_search(parse_params(QueryDict(qs)), per_page=50)


def pks(results):
    return [product.pk for product in results.products]


def titles(results):
    return [product.title for product in results.products]


def test_exact_diacritics_rank_above_folded_matches(fresh_index):
    owner = factories.producer()
    factories.product(owner, title="Mút gừng Huế")  # folds to the same words
    factories.product(owner, title="Mứt gừng Huế")
    fresh_index()
    exact = titles(search("q=Mứt+gừng+Huế"))
    assert exact.index("Mứt gừng Huế") < exact.index("Mút gừng Huế")
    other = titles(search("q=Mút+gừng+Huế"))
    assert other.index("Mút gừng Huế") < other.index("Mứt gừng Huế")


def test_one_typo_is_forgiven_in_syllables_of_three_letters_or_more_never_the_first_letter(use_es, db):
    assert "Chè búp Tân Cương" in titles(search("q=che+bup+tan+cuomg"))  # cuong -> cuomg
    assert "Nước mắm Phú Quốc 40 độ đạm" in titles(search("q=nuoc+mam+phu+quocc"))  # a letter too many
    # Vietnamese syllables are short: one edit from three letters on ('vnag' -> vàng)
    assert "Trà hoa vàng Ba Chẽ" in titles(search("q=tra+hoa+vnag"))
    assert search("q=tra+hoa+vnag&exact=1").total == 0
    # never the first letter: 'gang' is not 'vang'
    assert "Trà hoa vàng Ba Chẽ" not in titles(search("q=tra+hoa+gang"))


def test_two_typos_are_not_forgiven_but_the_correction_is_offered(use_es, db, vi):
    far = search("q=nuoc+mammm&exact=1")
    assert far.total == 0 and far.did_you_mean == "nuoc mam"
    html = vi.get("/search/", {"q": "nuoc mammm"}).content.decode()
    assert "search-corrected" in html and "Nước mắm Phú Quốc 40 độ đạm" in html


def test_rebuild_while_serving_moves_the_alias_and_deletes_the_old_index(use_es, es_url, db, settings):
    settings.SEARCH_INDEX_ALIAS = "test-swap-products"
    es = Elasticsearch(es_url)
    es.indices.delete(index="test-swap-products-*", ignore_unavailable=True)
    try:
        first, _ = indexing.rebuild()
        before = search("q=nuoc+mam").total
        second, count = indexing.rebuild()
        assert first != second and count > 100
        assert list(es.indices.get_alias(name="test-swap-products").body) == [second]
        assert not es.indices.exists(index=first)
        assert search("q=nuoc+mam").total == before
    finally:
        es.indices.delete(index="test-swap-products-*", ignore_unavailable=True)


def test_saved_changes_reach_the_index_after_commit(fresh_index, django_capture_on_commit_callbacks):
    fresh_index()
    with django_capture_on_commit_callbacks(execute=True):
        item = factories.product(title="Bánh pía Sóc Trăng sầu riêng", price=90000)
    assert item.pk in pks(search("q=banh+pia+soc+trang+sau+rieng"))
    record = item.stockrecords.get()
    record.price = 450000
    with django_capture_on_commit_callbacks(execute=True):
        record.save()
    assert item.pk in pks(search("q=banh+pia+soc+trang+sau+rieng&price=300000-1000000"))
    with django_capture_on_commit_callbacks(execute=True):
        item.is_public = False
        item.save()
    assert item.pk not in pks(search("q=banh+pia+soc+trang+sau+rieng"))


def test_an_index_failure_never_fails_the_save_and_sync_catches_up(fresh_index, settings, caplog,
                                                                     django_capture_on_commit_callbacks):
    fresh_index()
    live = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="search.signals"), django_capture_on_commit_callbacks(execute=True):
        item = factories.product(title="Kẹo dừa Bến Tre sáp")
    assert "Search index update failed" in caplog.text
    assert StaleProduct.objects.filter(product_id=item.pk).exists()
    settings.ELASTICSEARCH_URL = live
    assert search("q=keo+dua+ben+tre+sap&exact=1").total == 0  # exact: not the correction's results
    indexing.sync()
    assert titles(search("q=keo+dua+ben+tre+sap")) == ["Kẹo dừa Bến Tre sáp"]
    assert not StaleProduct.objects.filter(product_id=item.pk).exists()


def test_an_expired_badge_and_its_star_count_vanish_at_midnight_without_reindexing(fresh_index):
    item = factories.product(title="Rượu cần Lắk men lá")
    cert = factories.certificate(item)
    stars = cert.stars
    last_day = cert.valid_until
    fresh_index()

    def star_counts():
        results = search("q=ruou+can+lak")
        return results.total, {v.key: v.count for f in results.facets if f.name == "stars" for v in f.values}

    with time_machine.travel(f"{last_day} 23:59", tick=False):
        total, counts = star_counts()
        assert total == 1 and counts[str(stars)] == 1
        assert search(f"q=ruou+can+lak&stars={stars}").total == 1
    with time_machine.travel(f"{last_day + timedelta(days=1)} 00:01", tick=False):
        total, counts = star_counts()
        assert total == 1 and counts[str(stars)] == 0
        assert search(f"q=ruou+can+lak&stars={stars}").total == 0
        assert search("q=ruou+can+lak").products[0].ocop_stars is None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def private_node():
    """A second node of our own on a free port, so stopping it leaves the other tests' node alone."""
    env = {**os.environ, "OCOP_ES_PORT": str(free_port()), "OCOP_ES_JAVA_OPTS": "-Xms256m -Xmx256m"}
    env.pop("OCOP_ES_RUN", None)
    script = ROOT / "tests/services/elasticsearch.sh"
    started = subprocess.run(["bash", str(script), "start"], env=env, capture_output=True, text=True, timeout=180)
    if started.returncode:
        pytest.fail(f"the private Elasticsearch node did not start:\n{started.stderr[-2000:]}")
    node = {"url": started.stdout.strip().splitlines()[-1].split("=", 1)[1],
            "stop": lambda: subprocess.run(["bash", str(script), "stop"], env=env, capture_output=True, timeout=60)}
    yield node
    node["stop"]()


def test_the_site_answers_from_the_database_when_the_node_stops_mid_run(private_node, settings, db, client, caplog):
    settings.ELASTICSEARCH_URL = private_node["url"]
    settings.SEARCH_INDEX_ALIAS = "test-private-products"
    indexing.rebuild()
    assert client.get("/api/search/", {"q": "nuoc mam"}).json()["backend"] == "elasticsearch"
    private_node["stop"]()
    with caplog.at_level(logging.WARNING, logger="search.interface"):
        data = client.get("/api/search/", {"q": "nuoc mam", "province": "91"}).json()
        page = client.get("/search/", {"q": "nuoc mam"})
        suggestions = client.get("/api/search/suggest", {"q": "nuoc m"}).json()
    assert data["backend"] == "database" and data["total"] >= 4
    assert page.status_code == 200 and "Nước mắm" in page.content.decode()
    assert suggestions["products"]
    assert "answering from the database" in caplog.text
