"""Every page a buyer, a producer or an applicant reaches passes axe-core with no critical and no serious violation,
on a desktop (1366 px) and on a phone (390 px); and the keyboard gets past the header with the skip link.

axe-core comes from the npm registry, pinned in tests/e2e/axe/package-lock.json and installed by
tests/services/browser.sh; Playwright injects it from disk. Its script is inline, which the site's
Content-Security-Policy rightly blocks, so these contexts bypass the policy (the other journeys enforce it).
"""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

AXE_SCRIPT = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("critical", "serious")
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, browser, e2e_server):
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"axe-core is not installed at {AXE_SCRIPT}: run tests/services/browser.sh (make test does).")
    phone = request.param == "phone"
    context = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport=VIEWPORTS[request.param],
                                  is_mobile=phone, has_touch=phone, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def blocking_violations(page):
    """axe-core's critical and serious findings on the page as it is now, one readable line per element."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{page.url} [{rule['impact']}] {rule['id']}: {rule['help']} -> {' '.join(node['target'][-1:])}"
            f" ({node['failureSummary'].splitlines()[-1].strip()})"
            for rule in result["violations"] if rule["impact"] in BLOCKING for node in rule["nodes"]]


def first_link(page, index_path, pattern):
    """The first link on an index page that goes to one of its children."""
    page.goto(index_path)
    return page.locator(f"main a[href^='{index_path}']").filter(has_text=re.compile(r"\S")).evaluate_all(
        "(links, pattern) => links.map(a => a.getAttribute('href')).find(href => new RegExp(pattern).test(href))",
        pattern)


def add_a_product_to_the_basket(page):
    page.goto("/catalogue/")
    page.locator(".product_pod .product-title a").first.click()
    page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator("#messages .alert").first).to_be_visible()


def test_shop_pages_have_no_serious_accessibility_violations(screen):
    page = screen
    page.goto("/catalogue/")
    product = page.locator(".product_pod .product-title a").first.get_attribute("href")
    page.goto(product)
    certificate = page.locator(".certificate-table a.certificate-number").first.get_attribute("href")
    province = first_link(page, "/tinh-thanh/", r"^/tinh-thanh/[^/]+/$")
    fair = first_link(page, "/hoi-cho/", r"^/hoi-cho/(?!ical/)[^/]+/$")  # not the calendar download
    assert province and fair, "the demo has province and fair pages"
    found = []
    for path in ["/", "/catalogue/", "/search/?q=ch%C3%A8", "/search/?q=m%E1%BA%ADt+ong&stars=4", product,
                 certificate, "/verify/", province, fair, "/producers/apply/"]:
        page.goto(path)
        found += blocking_violations(page)
    assert not found, "\n".join(found)


def test_the_filter_drawer_and_the_menu_pass_when_open(screen):
    page = screen
    page.goto("/catalogue/")
    if page.viewport_size["width"] < 768:
        page.locator("[data-filter-open]").click()
        expect(page.locator("#filters")).to_have_attribute("role", "dialog")
    found = blocking_violations(page)
    page.goto("/")
    if page.viewport_size["width"] < 992:
        page.locator(".site-menu-toggle").click()
        expect(page.locator("#site-menu")).to_be_visible()
    found += blocking_violations(page)
    assert not found, "\n".join(found)


def test_basket_and_every_guest_checkout_step_have_no_serious_accessibility_violations(screen):
    page = screen
    add_a_product_to_the_basket(page)
    found = []
    page.goto("/basket/")
    expect(page.locator("#basket_formset")).to_be_visible()
    found += blocking_violations(page)

    page.goto("/checkout/")
    expect(page.locator("#id_username")).to_be_visible()
    found += blocking_violations(page)
    page.fill("#id_username", f"khach-a11y-{time.time_ns()}@example.vn")
    page.locator("#id_options_0").check()
    page.locator("form button[type=submit]").first.click()

    expect(page).to_have_url(re.compile(r"/checkout/shipping-address/$"))
    found += blocking_violations(page)
    page.fill("#id_first_name", "Lê Thị Hồng")
    page.fill("#id_phone_number", "0912 345 678")
    page.select_option("#id_province", label="Hà Nội")
    expect(page.locator("#id_commune option")).not_to_have_count(1)
    page.locator("#id_commune").select_option(index=1)
    page.fill("#id_line1", "8 Phố Hàng Mã")
    page.locator("#new_shipping_address button[type=submit]").click()

    # with card payment configured the buyer chooses how to pay; with cash on delivery only, that step is skipped
    expect(page).to_have_url(re.compile(r"/checkout/(payment-method|preview)/$"))
    if page.url.endswith("/payment-method/"):
        found += blocking_violations(page)
        page.locator("input[name=method][value=cod]").check()
        page.locator("#choose-payment").click()
    expect(page).to_have_url(re.compile(r"/checkout/preview/$"))
    found += blocking_violations(page)
    assert not found, "\n".join(found)


def test_the_producer_dashboard_lists_have_no_serious_accessibility_violations(screen, e2e_server):
    page = screen
    page.goto("/accounts/login/")
    page.fill("#id_login-username", e2e_server.producer_email)
    page.fill("#id_login-password", e2e_server.producer_password)
    page.locator("button[name=login_submit]").click()
    found = []
    for path in ["/dashboard/catalogue/", "/dashboard/orders/"]:
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        found += blocking_violations(page)
    assert not found, "\n".join(found)


def test_the_skip_link_is_the_first_stop_and_takes_the_keyboard_to_the_content(page):
    for path in ["/", "/catalogue/", "/basket/"]:
        page.goto(path)
        page.keyboard.press("Tab")
        skip = page.locator(".skip-link")
        expect(skip).to_be_focused()
        expect(skip).to_be_visible()  # it shows itself when focused
        page.keyboard.press("Enter")
        expect(page.locator("main#main")).to_be_focused()
        page.keyboard.press("Tab")  # the next stop is inside the content, past the header's links
        assert page.evaluate("document.activeElement.closest('main') !== null")
