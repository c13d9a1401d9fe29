"""A buyer searches, opens the second result, and the search's click is on record (search.SearchClick)."""

import re

import psycopg
import pytest
from playwright.sync_api import expect

from .conftest import e2e_database_url

pytestmark = pytest.mark.e2e


def clicks_of(query):
    with psycopg.connect(e2e_database_url()[0]) as connection:
        return connection.execute(
            "SELECT c.product_id, c.position FROM search_searchclick c JOIN search_searchrecord r ON r.id = c.record_id"
            " WHERE r.query = %s ORDER BY c.id", [query]).fetchall()


def test_a_buyer_opens_a_search_result_and_the_click_is_recorded(page):
    page.goto("/search/?q=nước+mắm")
    second = page.locator(".product-grid > li").nth(1)
    expect(second).to_have_attribute("data-position", "2")
    product_id = int(second.get_attribute("data-product-id"))
    link = second.locator(".product-title a")
    product_url = link.get_attribute("href")

    with page.expect_response(lambda response: "/api/search/click/" in response.url) as beacon:
        link.click()
    assert beacon.value.status == 204
    expect(page).to_have_url(re.compile(re.escape(product_url) + "$"))  # the product's own URL, unchanged
    assert clicks_of("nước mắm") == [(product_id, 2)]
