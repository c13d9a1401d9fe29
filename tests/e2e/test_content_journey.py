"""A buyer goes from the home page to a fair, finds a booth and opens one of its products."""

import re

import pytest
from playwright.sync_api import expect

from tests.demo_clock import demo_content

pytestmark = pytest.mark.e2e


def test_buyer_goes_from_home_to_a_fair_and_on_to_a_booths_product(page):
    running_fair = demo_content()[1]["hanoi"]["title"]  # on any day, the demo has this fair running
    page.goto("/")
    page.get_by_role("link", name=running_fair).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(running_fair)
    booths = page.locator(".booth")
    expect(booths.first).to_be_visible()
    assert booths.count() >= 10
    booth = booths.first
    producer = booth.locator(".booth-producer").inner_text()
    product_link = booth.locator(".booth-products a").first
    product_title = product_link.inner_text().strip()
    product_link.click()
    expect(page).to_have_url(re.compile(r"/catalogue/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(product_title)
    expect(page.get_by_text(producer).first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Thêm vào giỏ|Add to basket"))).to_be_visible()


def test_phone_reader_opens_a_story_and_reaches_its_buy_box(phone):
    phone.goto("/")
    phone.get_by_role("link", name="Mùa cá cơm ở làng chài Hàm Ninh").first.click()
    expect(phone.locator(".buy-box").first).to_be_visible()
    box = phone.locator(".buy-box").first.bounding_box()
    assert box["width"] <= 390
