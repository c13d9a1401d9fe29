"""The checkout address form's commune list follows the province even when the buyer runs through the provinces
with the arrow keys faster than the answers come back (static/ocop/js/communes.js)."""

import re
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def to_the_address_form(page):
    page.goto("/catalogue/")
    page.locator(".product_pod .product-title a").first.click()
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto("/checkout/")
    page.fill("#id_username", f"tinh-nhanh-{time.time_ns()}@example.vn")
    page.locator("#id_options_0").check()
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/checkout/shipping-address/$"))


def test_pressing_arrow_down_fast_on_the_province_leaves_only_the_final_provinces_communes(page):
    to_the_address_form(page)
    # Hold every commune answer until the buyer has stopped, then let them all through at once (the slow network
    # of a phone, made certain): each keypress has started its own request by then.
    held = []
    page.route("**/checkout/communes/**", lambda route: held.append(route))
    province = page.locator("#id_province")
    province.select_option(index=1)
    province.focus()
    presses = 5
    for _ in range(presses):
        page.keyboard.press("ArrowDown")
    final = province.input_value()
    assert final and final != province.locator("option").nth(1).get_attribute("value")
    deadline = time.monotonic() + 10
    while not any(route.request.url.endswith(f"province={final}") for route in held):
        assert time.monotonic() < deadline, f"no request for the final province; held: {[r.request.url for r in held]}"
        page.wait_for_timeout(50)  # lets Playwright hand the intercepted requests to `held`
    assert len(held) > 1, "the keypresses started several requests"
    for route in held:  # in the order they were asked
        try:
            route.continue_()
        except PlaywrightError:  # the page cancelled that request itself: nothing to deliver
            pass
    page.unroute("**/checkout/communes/**")

    expected = page.request.get(f"/checkout/communes/?province={final}").json()["communes"]
    assert expected, "the final province has communes"
    options = page.locator("#id_commune option")
    expect(options).to_have_count(len(expected) + 1)  # and the empty choice
    shown = options.evaluate_all("options => options.map(o => o.value).filter(Boolean)")
    assert shown == [str(commune["id"]) for commune in expected]
    expect(page.locator("#id_commune")).not_to_have_attribute("aria-busy", "true")

    # and the address goes through with that province and one of its communes
    page.fill("#id_first_name", "Đỗ Văn Nam")
    page.fill("#id_phone_number", "0903 123 456")
    page.locator("#id_commune").select_option(index=1)
    page.fill("#id_line1", "3 Đường Lê Lợi")
    page.locator("#new_shipping_address button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/checkout/(payment-method|preview)/$"))
