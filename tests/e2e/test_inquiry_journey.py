"""Market connection in the browser: a distributor asks for a quote on a product page (a mistyped tax code is
caught first), the producer finds it in its dashboard inbox and sends a quote, the distributor opens the private
link from its e-mail, reads the quote and replies; the producer is told. Then /export/ lists the catalogue and
its PDF downloads."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import mail_to
from .test_producer_journey import sign_in

pytestmark = pytest.mark.e2e
BUYER_EMAIL = "thumua@phanphoi-e2e.example.vn"


def test_a_distributor_asks_the_producer_quotes_and_the_distributor_reads_it(browser, e2e_server, tmp_path):
    producer = browser.new_context(locale="vi-VN", base_url=e2e_server.url).new_page()
    sign_in(producer, e2e_server.producer_email, e2e_server.producer_password)
    producer.goto("/dashboard/inquiries/")
    expect(producer.locator("h1")).to_contain_text("Yêu cầu báo giá")
    # the demo's inquiries to this producer tell which product is its own
    title = producer.locator(".inquiry-list tbody tr td").nth(1).inner_text().strip()

    buyer = browser.new_context(locale="vi-VN", base_url=e2e_server.url).new_page()
    buyer.goto("/search/?q=" + title)
    buyer.locator(".product-title a", has_text=title).first.click()
    buyer.locator(".product-wholesale a").click()
    expect(buyer.locator("h1")).to_contain_text("báo giá")
    buyer.fill("#id_company", "Công ty TNHH Phân phối E2E")
    buyer.fill("#id_tax_code", "0300588568")  # one digit wrong
    buyer.fill("#id_contact_name", "Ngô Thị Lan")
    buyer.fill("#id_email", BUYER_EMAIL)
    expect(buyer.locator("#id_phone")).to_have_attribute("type", "tel")
    buyer.fill("#id_phone", "0909 123 456")
    buyer.fill("#id_quantity", "120")
    buyer.select_option("#id_unit", "box")
    buyer.select_option("#id_destination_province", label="Đà Nẵng")
    buyer.fill("#id_needed_by", "2099-01-01")  # too far ahead: a second error, caught together
    buyer.fill("#id_message", "Cần 120 thùng cho chuỗi cửa hàng, giao trước Tết.")
    buyer.locator(".inquiry-form button[type=submit]").click()
    expect(buyer.locator("#id_tax_code-errors")).to_be_visible()
    expect(buyer.locator("#id_needed_by-errors")).to_be_visible()
    expect(buyer.locator("#id_company")).to_have_value("Công ty TNHH Phân phối E2E")  # nothing typed is lost
    buyer.fill("#id_tax_code", "0300588569")
    buyer.evaluate("document.querySelector('#id_needed_by').value = document.querySelector('#id_needed_by').min")
    buyer.locator(".inquiry-form button[type=submit]").click()
    expect(buyer).to_have_url(re.compile(r"/inquiries/sent/$"))
    expect(buyer.locator(".alert-success")).to_be_visible()
    mail_to(e2e_server.mail_dir, e2e_server.producer_email, "Phân phối E2E")

    producer.goto("/dashboard/inquiries/")
    row = producer.locator(".inquiry-list tr", has_text="Phân phối E2E")
    expect(row).to_contain_text("120")
    row.locator("a", has_text="Xem").click()
    producer.fill("#id_unit_price", "95000")
    producer.fill("#id_minimum_order", "100")
    producer.fill("#id_lead_time_days", "10")
    producer.evaluate("document.querySelector('#id_valid_until').value = document.querySelector('#id_valid_until').min")
    producer.fill("#id_note", "Giá đã gồm VAT, giao tại Đà Nẵng.")
    producer.locator(".inquiry-quote-form button[type=submit]").click()
    expect(producer.locator(".alert-success")).to_be_visible()
    expect(producer.locator(".inquiry-quote")).to_contain_text("95.000")
    producer.screenshot(path=str(tmp_path / "producer-inquiry.png"), full_page=True)

    letter = mail_to(e2e_server.mail_dir, BUYER_EMAIL, "95.000")
    link = re.search(r"https?://[^/\s]+(/inquiries/[A-Za-z0-9_-]{20,}/)", letter).group(1)
    fresh = browser.new_context(locale="vi-VN", base_url=e2e_server.url).new_page()  # no cookies: the link is enough
    fresh.goto(link)
    expect(fresh.locator(".inquiry-quote")).to_contain_text("95.000")
    expect(fresh.locator(".inquiry-quote")).to_contain_text("Giá đã gồm VAT")
    fresh.fill("#id_body", "Đồng ý, xin gửi hợp đồng.")
    fresh.locator(".inquiry-reply-form button[type=submit]").click()
    expect(fresh.locator(".inquiry-entry-business").last).to_contain_text("Đồng ý")
    mail_to(e2e_server.mail_dir, e2e_server.producer_email, "Đồng ý, xin gửi hợp đồng.")


def test_the_export_catalogue_lists_products_in_english_and_downloads_its_pdf(page):
    page.goto("/export/")
    expect(page.locator("h1")).to_contain_text("export catalogue")
    cards = page.locator(".export-card")
    expect(cards.first).to_be_visible()
    page.locator(".facet--stars a", has_text="5").first.click()
    expect(page).to_have_url(re.compile(r"stars=5"))
    with page.expect_download() as download:
        page.locator(".export-pdf").click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.locator(".export-language").click()
    expect(page.locator("h1")).to_contain_text("xuất khẩu")
