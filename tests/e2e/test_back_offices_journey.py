"""Staff work in Wagtail's admin, Django's admin and Oscar's dashboard under the Content-Security-Policy: the
pages come up with their scripts running, and (conftest.py) any violation Chromium reports fails the test."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import sign_in_to_dashboard

pytestmark = pytest.mark.e2e


def test_staff_edit_a_fair_in_wagtails_admin(page, e2e_server):
    page.goto("/cms/login/")
    page.fill("#id_username", e2e_server.admin_email)
    page.fill("#id_password", e2e_server.admin_password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/cms/$"))
    assert page.evaluate("typeof window.wagtail") == "object"  # the admin's own scripts ran

    page.goto("/cms/pages/search/?q=H%E1%BB%99i+ch%E1%BB%A3")  # "Hội chợ": the fairs (dates, inline booths)
    page.locator("a[href*='/cms/pages/'][href$='/edit/']").first.click()
    expect(page.locator("form#page-edit-form")).to_be_visible()
    expect(page.locator("[data-side-panel-toggle]").first).to_be_visible()
    page.goto("/cms/images/")
    expect(page.locator("main")).to_be_visible()


def test_staff_use_djangos_admin(page, e2e_server):
    page.goto("/admin/login/")
    page.fill("#id_username", e2e_server.admin_email)
    page.fill("#id_password", e2e_server.admin_password)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/auth/user/")
    page.locator("#result_list tbody a").first.click()
    expect(page.locator("#user_form")).to_be_visible()


def test_staff_browse_oscars_dashboard(page, e2e_server):
    sign_in_to_dashboard(page, e2e_server)
    for url in ["/dashboard/catalogue/", "/dashboard/orders/", "/dashboard/users/", "/dashboard/partners/"]:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("typeof window.oscar.dashboard") == "object"  # Oscar's dashboard script ran
