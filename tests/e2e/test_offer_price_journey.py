"""A campaign price in Chromium: the price on the campaign page and the product page is what the basket counts
and what the cash-on-delivery order charges for the goods."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_checkout_journey import choose_payment, fill_address

pytestmark = pytest.mark.e2e

SCREENSHOTS = os.environ.get("OCOP_SCREENSHOT_DIR")


def shoot(page, name):
    if SCREENSHOTS:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def dong(text):
    """The amount in a price such as "40.500 ₫"."""
    return int(re.sub(r"\D", "", text))


AFTER_DISCOUNTS = re.compile(r"sau giảm giá", re.I)  # "Basket total (after discounts)"
SHIPPING = re.compile(r"^\s*(Tổng )?phí (giao hàng|vận chuyển)", re.I)
ORDER_TOTAL = re.compile(r"^\s*Tổng (số )?đơn hàng", re.I)


def total_row(page, label):
    """The amount in the last totals row whose label matches `label`."""
    row = page.locator("tr").filter(has_text=label).last
    return dong(row.locator("th, td").last.inner_text())


def test_a_campaign_price_is_the_price_in_the_basket_and_on_the_cash_on_delivery_order(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/")
    page.locator(".campaign-banner").click()
    box = page.locator(".buy-box").first
    campaign_price = box.locator(".price-now").inner_text()
    full_price = box.locator(".price-was").inner_text()
    assert dong(campaign_price) < dong(full_price)
    shoot(page, "offer-campaign")

    box.locator(".buy-box-title a").click()
    expect(page.locator(".product_main .price-now")).to_have_text(campaign_price)
    expect(page.locator(".product_main .price-was")).to_contain_text(full_price)
    shoot(page, "offer-product")
    page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert").filter(has_text="được hưởng ưu đãi")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("không còn")
    shoot(page, "offer-added")

    page.goto("/basket/")
    shoot(page, "offer-basket")
    assert total_row(page, AFTER_DISCOUNTS) == dong(campaign_price)

    fill_address(page)
    page.wait_for_url(re.compile(r"/checkout/(payment-method|preview)/$"))
    if "/payment-method/" in page.url:  # card payment offered (Stripe keys set): choose cash on delivery
        choose_payment(page, "cod")
    expect(page).to_have_url(re.compile(r"/checkout/preview/$"))
    expect(page.locator("#chosen-payment-method")).to_contain_text("Thanh toán khi nhận hàng")
    shoot(page, "offer-preview")
    assert total_row(page, AFTER_DISCOUNTS) == dong(campaign_price)
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    shoot(page, "offer-thank-you")
    goods = total_row(page, AFTER_DISCOUNTS)
    shipping = total_row(page, SHIPPING)
    assert goods == dong(campaign_price)
    assert total_row(page, ORDER_TOTAL) == goods + shipping


def test_a_phone_shows_the_campaign_price_beside_the_struck_full_price(phone):
    phone.goto("/")
    phone.locator(".campaign-banner").click()
    box = phone.locator(".buy-box").first
    campaign_price, full_price = box.locator(".price-now").inner_text(), box.locator(".price-was").inner_text()
    shoot(phone, "offer-campaign-phone")
    box.locator(".buy-box-title a").click()
    now, was = phone.locator(".product_main .price-now"), phone.locator(".product_main .price-was")
    expect(now).to_have_text(campaign_price)
    expect(was).to_contain_text(full_price)
    assert was.evaluate("element => getComputedStyle(element).textDecorationLine") == "line-through"
    now_box, was_box = now.bounding_box(), was.bounding_box()
    assert now_box["x"] + now_box["width"] <= 390 and was_box["x"] + was_box["width"] <= 390  # nothing off screen
    shoot(phone, "offer-product-phone")
