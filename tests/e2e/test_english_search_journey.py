"""A buyer abroad switches the site to English and searches in English."""

import os

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SCREENSHOTS = os.environ.get("OCOP_SCREENSHOT_DIR")


def test_buyer_switches_to_english_and_finds_phu_quoc_fish_sauce_by_its_english_name(browser, e2e_server,
                                                                                       tmp_path):
    context = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto("/")
    page.locator(".site-language button[value=en]").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("#site-search-q").fill("fish sauce")
    page.locator("#site-search-q").press("Enter")
    card = page.locator(".product_pod", has_text="Phu Quoc fish sauce 40°N")
    expect(card).to_be_visible()
    expect(page.locator(".product-grid .product-title", has_text="Nước mắm")).to_have_count(0)
    expect(page.locator(".did-you-mean")).to_have_count(0)  # English words are words the catalogue knows
    expect(page.locator(".facet--group")).to_contain_text("Condiments")
    folder = SCREENSHOTS or str(tmp_path)
    os.makedirs(folder, exist_ok=True)
    page.screenshot(path=os.path.join(folder, "english-search-fish-sauce.png"), full_page=True)

    card.locator(".product-title a").click()
    expect(page.locator("h1")).to_have_text("Phu Quoc fish sauce 40°N")
    context.close()
