"""A producer opens its insight page from the dashboard's navigation, in Chromium: the headline names its best-selling
product of the last three months, and the charts draw the same figures as their tables (read back from Chart.js)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import ROOT
from .test_order_lifecycle_journey import sign_in

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/insight-shots")

# Two orders placed now for the demo producer, in the server's database: a big one for one product (the best
# seller of the last three months by far) and a small one for another. Prints the products' titles.
SEED = """
from decimal import Decimal
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory, OrderLineFactory

producer = get_user_model().objects.get(email={email!r}).partners.get()
records = list(get_model('partner', 'StockRecord').objects.filter(partner=producer, price__isnull=False,
               product__is_public=True).select_related('product').order_by('pk')[:2])
for number, (record, quantity) in enumerate(zip(records, (400, 1))):
    order = OrderFactory(number=f'E2E-INSIGHT-{{record.pk}}-{{number}}', currency='VND', status='Pending',
                         total_incl_tax=record.price * quantity, total_excl_tax=record.price * quantity)
    total = record.price * quantity
    OrderLineFactory(order=order, product=record.product, partner=producer, partner_name=producer.name,
                     partner_sku=record.partner_sku, stockrecord=record, title=record.product.title,
                     quantity=quantity, status='Pending', line_price_incl_tax=total, line_price_excl_tax=total,
                     line_price_before_discounts_incl_tax=total, line_price_before_discounts_excl_tax=total,
                     unit_price_incl_tax=record.price, unit_price_excl_tax=record.price)
    print(record.product.title)
"""


def seed_orders(e2e_server):
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", SEED.format(email=e2e_server.producer_email)],
                            cwd=ROOT, env=e2e_server.env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-2:]


def chart_data(page, slug):
    """What Chart.js drew on the figure's canvas: its labels and each dataset's values."""
    page.wait_for_function("id => window.Chart && Chart.getChart(document.getElementById(id))", arg=f"{slug}-chart")
    return page.evaluate("""id => {
        const chart = Chart.getChart(document.getElementById(id));
        return {labels: chart.data.labels, datasets: chart.data.datasets.map(d => d.data)};
    }""", f"{slug}-chart")


def table_cells(page, slug):
    return page.locator(f"#{slug} table tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.querySelectorAll('td')).map(td => td.textContent.trim()))")


def digits(text):
    return int(re.sub(r"[^0-9]", "", text))


def test_a_producer_sees_its_best_seller_and_its_charts(page, e2e_server):
    best, other = seed_orders(e2e_server)
    sign_in(page, e2e_server.producer_email, e2e_server.producer_password)
    page.goto("/dashboard/")
    page.locator("#navbarDropdown", has_text="OCOP").click()
    page.get_by_role("link", name="Số liệu của chủ thể").click()
    expect(page).to_have_url(re.compile(r"/dashboard/insight/mine/"))

    expect(page.locator(".insight-headline .best-seller")).to_have_text(best)
    drawn = chart_data(page, "best-sellers")
    rows = table_cells(page, "best-sellers")
    assert drawn["labels"][0] == best == rows[0][0]
    assert other in drawn["labels"]
    assert drawn["datasets"][0] == [digits(row[3]) for row in rows]  # the chart draws the table's revenue

    by_month = chart_data(page, "revenue-by-month")
    month_rows = table_cells(page, "revenue-by-month")
    assert len(by_month["labels"]) == len(month_rows) == 12
    assert by_month["datasets"][0] == [digits(row[1]) for row in month_rows]
    assert by_month["datasets"][0][-1] > 0  # this month's sales are drawn

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(SHOTS / "producer-insight-1366.png"), full_page=True)
