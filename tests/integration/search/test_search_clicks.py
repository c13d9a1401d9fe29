"""The results buyers open from a search (search.SearchClick): the page marks each result, a beacon reports the
click to /api/search/click/, which accepts only a well-formed click on a recent search and stores nothing
personal."""

import re
from datetime import timedelta

import pytest

from search.models import SearchClick, SearchRecord
from search.records import MAX_CLICKS_PER_SEARCH

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today", "use_database")]

CLICK_URL = "/api/search/click/"


@pytest.fixture
def recent_search(client):
    client.get("/search/?q=mat+ong")
    return SearchRecord.objects.get()


def click(client, **fields):
    return client.post(CLICK_URL, fields, HTTP_X_FORWARDED_FOR="203.0.113.9", HTTP_USER_AGENT="Pixel 8")


def test_the_search_page_marks_its_results_with_the_record_and_each_position(client):
    page = client.get("/search/?q=mat+ong").content.decode()
    record = SearchRecord.objects.get()
    assert f'data-search-record="{record.pk}"' in page and 'data-click-url="/api/search/click/"' in page
    positions = re.findall(r'data-product-id="(\d+)" data-position="(\d+)"', page)
    assert [int(position) for _, position in positions] == list(range(1, len(positions) + 1))
    assert len(positions) == min(record.results, len(positions)) > 0
    assert "ocop/js/search-clicks" in page


def test_a_browsing_page_without_words_has_no_click_marks(client):
    page = client.get("/search/?province=91").content.decode()
    assert "data-search-record" not in page and "search-clicks" not in page


def test_the_api_gives_the_search_id_a_client_reports_clicks_with_in_a_header_outside_the_cached_body(client):
    first = client.get("/api/search/?q=nuoc+mam")
    assert first["X-Search-Id"] == str(SearchRecord.objects.get().pk) and "search_id" not in first.json()
    again = client.get("/api/search/?q=nuoc+mam")  # a second search: its own record, the same body and ETag
    assert again["X-Search-Id"] != first["X-Search-Id"] and again["ETag"] == first["ETag"]
    assert "X-Search-Id" not in client.get("/api/search/?q=nuoc+mam&page=2")


def test_a_click_is_recorded_with_nothing_personal(client, recent_search):
    response = click(client, search=recent_search.pk, product=42, position=3)
    assert response.status_code == 204
    stored = SearchClick.objects.get()
    assert (stored.record, stored.product_id, stored.position) == (recent_search, 42, 3)
    assert stored.clicked_at is not None
    assert {field.name for field in SearchClick._meta.get_fields()} == {
        "id", "record", "product_id", "position", "clicked_at"}


def test_the_click_endpoint_needs_no_csrf_token_but_only_accepts_post(recent_search):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(CLICK_URL, {"search": recent_search.pk, "product": 1, "position": 1}).status_code == 204
    assert strict.get(CLICK_URL).status_code == 405


@pytest.mark.parametrize("fields, message", [
    ({"product": 1, "position": 1}, "search"),
    ({"search": "abc", "product": 1, "position": 1}, "search"),
    ({"search": "99999999", "product": 1, "position": 1}, "99999999"),
    ({"search": "RECORD", "product": "-1", "position": 1}, "product"),
    ({"search": "RECORD", "product": "1.5", "position": 1}, "product"),
    ({"search": "RECORD", "product": "99999999999", "position": 1}, "product"),
    ({"search": "RECORD", "product": 1, "position": 0}, "position"),
    ({"search": "RECORD", "product": 1, "position": 101}, "position"),
    ({"search": "RECORD", "product": 1}, "position"),
])
def test_a_malformed_click_is_a_400_that_says_what_was_wrong(client, recent_search, fields, message):
    fields = {name: recent_search.pk if value == "RECORD" else value for name, value in fields.items()}
    response = click(client, **fields)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not SearchClick.objects.exists()


def test_a_value_given_twice_is_refused(client, recent_search):
    response = client.post(CLICK_URL, f"search={recent_search.pk}&product=1&product=2&position=1",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "product" in response.json()["error"]
    assert not SearchClick.objects.exists()


def test_a_search_older_than_the_click_window_takes_no_clicks(client, recent_search, demo_today):
    demo_today.shift(timedelta(hours=2, minutes=1))
    response = click(client, search=recent_search.pk, product=1, position=1)
    assert response.status_code == 400 and str(recent_search.pk) in response.json()["error"]
    assert not SearchClick.objects.exists()


def test_one_search_takes_a_bounded_number_of_clicks(client, recent_search):
    for position in range(1, MAX_CLICKS_PER_SEARCH + 1):
        assert click(client, search=recent_search.pk, product=position, position=position).status_code == 204
    refused = click(client, search=recent_search.pk, product=1, position=1)
    assert refused.status_code == 429 and refused.json()["error"]
    assert SearchClick.objects.count() == MAX_CLICKS_PER_SEARCH


def test_deleting_a_search_record_deletes_its_clicks_but_a_deleted_product_keeps_them(client, recent_search):
    click(client, search=recent_search.pk, product=987654, position=1)  # no such product: history is kept as is
    assert SearchClick.objects.filter(product_id=987654).exists()
    recent_search.delete()
    assert not SearchClick.objects.exists()
