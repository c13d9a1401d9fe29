"""The insight period's strict reading and the shape of a Table (pure: no database)."""

from datetime import date

import pytest
from django.http import QueryDict

from storefront.insight.period import Period
from storefront.insight.tables import Column, Table
from storefront.params import BadParameter


def test_the_default_period_is_the_twelve_months_ending_with_todays():
    period = Period.default(date(2026, 11, 30))
    assert (period.first, period.last, period.end) == (date(2025, 12, 1), date(2026, 11, 1), date(2026, 12, 1))
    assert len(period.months) == 12 and period.months[-1] == date(2026, 11, 1)


def test_a_period_from_the_query_reads_both_ends_and_defaults_the_start():
    assert Period.from_query(QueryDict("from=2025-02&to=2025-04"), date(2026, 11, 30)).months == (
        date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1))
    assert Period.from_query(QueryDict("to=2025-04"), date(2026, 11, 30)).first == date(2024, 5, 1)


@pytest.mark.parametrize("query", ["from=2025-2", "from=2025-00", "to=２０２５-01", "from=2026-01&to=2025-12",
                                   "from=2000-01&to=2026-01", "from=2025-01&from=2025-02", "to=1999-12"])
def test_a_malformed_period_is_refused_with_a_message(query):
    with pytest.raises(BadParameter) as error:
        Period.from_query(QueryDict(query), date(2026, 11, 30))
    assert str(error.value)


def test_a_table_refuses_links_that_do_not_match_its_rows_and_unknown_kinds():
    with pytest.raises(ValueError):
        Table("t", "T", (Column("a"),), rows=(("x",), ("y",)), links=("/one/",))
    with pytest.raises(ValueError):
        Column("a", "colour")
    with pytest.raises(ValueError):
        Table("t", "T", (Column("a"),), rows=(), chart="pie")
