"""Shopping on a 390 px phone: the first product is on the first screen, the filters wait in a drawer with their
counts and chips, the header has a search box and one menu on every page, the address form brings up the dial
pad, and the producer's dashboard lists fit the screen."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_the_first_product_is_on_the_first_screen_and_the_filters_open_in_a_drawer(phone):
    phone.goto("/catalogue/")
    first_product = phone.locator(".product_pod").first.bounding_box()
    assert first_product["y"] < phone.viewport_size["height"] / 2, first_product  # top half of the first screen
    expect(phone.locator("#filters .facet").first).to_be_hidden()

    opener = phone.locator("[data-filter-open]")
    expect(opener).to_have_accessible_name("Lọc")
    expect(opener).to_have_attribute("aria-expanded", "false")
    opener.click()
    drawer = phone.get_by_role("dialog", name="Bộ lọc")
    expect(drawer).to_be_visible()
    expect(drawer).to_be_focused()
    expect(opener).to_have_attribute("aria-expanded", "true")
    province = drawer.locator(".facet--province .facet-value a").first
    expect(province.locator(".facet-count")).to_have_text(re.compile(r"^\d+"))
    name = province.locator(".facet-label").inner_text()
    province.click()

    # the filter applies, the drawer is closed again, the chosen filter shows as a chip above the list
    expect(phone).to_have_url(re.compile(r"province="))
    expect(phone.locator("#content_inner .filter-chips")).to_contain_text(name)
    assert set(phone.locator(".product-origin").all_inner_texts()) == {name}
    expect(opener).to_have_accessible_name(re.compile(r"^Lọc\s+1\s+đã chọn$"))
    opener.click()
    expect(drawer.locator(".filter-drawer-chip-list")).to_contain_text(name)
    phone.keyboard.press("Escape")
    expect(phone.locator("#filters")).to_be_hidden()
    expect(opener).to_be_focused()

    # "Show N products" closes it too
    opener.click()
    drawer.get_by_role("button", name=re.compile(r"^Xem \d+ sản phẩm$")).click()
    expect(phone.locator("#filters")).to_be_hidden()


def test_search_results_use_the_same_drawer_and_clearing_the_filters_keeps_the_words(phone):
    phone.goto("/search/?q=ch%C3%A8&stars=4")
    expect(phone.locator("#content_inner .filter-chips")).to_contain_text("4 sao")
    phone.locator("[data-filter-open]").click()
    phone.get_by_role("dialog").get_by_role("link", name="Xóa tất cả bộ lọc").click()
    expect(phone).to_have_url(re.compile(r"/search/\?q=ch%C3%A8$"))
    expect(phone.locator("#content_inner .filter-chips")).to_have_count(0)


@pytest.mark.parametrize("path", ["/", "/catalogue/", "/tinh-thanh/", "/basket/", "/verify/", "/producers/apply/"])
def test_every_page_has_the_header_search_box_and_it_searches(phone, path):
    phone.goto(path)
    box = phone.get_by_role("search", name="Tìm sản phẩm").get_by_role("searchbox", name="Tìm sản phẩm")
    expect(box).to_be_visible()
    box.fill("mật ong")
    box.press("Enter")
    expect(phone).to_have_url(re.compile(r"/search/\?q=m%E1%BA%ADt\+ong$"))
    expect(phone.locator(".product_pod").first).to_be_visible()
    expect(phone.get_by_role("search", name="Tìm sản phẩm").get_by_role("searchbox")).to_have_value("mật ong")


def test_one_menu_button_holds_the_sections_the_account_and_the_language(phone):
    phone.goto("/")
    menu_buttons = phone.locator("button[aria-controls]:visible")
    expect(menu_buttons).to_have_count(1)
    expect(phone.locator(".navbar-toggler:visible")).to_have_count(0)  # Oscar's two hamburgers are gone
    menu = phone.get_by_role("navigation", name="Menu chính")
    expect(menu).to_be_hidden()
    menu_buttons.click()
    expect(phone.locator("#site-menu")).to_have_class(re.compile(r"\bshow\b"))  # opened, done sliding
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Tất cả sản phẩm")).to_be_visible()
    expect(menu.get_by_role("link", name="Đăng nhập hoặc đăng ký")).to_be_visible()

    # the language switch is a form: English, then back to Vietnamese
    menu.get_by_role("button", name="English").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    phone.wait_for_load_state()  # the menu's script is in place
    phone.locator("button[aria-controls=site-menu]").click()
    expect(phone.locator("#site-menu")).to_have_class(re.compile(r"\bshow\b"))
    english_menu = phone.get_by_role("navigation", name="Main menu")
    english_menu.get_by_role("button", name="Tiếng Việt").click()
    expect(phone.locator("html")).to_have_attribute("lang", "vi")


def test_the_address_form_brings_up_the_dial_pad_and_the_saved_address(phone):
    phone.goto("/catalogue/")
    phone.locator(".product_pod .product-title a").first.click()
    phone.locator("#add_to_basket_form button[type=submit]").click()
    phone.goto("/checkout/")
    phone.fill("#id_username", "dien-thoai@example.vn")
    phone.locator("#id_options_0").check()
    phone.locator("form button[type=submit]").first.click()
    phone_number = phone.locator("#id_phone_number")
    expect(phone_number).to_have_attribute("type", "tel")
    expect(phone_number).to_have_attribute("inputmode", "tel")
    expect(phone_number).to_have_attribute("autocomplete", "tel")
    expect(phone.locator("#id_first_name")).to_have_attribute("autocomplete", "name")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("path", ["/dashboard/catalogue/", "/dashboard/orders/"])
def test_the_producers_dashboard_lists_fit_a_phone(phone, e2e_server, path):
    phone.goto("/accounts/login/")
    phone.fill("#id_login-username", e2e_server.producer_email)
    phone.fill("#id_login-password", e2e_server.producer_password)
    phone.locator("button[name=login_submit]").click()
    phone.goto(path)
    expect(phone.locator("main h1")).to_be_visible()
    # the page itself never scrolls sideways: a table wider than the screen scrolls inside its own box
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    table = phone.locator("main table").first
    expect(table).to_be_visible()
    box = phone.locator("main .table-container, main .table-responsive").first
    if box.evaluate("box => box.scrollWidth > box.clientWidth"):
        expect(box).to_have_attribute("tabindex", "0")
        expect(box).to_have_attribute("role", "region")
    if path == "/dashboard/catalogue/":
        # what a producer checks daily stays on screen: the product's title and its actions
        title = phone.locator("main table tbody tr").first.locator("td").nth(1)
        expect(title).to_be_visible()
        where = title.bounding_box()
        assert where["x"] >= 0 and where["x"] + where["width"] <= 390, where
        expect(phone.locator("main table th.d-md-table-cell").first).to_be_hidden()
