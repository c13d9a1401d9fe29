"""A producer lists a product with a photo (no stars); staff certify it 4★ in the dashboard; the badge
appears on the product page and /verify/ says CÒN HIỆU LỰC."""

import re
import subprocess
import sys
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from .conftest import ROOT

pytestmark = pytest.mark.e2e
PRODUCER_PASSWORD = "e2e-producer-password"


def set_producer_password(e2e_server):
    """The demo producer users get a random password; the journey sets its own through the shell."""
    code = ("from django.contrib.auth import get_user_model as g; u=g().objects.get(email='producer1@ocop.example.vn');"
            f"u.set_password('{PRODUCER_PASSWORD}'); u.save(); print(u.partners.get().name)")
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=e2e_server.env,
                            capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", password)
    page.locator("button[name=login_submit]").click()


def photo(tmp_path):
    path = tmp_path / "mat-ong.jpg"
    out = BytesIO()
    Image.new("RGB", (640, 480), (214, 160, 40)).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_producer_lists_a_product_and_staff_certify_it_four_stars(browser, e2e_server, tmp_path):
    producer_name = set_producer_password(e2e_server)
    title = f"Mật ong hoa cà phê E2E {tmp_path.name[-6:]}"
    number = f"E2E-{tmp_path.name[-6:]}-4S"

    producer = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1280, "height": 900})
    page = producer.new_page()
    sign_in(page, "producer1@ocop.example.vn", PRODUCER_PASSWORD)
    page.goto("/dashboard/")
    expect(page.locator("h1")).to_contain_text(producer_name)
    page.screenshot(path=str(tmp_path / "producer-dashboard.png"), full_page=True)
    page.goto("/dashboard/catalogue/products/create/ocop-product/")
    page.fill("#id_title", title)
    page.select_option("#id_classification", index=1)
    page.click('a[href="#product_stock"]')
    page.fill("#id_stockrecords-0-partner_sku", f"SKU-{tmp_path.name[-6:]}")
    page.fill("#id_stockrecords-0-price", "185000")
    page.fill("#id_stockrecords-0-num_in_stock", "20")
    page.click('a[href="#product_images"]')
    page.set_input_files("#id_images-0-original", str(photo(tmp_path)))
    page.locator("button[name=action][value=save]").first.click()
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("body")).to_contain_text(title)

    page.goto("/search/?q=" + title.split(" E2E")[0].replace(" ", "+") + "+E2E")
    card = page.locator(".product_pod", has_text=title)
    expect(card).to_be_visible()
    expect(card.locator(".ocop-badge")).to_have_count(0)
    product_url = card.locator(".product-title a").get_attribute("href")

    staff = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1280, "height": 900})
    admin = staff.new_page()
    sign_in(admin, e2e_server.admin_email, e2e_server.admin_password)
    admin.goto("/dashboard/certificates/create/")
    admin.select_option("#id_product", admin.locator("#id_product option", has_text=title).get_attribute("value"))
    admin.fill("#id_number", number)
    admin.fill("#id_decision_number", "412/QĐ-UBND")
    admin.fill("#id_issued_on", "2026-10-01")
    admin.select_option("#id_level", "province")
    admin.fill("#id_authority", "Ủy ban nhân dân tỉnh Lâm Đồng")
    admin.select_option("#id_rule_set", admin.locator("#id_rule_set option", has_text="26/2026").get_attribute("value"))
    admin.fill("#id_score_a", "30")
    admin.fill("#id_score_b", "22")
    admin.fill("#id_score_c", "26")
    admin.locator(".certificate-form button[type=submit]").click()
    expect(admin.locator(".alert-success")).to_contain_text("4")
    staff.close()

    page.goto(product_url)
    expect(page.locator(".ocop-badge").first).to_contain_text("4 sao")
    page.locator(".certificate-table a.certificate-number").click()
    expect(page).to_have_url(re.compile(rf"/verify/{re.escape(number)}/$"))
    expect(page.locator(".verify-status")).to_contain_text("CÒN HIỆU LỰC")
    page.screenshot(path=str(tmp_path / "verify.png"), full_page=True)
    producer.close()
