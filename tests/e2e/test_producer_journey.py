"""A producer applies through /producers/apply/, opens its account from the e-mail, staff approve it in the
dashboard; the producer lists a product with a photo (no stars); staff certify it 4★ in the dashboard; the badge
appears on the product page and /verify/ says CÒN HIỆU LỰC."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.demo_clock import DEMO_DAY

from .conftest import mail_to

pytestmark = pytest.mark.e2e
PRODUCER_PASSWORD = "e2e-producer-password"


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




def apply_as_a_producer(page, e2e_server, producer_name, email, tmp_path):
    """The public form, filled as a cooperative's chair would, after a first try with the password mistyped."""
    page.goto("/producers/apply/")
    page.fill("#id_name", producer_name)
    page.select_option("#id_legal_type", "cooperative")
    page.select_option("#id_province", label="Lâm Đồng")
    page.fill("#id_address", "Thôn 3, xã Lộc Bảo")
    page.fill("#id_phone", "0263 3123 456")
    expect(page.locator("#id_phone")).to_have_attribute("type", "tel")
    page.fill("#id_email", "lienhe." + email)
    page.fill("#id_description", "Mật ong hoa cà phê nuôi tại vườn của các xã viên từ năm 2012.")
    page.fill("#id_full_name", "Phạm Thị Hoa")
    page.fill("#id_account_email", email)
    page.fill("#id_password1", PRODUCER_PASSWORD)
    page.fill("#id_password2", PRODUCER_PASSWORD + "x")
    page.locator(".producer-apply-form button[type=submit]").click()
    expect(page.locator(".producer-apply-form .alert-danger")).to_be_visible()
    expect(page.locator("#id_password2-errors")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value(producer_name)  # nothing typed is lost
    page.screenshot(path=str(tmp_path / "apply-error.png"), full_page=True)
    page.fill("#id_password1", PRODUCER_PASSWORD)
    page.fill("#id_password2", PRODUCER_PASSWORD)
    page.locator(".producer-apply-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/producers/apply/thanks/$"))
    expect(page.locator("h1")).to_contain_text("Đã nhận đơn đăng ký")

    # the account opens from the e-mailed link, which comes back to the thank-you page signed in
    message = mail_to(e2e_server.mail_dir, email, "/accounts/confirm/")
    page.goto(re.search(r"https?://[^/\s]+(/accounts/confirm/\S+)", message).group(1))
    page.locator("#confirm-account").click()
    expect(page).to_have_url(re.compile(r"/producers/apply/thanks/$"))
    assert page.goto("/dashboard/").status == 403  # signed in, but no dashboard before approval


def staff_approve(admin, producer_name):
    admin.goto("/dashboard/producers/")
    row = admin.locator(".application-list tr", has_text=producer_name)
    row.locator("a", has_text="Xem xét").click()
    expect(admin.locator("body")).to_contain_text("Phạm Thị Hoa")
    admin.locator("button[name=approve]").click()
    expect(admin.locator(".alert-success")).to_contain_text(producer_name)


def test_an_applicant_is_approved_lists_a_product_and_staff_certify_it_four_stars(browser, e2e_server, tmp_path):
    suffix = tmp_path.name[-6:]
    producer_name = f"HTX Mật ong Lộc Bảo {suffix}"
    email = f"hoa.{suffix}@htx-locbao.example.vn".lower()
    title = f"Mật ong hoa cà phê E2E {suffix}"
    number = f"E2E-{suffix}-4S"

    producer = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1280, "height": 900})
    page = producer.new_page()
    apply_as_a_producer(page, e2e_server, producer_name, email, tmp_path)

    staff = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1280, "height": 900})
    admin = staff.new_page()
    sign_in(admin, e2e_server.admin_email, e2e_server.admin_password)
    staff_approve(admin, producer_name)
    assert producer_name in mail_to(e2e_server.mail_dir, email, "/dashboard/")  # the applicant hears of it

    page.context.clear_cookies()
    sign_in(page, email, PRODUCER_PASSWORD)
    page.goto("/dashboard/")
    expect(page.locator("h1")).to_contain_text(producer_name)
    page.screenshot(path=str(tmp_path / "producer-dashboard.png"), full_page=True)
    page.goto("/dashboard/catalogue/products/create/ocop-product/")
    page.fill("#id_title_vi", title)
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

    admin.goto("/dashboard/certificates/create/")
    admin.select_option("#id_product", admin.locator("#id_product option", has_text=title).get_attribute("value"))
    admin.fill("#id_number", number)
    admin.fill("#id_decision_number", "412/QĐ-UBND")
    admin.fill("#id_issued_on", (DEMO_DAY - timedelta(days=30)).isoformat())  # recognised a month ago
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
