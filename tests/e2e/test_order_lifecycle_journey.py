"""A cash-on-delivery order from placed to delivered, in Chromium: the buyer sees who ships and what delivery
costs before paying, the producer confirms and hands its parcel to the courier (with the cash to collect in
view), staff mark the order delivered with Oscar's status form, and the buyer follows each step in the account
and by e-mail."""

import os
import re
from email import message_from_string, policy
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from .conftest import ROOT
from .test_checkout_journey import choose_payment, fill_address, sign_up

pytestmark = pytest.mark.e2e

SCREENSHOTS = os.environ.get("OCOP_SCREENSHOT_DIR")


def shoot(page, name):
    """Full-page screenshots at desktop and phone width, when OCOP_SCREENSHOT_DIR asks for them."""
    if not SCREENSHOTS:
        return
    os.makedirs(SCREENSHOTS, exist_ok=True)
    size = page.viewport_size
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(size)


def producer_and_product(e2e_server):
    """The demo producer's name and a product of its in stock (the session's producer keeps its known password:
    other journeys sign in with it too)."""
    code = ("from django.contrib.auth import get_user_model as g; from oscar.core.loading import get_model;"
            f"u=g().objects.get(email='{e2e_server.producer_email}');"
            "p=get_model('catalogue','Product').objects.filter(is_public=True, stockrecords__partner__users=u,"
            " stockrecords__num_in_stock__gt=5, stockrecords__price__isnull=False).order_by('pk').first();"
            "print(u.partners.get().name); print(p.get_absolute_url())")
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=e2e_server.env,
                            capture_output=True, text=True, check=True)
    name, url = result.stdout.strip().splitlines()[-2:]
    return name, url


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", password)
    page.locator("button[name=login_submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def subjects_to(mail_dir, email):
    """The decoded subjects of the e-mails the server wrote to its mail folder for one address."""
    messages = [message_from_string(path.read_text(), policy=policy.default) for path in mail_dir.iterdir()]
    return [message["Subject"] for message in messages if message["To"] == email]


def test_a_cash_order_goes_from_placed_to_delivered(browser, e2e_server, tmp_path):
    producer_name, product_url = producer_and_product(e2e_server)
    buyer_email = f"nguoimua-{tmp_path.name[-6:]}@example.vn".lower()

    buyer = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1366, "height": 900})
    page = buyer.new_page()
    sign_up(page, buyer_email, e2e_server.mail_dir)
    page.goto(product_url)
    expect(page.locator(".product-delivery")).to_contain_text(f"{producer_name} gửi hàng từ")
    expect(page.locator(".product-delivery-fee")).to_contain_text("Phí giao hàng")
    shoot(page, "lifecycle-product")
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto("/basket/")
    expect(page.locator(f'.ocop-basket-parcel[data-producer="{producer_name}"]')).to_be_visible()
    shoot(page, "lifecycle-basket")
    fill_address(page)
    choose_payment(page, "cod")
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    number = re.search(r"\d{6,}", page.locator("h1").inner_text()).group(0)
    page.goto(f"/accounts/orders/{number}/")
    expect(page.locator(".ocop-order-status")).to_have_text("Chờ xác nhận")

    producer = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1366, "height": 900})
    desk = producer.new_page()
    sign_in(desk, e2e_server.producer_email, e2e_server.producer_password)
    desk.goto("/dashboard/orders/")
    row = desk.locator(f'.producer-orders tr[data-order="{number}"]')
    expect(row.locator(".parcel-status")).to_have_text("Chờ xác nhận")
    row.locator("a.btn").click()
    expect(desk.locator(".cash-to-collect")).to_contain_text("₫")  # what the courier collects at the door
    shoot(desk, "lifecycle-producer-order")
    desk.locator("input[name=selected_line]").check()
    desk.locator("button[name=new_status][value=Confirmed]").click()
    expect(desk.locator(".parcel-status")).to_have_text("Đã xác nhận")
    desk.locator("input[name=selected_line]").check()
    desk.fill("#id_reference", "GHTK-E2E-1")
    desk.locator("button[name=new_status][value=Shipping]").click()
    expect(desk.locator(".parcel-status")).to_have_text("Đang giao")
    producer.close()

    page.reload()
    expect(page.locator(".ocop-order-status")).to_have_text("Đang giao")
    expect(page.locator(f'.ocop-producer-group[data-producer="{producer_name}"] .ocop-parcel-status')).to_have_text(
        "Đang giao")
    shoot(page, "lifecycle-buyer-account")

    staff = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1366, "height": 900})
    admin = staff.new_page()
    sign_in(admin, e2e_server.admin_email, e2e_server.admin_password)
    admin.goto(f"/dashboard/orders/{number}/")
    expect(admin.locator(".order-status")).to_have_text("Đang giao")
    admin.locator("#order_status_form select[name=new_status]").select_option("Delivered")
    admin.locator("#order_status_form button[type=submit]").click()
    expect(admin.locator(".order-status")).to_have_text("Đã giao")
    shoot(admin, "lifecycle-staff-order")
    staff.close()

    page.reload()
    expect(page.locator(".ocop-order-status")).to_have_text("Đã giao")
    subjects = [subject for subject in subjects_to(e2e_server.mail_dir, buyer_email) if number in subject]
    assert f"Đơn hàng {number}: Đang giao" in subjects and f"Đơn hàng {number}: Đã giao" in subjects
    buyer.close()
