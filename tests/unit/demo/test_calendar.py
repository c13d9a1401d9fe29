"""The demo's clock: day offsets become dates, texts name them the Vietnamese way, scores keep their total."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from storefront.demo.calendar import DemoClockError, context_of, demo_today, lay_out, span
from storefront.demo.certification import fit_scores


@pytest.mark.parametrize("start,end,text", [
    (date(2026, 11, 20), date(2026, 11, 26), "20–26/11/2026"),
    (date(2026, 11, 28), date(2026, 12, 4), "28/11–04/12/2026"),
    (date(2026, 12, 28), date(2027, 1, 3), "28/12/2026–03/01/2027"),
])
def test_a_date_range_reads_as_vietnamese_text_writes_it(start, end, text):
    assert span(start, end) == text


def test_offsets_become_dates_and_texts_name_them():
    spec = {"key": "hanoi", "title": "Hội chợ tháng {month}", "summary": "{dates}, đăng ký đến {deadline}.",
            "starts_on": -3, "ends_on": 3, "registration_deadline": -18}
    laid = lay_out(spec, date(2028, 3, 1))
    assert (laid["starts_on"], laid["ends_on"]) == (date(2028, 2, 27), date(2028, 3, 4))
    assert laid["title"] == "Hội chợ tháng 2/2028"
    assert laid["summary"] == "27/02–04/03/2028, đăng ký đến 12/02/2028."
    news = lay_out({"title": "Khai mạc {fair_hanoi_title}", "date": -3}, date(2028, 3, 1),
                   context_of("fair_hanoi", laid))
    assert news["title"] == "Khai mạc Hội chợ tháng 2/2028" and news["date"] == date(2028, 2, 27)


def test_the_demo_day_comes_from_the_option_then_the_environment_then_the_clock(monkeypatch):
    monkeypatch.delenv("DEMO_TODAY", raising=False)
    with time_machine.travel("2029-07-04 12:00", tick=False):
        assert demo_today() == date(2029, 7, 4)
        monkeypatch.setenv("DEMO_TODAY", "2030-01-02")
        assert demo_today() == date(2030, 1, 2)
        assert demo_today("2031-05-06") == date(2031, 5, 6)
    with pytest.raises(DemoClockError, match="YYYY-MM-DD"):
        demo_today("tomorrow")


def test_scores_written_for_one_rule_set_keep_their_total_under_another():
    written = {"A": Decimal("30"), "B": Decimal("20"), "C": Decimal("38")}  # C 38: fine under 1048/2019 (C ≤ 40)
    fitted = fit_scores(written, {"A": 40, "B": 25, "C": 35})
    assert sum(fitted.values()) == 88 and fitted["C"] <= 35 and fitted["A"] <= 40 and fitted["B"] <= 25
    assert fit_scores({"A": Decimal(36), "B": Decimal(23), "C": Decimal(34)}, {"A": 40, "B": 25, "C": 35}) == {
        "A": Decimal(36), "B": Decimal(23), "C": Decimal(34)}  # what fits is kept as written
