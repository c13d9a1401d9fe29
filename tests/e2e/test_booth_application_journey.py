"""A producer applies for a booth at the upcoming fair from its dashboard, staff accept it in the back office with a
booth number and zone, the producer is e-mailed and sees the decision, and the booth is on the public fair page by
itself; the organisers' exhibitor list lists it."""

import shutil
import subprocess
from io import BytesIO
from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.demo_clock import demo_content

from .conftest import mail_to
from .test_producer_journey import sign_in

pytestmark = pytest.mark.e2e
WIDE = {"width": 1366, "height": 900}


def test_a_producer_applies_staff_accept_and_the_booth_is_on_the_fair_page(browser, e2e_server, tmp_path):
    fair = demo_content()[1]["hcmc"]
    producer = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport=WIDE)
    page = producer.new_page()

    # the fair page invites producers while registration is open
    page.goto(f"/hoi-cho/{fair['slug']}/")
    expect(page.locator(".fair-facts")).to_contain_text(f"mở đến {fair['registration_deadline']:%d/%m/%Y}")
    page.locator(".booth-apply-link").click()  # to the dashboard's sign-in, then the form
    page.fill("#id_username", e2e_server.producer_email)
    page.fill("#id_password", e2e_server.producer_password)
    page.locator("form input[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(f"Đăng ký gian hàng: {fair['title']}")

    form = page.locator("form.booth-apply")
    products = form.locator("input[name=products]")
    expect(products.first).to_be_visible()
    chosen = [form.locator(f"label[for='{products.nth(index).get_attribute('id')}']").inner_text().split(" (")[0]
              for index in range(2)]
    products.nth(0).check()
    products.nth(1).check()
    form.get_by_label("3 × 6 m", exact=False).check()
    form.get_by_label("Cần kho lạnh").check()
    form.get_by_label("Người liên hệ").fill("Nguyễn Thị Gấm")
    form.get_by_label("Điện thoại liên hệ").fill("0912 345 999")
    form.locator("button[type=submit]").click()
    expect(page.locator(".booth-state")).to_have_text("Đang xét duyệt")
    producer_name = page.locator(".booth-producer-name").inner_text().strip()
    page.screenshot(path=str(tmp_path / "booth-application-pending.png"), full_page=True)
    application_url = page.url

    # staff place the booth in the back office
    staff = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport=WIDE)
    admin = staff.new_page()
    sign_in(admin, e2e_server.admin_email, e2e_server.admin_password)
    admin.goto("/dashboard/booths/")
    admin.locator(".booth-fairs tr", has_text=fair["title"]).locator("a").click()
    expect(admin.locator(".booth-counts")).to_contain_text("Khu C – Thủ công mỹ nghệ")
    admin.locator(".booth-application-list tr", has_text=producer_name).locator("a").click()
    accept = admin.locator("form.booth-accept")
    accept.locator("select[name=zone]").select_option(label=accept.locator("select[name=zone] option",
                                                                         has_text="Khu C").inner_text())
    accept.locator("input[name=booth_code]").fill("C21")
    accept.locator("button[name=accept]").click()
    expect(admin.locator(".alert-success")).to_be_visible()
    admin.screenshot(path=str(tmp_path / "booth-fair-applications.png"), full_page=True)

    # the producer hears of it and sees it
    assert "C21" in mail_to(e2e_server.mail_dir, e2e_server.producer_email, "C21")
    page.goto(application_url)
    expect(page.locator(".booth-state")).to_have_text("Đã duyệt")
    expect(page.locator(".lead")).to_contain_text("gian C21, Khu C – Thủ công mỹ nghệ")
    page.screenshot(path=str(tmp_path / "booth-application-accepted.png"), full_page=True)

    # the public page lists the booth, linking its producer and the products chosen
    visitor = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport=WIDE).new_page()
    visitor.goto(f"/hoi-cho/{fair['slug']}/")
    booth = visitor.locator("#booth-c21")
    expect(booth.locator(".booth-producer")).to_have_text(producer_name)
    expect(booth.locator(".booth-producer a")).to_have_attribute("href", f"/search/?q={quote(producer_name)}")
    for title in chosen:
        expect(booth.locator(".booth-products")).to_contain_text(title)
    booth.scroll_into_view_if_needed()
    visitor.screenshot(path=str(tmp_path / "fair-page-booths.png"), full_page=True)

    # and so does the organisers' exhibitor list
    admin.goto("/dashboard/booths/")
    admin.locator(".booth-fairs tr", has_text=fair["title"]).locator("a").click()
    pdf_link = admin.locator("a", has_text="Danh sách gian hàng (PDF)").get_attribute("href")
    pdf = admin.request.get(pdf_link)
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf.body())).pages)
    assert producer_name in text and "C21" in text and "Nguyễn Thị Gấm" in text
    (tmp_path / "exhibitors.pdf").write_bytes(pdf.body())
    if shutil.which("pdftoppm"):  # a picture of the first page to look at (poppler-utils)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(tmp_path / "exhibitors.pdf"),
                        str(tmp_path / "exhibitors")], check=True)
    for context in (producer, staff, visitor.context):
        context.close()
