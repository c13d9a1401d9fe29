"""A listing page costs a fixed number of queries, however many product cards it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]


def queries_for(client, url):
    client.get(url)  # warm the thumbnail cache: it is per process, not per request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode().count('class="product_pod"')


def test_a_full_page_of_cards_costs_no_more_queries_than_a_short_one(client):
    full, full_cards = queries_for(client, "/search/?q=thuc+pham")  # 'food': most of the demo catalogue
    short, short_cards = queries_for(client, "/search/?q=che+dinh+tan+cuong")
    assert full_cards == 24 and 1 <= short_cards < 5
    assert full == short
    assert full <= 30
    listing, listing_cards = queries_for(client, "/catalogue/")  # no words: no vocabulary, no search record
    assert listing_cards == 24 and listing <= full
