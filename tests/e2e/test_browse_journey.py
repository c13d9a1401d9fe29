"""A buyer on a phone finds a certified product from the home page and checks its certificate."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_buyer_goes_from_home_to_a_five_star_product_and_verifies_its_certificate(phone):
    phone.goto("/")
    expect(phone.locator("h1")).to_contain_text("OCOP")
    first = phone.locator(".product_pod").first
    expect(first.locator(".ocop-badge")).to_contain_text("OCOP 5 sao")
    title = first.locator(".product-title a").inner_text()
    first.locator(".product-title a").click()

    expect(phone.locator("h1")).to_have_text(title)
    expect(phone.locator(".certificate-table")).to_contain_text("Bộ Nông nghiệp")
    number = phone.locator(".certificate-table a.certificate-number").inner_text()
    phone.locator(".certificate-table a.certificate-number").click()

    expect(phone).to_have_url(re.compile(rf"/verify/{re.escape(number)}/$"))
    expect(phone.locator(".verify-status")).to_contain_text("CÒN HIỆU LỰC")


def test_buyer_searches_without_diacritics_and_filters_by_province(page):
    page.goto("/")
    page.locator(".hero-search input[name=q]").fill("nuoc mam")
    page.locator(".hero-search button").click()
    expect(page.locator(".product_pod").first).to_be_visible()
    expect(page.locator(".product-grid")).to_contain_text("Nước mắm")
    page.locator(".facet--province a", has_text="An Giang").click()
    expect(page.locator(".filter-chips")).to_contain_text("An Giang")
    origins = page.locator(".product-origin").all_inner_texts()
    assert origins and set(origins) == {"An Giang"}
