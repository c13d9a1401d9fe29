"""How people type, on both backends: Telex and VNI, short-syllable typos, regional words and staff's synonyms,
gift words, the correction's results when nothing matched, and the record of searches made."""

import pytest
from django.http import QueryDict
from oscar.core.loading import get_model

from search.interface import parse_params, run_search
from search.models import SearchRecord, Synonym

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.usefixtures("demo_today")

PHU_QUOC_FISH_SAUCE = {"Nước mắm Phú Quốc 30 độ đạm", "Nước mắm Phú Quốc 35 độ đạm", "Nước mắm Phú Quốc 40 độ đạm",
                       "Nước mắm nhĩ Phú Quốc 43 độ đạm"}


def search(qs, per_page=20):
    return run_search(parse_params(QueryDict(qs)), per_page=per_page)


def titles(results, first=None):
    return [product.title_vi for product in results.products][:first]


@pytest.mark.parametrize("q", ["nuowcs+mawms", "nu7o71c+ma8m1"])
def test_telex_and_vni_typed_with_the_input_method_off_find_the_fish_sauce(backend, q):
    found = search(f"q={q}")
    assert PHU_QUOC_FISH_SAUCE <= set(titles(found))
    assert found.corrected_query == ""  # understood, not corrected
    assert found.did_you_mean == "nước mắm"  # and the Vietnamese words proposed, to type next time


def test_one_typo_in_a_short_syllable_is_forgiven(backend):
    assert all(title.startswith("Nước mắm") for title in titles(search("q=nuoc+mamm"), 5))
    assert set(titles(search("q=nuoc+mam+phu+quok"), 4)) == PHU_QUOC_FISH_SAUCE


def test_a_southern_word_finds_the_northern_one(backend):
    # bắp is the South's ngô (maize): the Bắc Hà maize liquor
    assert "Rượu ngô men lá Bắc Hà" in titles(search("q=rượu+bắp"), 3)


def test_shorthand_and_loanwords_find_the_vietnamese_words(backend):
    assert set(titles(search("q=nc+mam+phu+quoc"), 4)) == PHU_QUOC_FISH_SAUCE
    assert all(title.startswith("Cà phê") for title in titles(search("q=cafe"), 3))


def test_a_word_with_diacritics_does_not_expand_to_a_different_word_folding_alike(backend):
    # dừa (coconut) folds like dứa (pineapple), whose Southern name is thơm: 'kẹo dừa' must not become 'kẹo thơm'
    coconut = search("q=kẹo+dừa")
    assert titles(coconut, 2) and all("dừa" in title for title in titles(coconut, 2))


def test_a_synonym_staff_add_is_used_by_the_next_search_without_reindexing(backend):
    assert search("q=palmyra").total == 0
    synonym = Synonym.objects.create(key="thot-not-palmyra", kind=Synonym.Kind.LOANWORD, terms="thốt nốt, palmyra")
    assert titles(search("q=palmyra"), 1) == ["Đường thốt nốt Tri Tôn"]
    synonym.delete()
    assert search("q=palmyra").total == 0


def test_gift_words_find_the_gift_groups_not_a_single_product(backend):
    found = search("q=quà+Tết")
    assert found.total >= 20
    gift_sets = ("1.2.2", "1.2.3", "1.3.3", "1.5.", "1.6.", "2.1.", "4.1.1")
    for product in found.products[:5]:
        text = " ".join([product.title_vi, product.description_vi or "", product.story_vi or ""])
        assert product.classification.code.startswith(gift_sets) or "quà" in text or "Tết" in text, product.title_vi


def test_bưởi_ranks_the_pomelo_first(backend):
    assert titles(search("q=bưởi"), 1) == ["Bưởi Phúc Trạch"]


def test_exact_searches_the_words_as_typed_only(backend):
    assert search("q=nuowcs+mawms&exact=1").total == 0
    exact = search("q=mat+onggg&exact=1")
    assert exact.total == 0 and exact.corrected_query == ""


def test_a_query_that_finds_nothing_shows_the_corrections_results_with_a_link_to_the_exact_words(backend, vi):
    response = vi.get("/search/?q=mat+onggg")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Đang hiển thị kết quả cho “<strong>mat ong</strong>”" in page
    assert 'href="?q=mat+onggg&amp;exact=1"' in page
    assert "Mật ong bạc hà Mèo Vạc" in page
    exact = vi.get("/search/?q=mat+onggg&exact=1").content.decode()
    assert "Đang hiển thị kết quả cho" not in exact and "Mật ong bạc hà Mèo Vạc" not in exact


def test_the_api_says_when_its_results_are_the_corrections(backend, client):
    corrected = client.get("/api/search/?q=mat+onggg").json()
    assert corrected["corrected_query"] == "mat ong"
    assert corrected["total"] >= 2 and {r["title"] for r in corrected["results"]} >= {
        "Mật ong bạc hà Mèo Vạc", "Mật ong rừng tràm U Minh"}
    plain = client.get("/api/search/?q=mat+ong").json()
    assert plain["corrected_query"] == "" and plain["total"] == corrected["total"]
    assert client.get("/api/search/?q=mat+onggg&exact=1").json()["total"] == 0
    assert client.get("/api/search/?q=mat&exact=yes").status_code == 400


def test_each_search_is_recorded_without_anything_personal(backend, client):
    client.get("/search/?q=Mat+onggg&province=96", HTTP_X_FORWARDED_FOR="203.0.113.9")
    client.get("/api/search/?q=nuoc+mam")
    client.get("/search/?q=nuoc+mam&page=2")  # the same search, paged: not another one
    client.get("/search/?province=91")  # no words: browsing, not a search
    page, api = SearchRecord.objects.order_by("pk")
    assert (page.query, page.folded, page.corrected_to, page.filters, page.backend, page.source) == (
        "Mat onggg", "mat onggg", "mat ong", ["province"], backend, "page")
    assert page.results == search("q=mat+ong&province=96").total > 0
    assert (api.query, api.folded, api.corrected_to, api.filters, api.source) == ("nuoc mam", "nuoc mam", "", [], "api")
    assert api.results > 0 and api.searched_at is not None
    assert {field.name for field in SearchRecord._meta.concrete_fields} == {  # what is stored (not its clicks)
        "id", "query", "folded", "results", "corrected_to", "filters", "backend", "source", "searched_at"}


def test_the_synonym_file_is_loaded_and_a_newer_file_replaces_rows_only_when_asked(db):
    from io import StringIO

    from django.core.management import call_command

    assert Synonym.objects.filter(key="lac-dau-phong", terms="lạc, đậu phộng").exists()  # the migration loaded it
    Synonym.objects.filter(key="lac-dau-phong").update(terms="lạc, đậu phộng, lạc rang")  # a staff edit
    out = StringIO()
    call_command("load_search_synonyms", stdout=out)
    assert Synonym.objects.get(key="lac-dau-phong").terms == "lạc, đậu phộng, lạc rang"
    assert "0 added, 0 replaced" in out.getvalue()
    call_command("load_search_synonyms", "--replace", stdout=out)
    assert Synonym.objects.get(key="lac-dau-phong").terms == "lạc, đậu phộng"


def test_staff_edit_the_synonyms_in_wagtails_admin(admin_client):
    listing = admin_client.get("/cms/snippets/search/synonym/")
    assert listing.status_code == 200 and "đậu phộng" in listing.content.decode()
    synonym = Synonym.objects.get(key="vung-me")
    edit = admin_client.get(f"/cms/snippets/search/synonym/edit/{synonym.pk}/")
    assert edit.status_code == 200
