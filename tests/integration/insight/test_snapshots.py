"""The staff page's figures are kept as a snapshot for a while and recomputed by the scheduler
(storefront/insight/snapshots.py): the page says when they were computed, exports read the same snapshot,
and a recomputation shows new orders."""

import csv
import io
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from storefront.insight import snapshots
from storefront.insight.period import InsightFilters, Period
from storefront.insight.tables import find

from .test_staff_insight import PERIOD, URL, at, page_tables, programme, sell, staff, staff_tables  # noqa: F401
from .test_staff_insight import frozen  # noqa: F401

pytestmark = pytest.mark.django_db


def by_month(staff):
    return staff_tables(staff)["sales-by-month"].rows


def test_the_page_shows_its_kept_figures_and_when_they_were_computed_until_they_are_recomputed(staff, programme):
    before = by_month(staff)
    sell(at(2035, 5, 25), (programme.tea, 1, 1_000_000))
    assert by_month(staff) == before  # kept: the new order waits for the next computation
    response = staff.get(URL, PERIOD)
    assert "Số liệu được tính lúc 12:00 15/06/2035" in response.content.decode()
    snapshots.forget()
    after = by_month(staff)
    assert after[4][1] == before[4][1] + 1_000_000 and after[4][2] == before[4][2] + 1


def test_an_export_reads_the_snapshot_the_page_shows(staff, programme):
    shown = by_month(staff)
    sell(at(2035, 5, 25), (programme.tea, 1, 1_000_000))
    response = staff.get(URL, {**PERIOD, "export": "sales-by-month", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1:] == [[f"{month:%Y-%m}", str(revenue), str(orders)] for month, revenue, orders in shown]


def test_a_warmed_default_view_answers_without_computing_the_figures(staff, programme, frozen):
    snapshots.warm_default_views()
    with CaptureQueriesContext(connection) as warm:
        assert staff.get(URL).status_code == 200
    snapshots.forget()
    with CaptureQueriesContext(connection) as cold:
        assert staff.get(URL).status_code == 200
    assert len(warm) < len(cold) - 15, (len(warm), len(cold))


def test_the_default_view_is_warmed_in_every_language(programme, frozen):
    snapshots.warm_default_views()
    today = date(2035, 6, 15)
    for language, title in (("vi", "Doanh thu và đơn hàng theo tháng"), ("en", "Revenue and orders by month")):
        with translation.override(language):
            with CaptureQueriesContext(connection) as queries:
                snapshot = snapshots.staff_snapshot(Period.default(today), InsightFilters(), today)
            assert not queries.captured_queries
            tables = [table for _slug, _title, tables in snapshot.sections for table in tables]
            assert find(tables, "sales-by-month").title == title


def test_with_refresh_minutes_zero_every_view_computes_the_figures(staff, programme, settings):
    settings.INSIGHT_REFRESH_MINUTES = 0
    before = by_month(staff)
    sell(at(2035, 5, 25), (programme.tea, 1, 1_000_000))
    assert by_month(staff)[4][1] == before[4][1] + 1_000_000


def test_a_snapshot_of_another_day_is_not_reused(staff, programme, frozen):
    before = by_month(staff)
    sell(at(2035, 5, 25), (programme.tea, 1, 1_000_000))
    with time_machine.travel(at(2035, 6, 16, 12), tick=False):
        assert by_month(staff)[4][1] == before[4][1] + 1_000_000
