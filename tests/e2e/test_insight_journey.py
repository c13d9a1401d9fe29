"""A programme officer reads the programme in charts: every chart on the staff insight page draws the numbers of
the table beside it (read back from Chart.js), one click answers "which provinces have the most certificates
falling due before Tết", one click "what do buyers search for that we do not sell"."""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from .conftest import sign_in_to_dashboard

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/insight-shots")
NOT_SOLD = "ốp lưng iphone"  # a phone case: nothing in the demo's catalogue

# Each drawn chart, read back: its labels and series, and the table cells at the blob's label and series columns.
READ_CHARTS = """
() => Array.from(document.querySelectorAll("canvas[data-insight-data]")).map((canvas) => {
    const chart = Chart.getChart(canvas);
    const blob = JSON.parse(document.getElementById(canvas.dataset.insightData).textContent);
    const rows = Array.from(canvas.closest(".insight-figure").querySelectorAll("table tbody tr"));
    const cells = rows.map((row) => Array.from(row.querySelectorAll("td")).map((td) => td.textContent.trim()));
    return {
        id: canvas.id,
        drawn: chart !== undefined && canvas.width > 0 && canvas.height > 0,
        labels: chart ? chart.data.labels : [],
        series: chart ? chart.data.datasets.map((set) => set.data) : [],
        tableLabels: cells.map((cell) => cell[blob.label_column]),
        tableSeries: blob.series_columns.map((index) => cells.map((cell) => cell[index])),
    };
})
"""


def number(text):
    """A table cell as the number it shows: '1.250.000 ₫' -> 1250000, '12,5 %' -> 12.5."""
    digits = re.sub(r"[^0-9,]", "", text).replace(",", ".")
    return float(digits) if digits else 0.0


def test_staff_read_the_programme_in_charts_and_answer_two_questions_in_one_click_each(browser, e2e_server):
    context = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto("/search/?q=" + quote(NOT_SOLD))  # a buyer looks for what the shop does not sell
    expect(page.locator("main")).to_be_visible()
    sign_in_to_dashboard(page, e2e_server)

    expect(page.locator("nav a[href='/dashboard/insight/']")).to_have_count(1)  # the dashboard menu's entry
    page.goto("/dashboard/insight/")
    expect(page.locator("h1")).to_have_text("Số liệu chương trình")
    charts = page.evaluate(READ_CHARTS)
    assert len(charts) >= 6, [chart["id"] for chart in charts]
    for chart in charts:
        assert chart["drawn"], chart["id"]
        assert chart["labels"] == chart["tableLabels"], chart["id"]
        assert chart["series"] == [[number(cell) for cell in column] for column in chart["tableSeries"]], chart["id"]
    drawn = {chart["id"] for chart in charts}
    assert {"due-before-tet-chart", "zero-result-queries-chart", "stars-distribution-chart"} <= drawn
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "staff-insight.png"), full_page=True)

    # "Which provinces have the most certificates falling due before Tết?": one click, a table ranked by province
    page.locator(".insight-questions a[href='#due-before-tet']").click()
    expect(page).to_have_url(re.compile(r"#due-before-tet$"))
    due = page.locator("#due-before-tet")
    expect(due).to_be_in_viewport()
    first_row = due.locator("tbody tr").first
    province, count = first_row.locator("td").nth(0).inner_text(), int(first_row.locator("td").nth(1).inner_text())
    counts = [int(text) for text in due.locator("tbody tr td:nth-child(2)").all_inner_texts()]
    assert count == max(counts) > 0
    first_row.locator("a", has_text="Xem chi tiết").click()  # and the certificates behind that row
    expect(page.locator("h1")).to_contain_text(province)
    expect(page.locator("tr.insight-certificate")).to_have_count(count)
    page.screenshot(path=str(SHOTS / "due-before-tet-list.png"), full_page=True)

    # "What do buyers search for that we do not sell?": one click from the page
    page.go_back()
    page.locator(".insight-questions a[href='#zero-result-queries']").click()
    zero = page.locator("#zero-result-queries")
    expect(zero).to_be_in_viewport()
    expect(zero.locator("tbody")).to_contain_text("op lung iphone")  # the folded form
    context.close()
