"""Buying in Chromium: card payment (Stripe.js replaced by a test double that confirms the PaymentIntent
against localstripe, as Stripe.js would confirm it against Stripe), cash on delivery, and a buyer who pays and
never comes back: localstripe's signed webhook places the order on its own."""

import json
import os
import re
import time

import pytest
from playwright.sync_api import expect

from tests import stripe_peers

from .conftest import mail_to

pytestmark = pytest.mark.e2e

SCREENSHOTS = os.environ.get("OCOP_SCREENSHOT_DIR")

# The Payment Element's stand-in: same calls as Stripe.js v3 (Stripe(), elements(), create().mount(),
# confirmPayment()); confirmation is handed to the test through a routed URL, which confirms at localstripe.
STRIPE_JS_DOUBLE = """
window.Stripe = function (publishableKey) {
  var clientSecret = null;
  return {
    elements: function (options) {
      clientSecret = options.clientSecret;
      return {create: function () { return {mount: function (selector) {
        document.querySelector(selector).innerHTML =
          '<label>Card number <input id="double-card-number" value="4242 4242 4242 4242"></label>';
      }}; }};
    },
    confirmPayment: function (args) {
      var card = document.getElementById("double-card-number").value.replace(/ /g, "");
      return fetch("/__stripe_double__/confirm", {method: "POST",
          body: JSON.stringify({client_secret: clientSecret, card: card})})
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (result.status !== "succeeded") { return {error: {message: "Thẻ bị từ chối"}}; }
          if (window.__neverReturn) { document.body.dataset.paid = "yes"; return {}; }
          var pi = clientSecret.split("_secret_")[0];
          window.location = args.confirmParams.return_url + "?payment_intent=" + pi +
            "&payment_intent_client_secret=" + encodeURIComponent(clientSecret) + "&redirect_status=succeeded";
          return new Promise(function () {});
        });
    }
  };
};
"""


def shoot(page, name):
    if SCREENSHOTS:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def stripe_webhooks(e2e_server):
    """localstripe delivers its signed events to the e2e server."""
    stripe_peers.register_webhook(f"e2e-{e2e_server.url.rsplit(':', 1)[1]}",
                                  e2e_server.url + "/payment/stripe/webhook/", os.environ["STRIPE_WEBHOOK_SECRET"])


def with_stripe_double(page):
    page.route("https://js.stripe.com/v3/**", lambda route: route.fulfill(
        status=200, content_type="application/javascript", body=STRIPE_JS_DOUBLE))

    def confirm(route):
        data = json.loads(route.request.post_data)
        status = stripe_peers.pay(data["client_secret"].split("_secret_")[0], data["card"])
        route.fulfill(status=200, content_type="application/json", body=json.dumps({"status": status}))

    page.route("**/__stripe_double__/confirm", confirm)
    return page


def sign_up(page, email, mail_dir):
    """Register, then open the account from the confirmation e-mail, as a buyer would."""
    page.goto("/accounts/login/")
    page.fill("#id_registration-email", email)
    page.fill("#id_registration-password1", "mat-khau-rat-dai-2026")
    page.fill("#id_registration-password2", "mat-khau-rat-dai-2026")
    page.locator("button[name=registration_submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/register/sent/$"))
    message = mail_to(mail_dir, email)
    page.goto(re.search(r"https?://[^/\s]+(/accounts/confirm/\S+)", message).group(1))
    page.locator("#confirm-account").click()
    expect(page).to_have_url(re.compile(r"/accounts/(profile/)?$"))  # signed in, in the account


def find_and_add_to_basket(page, query):
    page.goto("/")
    page.locator(".hero-search input[name=q]").fill(query)
    page.locator(".hero-search button").click()
    page.locator(".product_pod .product-title a").first.click()
    title = page.locator("h1").inner_text()
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto("/basket/")
    expect(page.locator("#content_inner")).to_contain_text(title)
    return title


def fill_address(page, screenshot=None):
    page.goto("/checkout/")
    if page.locator("#id_username").count():  # the guest gateway
        page.fill("#id_username", f"khach-{time.time_ns()}@example.vn")
        page.locator("#id_options_0").check()
        page.locator("form button[type=submit]").first.click()
    page.fill("#id_first_name", "Trần Văn Minh")
    page.fill("#id_phone_number", "0987 654 321")
    page.select_option("#id_province", page.locator("#id_province option", has_text="Hà Nội").get_attribute("value"))
    expect(page.locator("#id_commune option")).not_to_have_count(1)
    page.locator("#id_commune").select_option(index=1)
    page.fill("#id_line1", "5 Phố Hàng Đào")
    if screenshot:
        shoot(page, screenshot)
    page.locator("#new_shipping_address button[type=submit]").click()


def choose_payment(page, method, screenshot=None):
    expect(page).to_have_url(re.compile(r"/checkout/payment-method/$"))
    page.locator(f"input[name=method][value={method}]").check()
    if screenshot:
        shoot(page, screenshot)
    page.locator("#choose-payment").click()
    expect(page).to_have_url(re.compile(r"/checkout/preview/$"))


def test_signed_in_buyer_pays_by_card_and_finds_the_order_in_the_account(page, e2e_server, stripe_webhooks):
    with_stripe_double(page)
    sign_up(page, f"the-card-buyer-{time.time_ns()}@example.vn", e2e_server.mail_dir)
    title = find_and_add_to_basket(page, "gao")
    fill_address(page, screenshot="checkout-address")
    choose_payment(page, "card", screenshot="checkout-payment-method")
    shoot(page, "checkout-preview")
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/checkout/card/$"))
    shoot(page, "checkout-card")
    page.locator("#pay-now").click()
    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    expect(page.locator(".ocop-producer-group")).to_contain_text(title)
    shoot(page, "checkout-confirmation-card")
    number = re.search(r"\d{6,}", page.locator("h1").inner_text()).group(0)
    page.goto("/accounts/orders/")
    expect(page.locator("body")).to_contain_text(number)


def test_guest_pays_cash_on_delivery_for_two_producers_and_sees_one_group_each(page, e2e_server):
    find_and_add_to_basket(page, "nuoc mam")
    find_and_add_to_basket(page, "che")
    fill_address(page)
    choose_payment(page, "cod")
    expect(page.locator("#chosen-payment-method")).to_contain_text("Thanh toán khi nhận hàng")
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    expect(page.locator(".ocop-producer-group")).to_have_count(2)
    shoot(page, "checkout-confirmation-cod")


def test_a_buyer_who_pays_and_never_comes_back_still_gets_the_order(browser, e2e_server, stripe_webhooks):
    context = browser.new_context(locale="vi-VN", base_url=e2e_server.url)
    page = with_stripe_double(context.new_page())
    sign_up(page, f"the-vanishing-buyer-{time.time_ns()}@example.vn", e2e_server.mail_dir)
    find_and_add_to_basket(page, "mat ong")
    fill_address(page)
    choose_payment(page, "card")
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/checkout/card/$"))
    order_number = re.search(r"\d{6,}", page.locator(".ocop-card-payment .lead").inner_text()).group(0)
    page.evaluate("window.__neverReturn = true")
    page.locator("#pay-now").click()
    expect(page.locator("body[data-paid=yes]")).to_have_count(1)
    page.close()  # the tab is gone: only localstripe's webhook can place the order now

    account = context.new_page()
    for __ in range(60):  # localstripe's webhook is asynchronous: on a loaded machine it can take a while
        account.goto("/accounts/orders/")
        if order_number in account.locator("body").inner_text():
            break
        time.sleep(1)
    expect(account.locator("body")).to_contain_text(order_number)
    context.close()
