"""Unit tests for storefront.ocop.rules, the pure OCOP rules module.

They use the real reference data (fixtures/reference/rule_sets.json) through storefront.ocop.reference,
and need neither Django nor a database:

    .venv/bin/python -m pytest tests/unit/ocop -p no:django -q
"""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

import pytest

from storefront.ocop import reference, rules
from storefront.ocop.rules import Level, RuleError, Status

PROJECT_ROOT = Path(__file__).resolve().parents[3]
PROGRAMME = reference.programme()
PROVINCES = reference.province_codes()

RULE_SET_CODES = ("1048/2019", "148/2023", "26/2026")

#: What the decisions say (OCOP.md, "Scoring and stars"); the fixture must agree.
EXPECTED_MAXIMA = {
    "1048/2019": {"A": Decimal(35), "B": Decimal(25), "C": Decimal(40)},
    "148/2023": {"A": Decimal(40), "B": Decimal(25), "C": Decimal(35)},
    "26/2026": {"A": Decimal(40), "B": Decimal(25), "C": Decimal(35)},
}

#: Every (rule set, part, maximum) triple, for tables over part maxima.
PART_MAXIMA = [
    (code, part, maximum) for code, maxima in EXPECTED_MAXIMA.items() for part, maximum in maxima.items()
]


def only_error(excinfo) -> str:
    """The single message of a RuleError, asserting there is exactly one."""
    messages = excinfo.value.messages
    assert len(messages) == 1, messages
    return messages[0]


def parts_for_total(rule_set: rules.RuleSet, total: str) -> dict[str, str]:
    """Split `total` over A, B, C in proportion to the rule set's maxima, cent-exact, each within its maximum."""
    total = Decimal(total)
    maxima = rule_set.part_maxima
    cent = Decimal("0.01")
    a = (total * maxima["A"] / 100).quantize(cent, rounding=ROUND_DOWN)
    b = (total * maxima["B"] / 100).quantize(cent, rounding=ROUND_DOWN)
    c = total - a - b
    parts = {"A": a, "B": b, "C": c}
    assert sum(parts.values()) == total
    for part, value in parts.items():
        assert 0 <= value <= maxima[part], (rule_set.code, total, part, value)
    return {part: str(value) for part, value in parts.items()}


# --- reference data --------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", RULE_SET_CODES)
def test_reference_rule_set_has_the_part_maxima_of_its_decision(code):
    assert dict(reference.rule_set(code).part_maxima) == EXPECTED_MAXIMA[code]


@pytest.mark.parametrize("code", RULE_SET_CODES)
def test_part_maxima_of_every_rule_set_add_up_to_100(code):
    assert sum(reference.rule_set(code).part_maxima.values()) == 100


def test_unknown_rule_set_code_is_refused_listing_the_known_ones():
    with pytest.raises(RuleError) as excinfo:
        reference.rule_set("999/2099")
    message = only_error(excinfo)
    assert "999/2099" in message
    for code in RULE_SET_CODES:
        assert code in message


# --- scoring: stars at every band boundary ---------------------------------------------------------------

BAND_BOUNDARIES = [
    ("0", 1),
    ("29.99", 1),
    ("30", 2),
    ("49.99", 2),
    ("50", 3),
    ("69.99", 3),
    ("70", 4),
    ("89.99", 4),
    ("90", 5),
    ("100", 5),
]

SCORING_TABLE = [
    pytest.param(code, total, stars, id=f"{code} total {total} -> {stars} stars")
    for code in RULE_SET_CODES
    for total, stars in BAND_BOUNDARIES
]


@pytest.mark.parametrize("code, total, stars", SCORING_TABLE)
def test_total_at_band_boundary_earns_the_band_stars(code, total, stars):
    rule_set = reference.rule_set(code)
    result = rules.score(PROGRAMME, rule_set, parts_for_total(rule_set, total))
    assert result.total == Decimal(total)
    assert result.stars == stars


@pytest.mark.parametrize("code, total, stars", SCORING_TABLE)
def test_only_three_stars_and_above_are_certifiable(code, total, stars):
    rule_set = reference.rule_set(code)
    result = rules.score(PROGRAMME, rule_set, parts_for_total(rule_set, total))
    assert result.certifiable is (stars >= 3)


@pytest.mark.parametrize("code", RULE_SET_CODES)
def test_total_of_exactly_70_earns_four_stars(code):
    rule_set = reference.rule_set(code)
    assert rules.score(PROGRAMME, rule_set, parts_for_total(rule_set, "70")).stars == 4


@pytest.mark.parametrize("code", RULE_SET_CODES)
def test_total_of_69_99_earns_three_stars_not_four(code):
    rule_set = reference.rule_set(code)
    assert rules.score(PROGRAMME, rule_set, parts_for_total(rule_set, "69.99")).stars == 3


@pytest.mark.parametrize("code", RULE_SET_CODES)
def test_every_part_at_its_maximum_scores_100_and_five_stars(code):
    rule_set = reference.rule_set(code)
    result = rules.score(PROGRAMME, rule_set, dict(rule_set.part_maxima))
    assert result == rules.Scoring(total=Decimal(100), stars=5, certifiable=True)


def test_programme_certifies_from_three_stars():
    assert PROGRAMME.certifiable_min_stars == 3


@pytest.mark.parametrize("total, stars", BAND_BOUNDARIES)
def test_stars_for_total_at_band_boundary(total, stars):
    assert rules.stars_for_total(PROGRAMME, total) == stars


@pytest.mark.parametrize("total, stars", [(0, 1), (30, 2), (49.99, 2), (70, 4), (100, 5), (Decimal("89.99"), 4)])
def test_stars_for_total_accepts_ints_floats_and_decimals(total, stars):
    assert rules.stars_for_total(PROGRAMME, total) == stars


@pytest.mark.parametrize("total", ["-0.01", "-1", "100.01", "101", "1000"])
def test_stars_for_total_rejects_totals_outside_0_to_100(total):
    with pytest.raises(RuleError) as excinfo:
        rules.stars_for_total(PROGRAMME, total)
    message = only_error(excinfo)
    assert "0–100" in message
    assert total in message


@pytest.mark.parametrize("total", ["abc", "NaN", "Infinity", float("inf")])
def test_stars_for_total_rejects_non_numbers(total):
    with pytest.raises(RuleError):
        rules.stars_for_total(PROGRAMME, total)


# --- scoring: part maxima and input validation -----------------------------------------------------------


def scores_with(part: str, value) -> dict[str, object]:
    """Zero in every part except `part`."""
    scores = {"A": "0", "B": "0", "C": "0"}
    scores[part] = value
    return scores


@pytest.mark.parametrize("code, part, maximum", PART_MAXIMA)
def test_part_score_of_exactly_its_maximum_is_accepted(code, part, maximum):
    clean = rules.validate_scores(reference.rule_set(code), scores_with(part, str(maximum)))
    assert clean[part] == maximum


@pytest.mark.parametrize("code, part, maximum", PART_MAXIMA)
def test_part_score_one_cent_over_its_maximum_is_rejected_naming_part_value_and_rule_set(code, part, maximum):
    over = maximum + Decimal("0.01")
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set(code), scores_with(part, str(over)))
    message = only_error(excinfo)
    assert f"phần {part}" in message
    assert str(over) in message
    assert f"tối đa {maximum}" in message
    assert code in message


@pytest.mark.parametrize("code, part, maximum", PART_MAXIMA)
def test_score_over_a_maximum_is_an_error_never_a_clamp(code, part, maximum):
    with pytest.raises(RuleError):
        rules.score(PROGRAMME, reference.rule_set(code), scores_with(part, str(maximum + 1)))


@pytest.mark.parametrize(
    "code, part, value, accepted",
    [
        ("1048/2019", "A", "40", False),
        ("148/2023", "A", "40", True),
        ("26/2026", "A", "40", True),
        ("1048/2019", "C", "40", True),
        ("148/2023", "C", "40", False),
        ("26/2026", "C", "40", False),
    ],
)
def test_the_same_part_score_is_judged_against_its_own_rule_set(code, part, value, accepted):
    rule_set = reference.rule_set(code)
    if accepted:
        assert rules.validate_scores(rule_set, scores_with(part, value))[part] == Decimal(value)
    else:
        with pytest.raises(RuleError, match=code):
            rules.validate_scores(rule_set, scores_with(part, value))


@pytest.mark.parametrize("value", ["-0.01", "-1", -5, Decimal("-0.5")])
@pytest.mark.parametrize("part", ["A", "B", "C"])
def test_negative_part_score_is_rejected(part, value):
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), scores_with(part, value))
    message = only_error(excinfo)
    assert f"phần {part}" in message
    assert "không được âm" in message
    assert str(value) in message


@pytest.mark.parametrize("value", [None, ""])
@pytest.mark.parametrize("part", ["A", "B", "C"])
def test_empty_part_score_counts_as_missing(part, value):
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), scores_with(part, value))
    assert only_error(excinfo) == f"Thiếu điểm phần {part}."


@pytest.mark.parametrize("part", ["A", "B", "C"])
def test_absent_part_score_is_reported_missing(part):
    scores = {"A": "1", "B": "1", "C": "1"}
    del scores[part]
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), scores)
    assert only_error(excinfo) == f"Thiếu điểm phần {part}."


def test_no_scores_at_all_reports_each_part_missing():
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), {})
    assert excinfo.value.messages == ["Thiếu điểm phần A.", "Thiếu điểm phần B.", "Thiếu điểm phần C."]


@pytest.mark.parametrize("value", ["abc", "12a", "1.2.3", "  ", [1], True])
def test_non_numeric_part_score_is_rejected_showing_the_value(value):
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), scores_with("B", value))
    message = only_error(excinfo)
    assert "phần B" in message
    assert "phải là một số" in message
    assert repr(value) in message


@pytest.mark.parametrize(
    "value",
    ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", float("nan"), float("inf"), Decimal("NaN")],
    ids=repr,
)
def test_nan_or_infinite_part_score_is_rejected(value):
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), scores_with("C", value))
    message = only_error(excinfo)
    assert "phần C" in message
    assert "hữu hạn" in message


def test_unknown_part_d_is_rejected_listing_the_real_parts():
    scores = {"A": "10", "B": "10", "C": "10", "D": "5"}
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), scores)
    message = only_error(excinfo)
    assert "D" in message
    assert "A, B, C" in message


def test_several_problems_are_reported_together():
    scores = {"A": "abc", "B": "-1", "D": "5", "E": "1"}  # C missing
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("1048/2019"), scores)
    messages = excinfo.value.messages
    assert len(messages) == 4
    assert "D, E" in messages[0]
    assert "phần A" in messages[1] and "'abc'" in messages[1]
    assert "phần B" in messages[2] and "không được âm" in messages[2]
    assert messages[3] == "Thiếu điểm phần C."
    assert str(excinfo.value) == "; ".join(messages)


def test_every_part_over_its_maximum_is_reported_not_just_the_first():
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("148/2023"), {"A": "40.5", "B": "25.5", "C": "35.5"})
    messages = excinfo.value.messages
    assert len(messages) == 3
    for part, message in zip("ABC", messages):
        assert f"phần {part}" in message and "148/2023" in message


def test_rule_error_is_a_value_error_with_a_list_of_messages():
    error = RuleError("một lỗi")
    assert isinstance(error, ValueError)
    assert error.messages == ["một lỗi"]
    assert str(error) == "một lỗi"


@pytest.mark.parametrize("value, expected", [("36,5", "36.5"), ("0,25", "0.25"), (" 12,75 ", "12.75")])
def test_decimal_comma_part_score_is_accepted(value, expected):
    clean = rules.validate_scores(reference.rule_set("148/2023"), scores_with("A", value))
    assert clean["A"] == Decimal(expected)


def test_decimal_comma_scores_add_up_to_the_right_stars():
    result = rules.score(PROGRAMME, reference.rule_set("26/2026"), {"A": "36,5", "B": "20,25", "C": "33,25"})
    assert result.total == Decimal("90.00")
    assert result.stars == 5


@pytest.mark.parametrize(
    "scores, total, stars",
    [
        # Each of these sums to just under the boundary in binary floating point.
        ({"A": "33.25", "B": "16.38", "C": "0.37"}, "50", 3),
        ({"A": 33.25, "B": 16.38, "C": 0.37}, "50", 3),
        ({"A": 32.16, "B": 23.24, "C": 14.6}, "70", 4),
        ({"A": "33.25", "B": "24.25", "C": "32.50"}, "90", 5),
    ],
)
def test_decimal_part_scores_are_summed_exactly(scores, total, stars):
    result = rules.score(PROGRAMME, reference.rule_set("148/2023"), scores)
    assert isinstance(result.total, Decimal)
    assert result.total == Decimal(total)
    assert result.stars == stars


# --- scores carry at most two decimals --------------------------------------------------------------------


@pytest.mark.parametrize("value", ["4.99", "4.9", "4", "0.01", "4.500", "4,50", "35.00000", 4.99, Decimal("4.10")],
                         ids=repr)
def test_part_score_with_at_most_two_real_decimals_is_accepted_unchanged(value):
    clean = rules.validate_scores(reference.rule_set("148/2023"), scores_with("C", value))
    assert clean["C"] == Decimal(str(value).replace(",", "."))


@pytest.mark.parametrize("value", ["4.999", "0.001", "4,125", "4.9999999999999999999999999999", 4.999,
                                   Decimal("34.991")], ids=repr)
def test_part_score_with_more_than_two_decimals_is_an_error_never_a_rounding(value):
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("148/2023"), scores_with("C", value))
    message = only_error(excinfo)
    assert "phần C" in message and "tối đa 2 chữ số thập phân" in message


def test_a_28_digit_part_score_cannot_round_a_total_up_into_four_stars():
    # 40 + 25 + 4.9999999999999999999999999999 would print as a total of 70 (4 stars) at 28 digits
    with pytest.raises(RuleError) as excinfo:
        rules.score(PROGRAMME, reference.rule_set("148/2023"),
                    {"A": "40", "B": "25", "C": "4.9999999999999999999999999999"})
    assert "phần C" in only_error(excinfo)


def test_every_part_with_too_many_decimals_is_reported():
    with pytest.raises(RuleError) as excinfo:
        rules.validate_scores(reference.rule_set("26/2026"), {"A": "1.001", "B": "2.002", "C": "3.003"})
    assert [message.split(" chỉ")[0] for message in excinfo.value.messages] == [
        "Điểm phần A", "Điểm phần B", "Điểm phần C"]


@pytest.mark.parametrize("total, accepted", [("69.99", True), ("69.990", True), ("69.995", False),
                                             ("69.9999999999999999999999999999", False)])
def test_stars_for_total_takes_a_total_to_the_hundredth_only(total, accepted):
    if accepted:
        assert rules.stars_for_total(PROGRAMME, total) == 3
    else:
        with pytest.raises(RuleError, match="tối đa 2 chữ số thập phân"):
            rules.stars_for_total(PROGRAMME, total)


@pytest.mark.parametrize("number, places", [("0", 0), ("0.000", 0), ("40.50", 1), ("40.05", 2), ("1E+2", 0),
                                            ("1.2E-5", 6), ("100", 0)])
def test_decimal_places_ignores_trailing_zeros(number, places):
    assert rules.decimal_places(Decimal(number)) == places


# --- which rule set applies when -------------------------------------------------------------------------

RULE_SET_DATES = [
    (date(2019, 8, 21), "1048/2019"),
    (date(2021, 6, 15), "1048/2019"),
    (date(2023, 2, 23), "1048/2019"),
    (date(2023, 2, 24), "148/2023"),
    (date(2025, 7, 1), "148/2023"),
    (date(2026, 5, 21), "148/2023"),
    (date(2026, 5, 22), "26/2026"),
    (date(2030, 1, 1), "26/2026"),
]


@pytest.mark.parametrize("day, code", RULE_SET_DATES, ids=lambda v: str(v))
def test_rule_set_on_a_day_is_the_one_in_force(day, code):
    assert rules.rule_set_on(reference.rule_sets(), day).code == code


@pytest.mark.parametrize("day", [date(2019, 8, 20), date(2018, 5, 7), date(2000, 1, 1)])
def test_day_before_2019_08_21_has_no_rule_set(day):
    with pytest.raises(RuleError) as excinfo:
        rules.rule_set_on(reference.rule_sets(), day)
    assert f"{day:%d/%m/%Y}" in only_error(excinfo)


@pytest.mark.parametrize("day, code", RULE_SET_DATES, ids=lambda v: str(v))
def test_check_rule_set_date_accepts_the_rule_set_in_force(day, code):
    assert rules.check_rule_set_date(reference.rule_set(code), day) is None


@pytest.mark.parametrize(
    "code, day",
    [
        ("1048/2019", date(2019, 8, 20)),
        ("1048/2019", date(2023, 2, 24)),
        ("148/2023", date(2023, 2, 23)),
        ("148/2023", date(2026, 5, 22)),
        ("26/2026", date(2026, 5, 21)),
    ],
    ids=lambda v: str(v),
)
def test_check_rule_set_date_refuses_a_rule_set_not_in_force(code, day):
    rule_set = reference.rule_set(code)
    with pytest.raises(RuleError) as excinfo:
        rules.check_rule_set_date(rule_set, day)
    message = only_error(excinfo)
    assert code in message
    assert f"{rule_set.effective_from:%d/%m/%Y}" in message
    assert f"{day:%d/%m/%Y}" in message


def test_check_rule_set_date_says_an_open_ended_rule_set_runs_until_now():
    with pytest.raises(RuleError) as excinfo:
        rules.check_rule_set_date(reference.rule_set("26/2026"), date(2026, 5, 21))
    assert "22/05/2026 đến nay" in only_error(excinfo)


# --- who certifies ---------------------------------------------------------------------------------------

BEFORE_ABOLITION = date(2025, 6, 30)
ABOLITION = date(2025, 7, 1)

CERTIFIER_TABLE = [
    # stars, level, day, allowed
    (5, "ministry", date(2020, 3, 1), True),
    (5, "ministry", BEFORE_ABOLITION, True),
    (5, "ministry", ABOLITION, True),
    (5, "ministry", date(2026, 6, 1), True),
    (5, "province", BEFORE_ABOLITION, False),
    (5, "province", ABOLITION, False),
    (5, "district", BEFORE_ABOLITION, False),
    (4, "province", BEFORE_ABOLITION, True),
    (4, "province", ABOLITION, True),
    (4, "district", BEFORE_ABOLITION, False),
    (4, "ministry", ABOLITION, False),
    (3, "district", date(2020, 3, 1), True),
    (3, "district", BEFORE_ABOLITION, True),
    (3, "province", BEFORE_ABOLITION, True),
    (3, "district", ABOLITION, False),
    (3, "district", date(2026, 6, 1), False),
    (3, "province", ABOLITION, True),
    (3, "ministry", ABOLITION, False),
]


@pytest.mark.parametrize(
    "stars, level, day, allowed",
    [pytest.param(*row, id=f"{row[0]}★ {row[1]} {row[2]} {'ok' if row[3] else 'refused'}") for row in CERTIFIER_TABLE],
)
def test_certifier_level_for_stars_and_date(stars, level, day, allowed):
    if allowed:
        assert rules.check_certifier(PROGRAMME, stars, level, day) is None
    else:
        with pytest.raises(RuleError) as excinfo:
            rules.check_certifier(PROGRAMME, stars, level, day)
        message = only_error(excinfo)
        assert f"{stars} sao" in message
        assert f"{day:%d/%m/%Y}" in message
        assert f"không phải {rules.LEVEL_NAMES_VI[Level(level)]}" in message


def test_district_refused_for_three_stars_on_1_july_2025_names_the_province():
    with pytest.raises(RuleError) as excinfo:
        rules.check_certifier(PROGRAMME, 3, Level.DISTRICT, ABOLITION)
    assert only_error(excinfo) == (
        "Sản phẩm 3 sao công nhận ngày 01/07/2025 phải do cấp tỉnh công nhận, không phải cấp huyện."
    )


@pytest.mark.parametrize(
    "stars, day, levels",
    [
        (3, BEFORE_ABOLITION, {Level.DISTRICT, Level.PROVINCE}),
        (3, ABOLITION, {Level.PROVINCE}),
        (4, BEFORE_ABOLITION, {Level.PROVINCE}),
        (4, ABOLITION, {Level.PROVINCE}),
        (5, BEFORE_ABOLITION, {Level.MINISTRY}),
        (5, ABOLITION, {Level.MINISTRY}),
        (2, ABOLITION, set()),
        (1, BEFORE_ABOLITION, set()),
    ],
    ids=lambda v: str(v),
)
def test_allowed_levels_by_stars_and_date(stars, day, levels):
    assert rules.allowed_levels(PROGRAMME, stars, day) == frozenset(levels)


@pytest.mark.parametrize("day", [BEFORE_ABOLITION, ABOLITION], ids=str)
@pytest.mark.parametrize("level", ["district", "province", "ministry"])
@pytest.mark.parametrize("stars", [1, 2])
def test_below_three_stars_is_never_certifiable(stars, level, day):
    with pytest.raises(RuleError) as excinfo:
        rules.check_certifier(PROGRAMME, stars, level, day)
    message = only_error(excinfo)
    assert f"đạt {stars} sao" in message
    assert "từ 3 sao" in message


# --- validity and status ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "issued_on, expected",
    [
        (date(2024, 2, 29), date(2027, 2, 28)),
        (date(2023, 8, 31), date(2026, 8, 31)),
        (date(2023, 11, 30), date(2026, 11, 30)),
        (date(2023, 1, 1), date(2026, 1, 1)),
        (date(2022, 12, 31), date(2025, 12, 31)),
        (date(2025, 5, 31), date(2028, 5, 31)),
    ],
    ids=str,
)
def test_valid_until_is_36_months_after_issue(issued_on, expected):
    assert rules.valid_until(PROGRAMME, issued_on) == expected


def test_renewal_window_runs_from_180_to_120_days_before_expiry():
    assert rules.renewal_window(PROGRAMME, date(2026, 11, 30)) == (date(2026, 6, 3), date(2026, 8, 2))


ISSUED = date(2023, 11, 30)
EXPIRES = date(2026, 11, 30)  # == valid_until(ISSUED)

STATUS_TABLE = [
    # day, status, comment
    (date(2023, 11, 29), Status.NOT_YET_VALID, "day before issue"),
    (date(2023, 11, 30), Status.VALID, "issue day"),
    (date(2025, 1, 1), Status.VALID, "mid-validity"),
    (date(2026, 6, 2), Status.VALID, "181 days before expiry"),
    (date(2026, 6, 3), Status.RENEWAL_WINDOW, "180 days before expiry"),
    (date(2026, 7, 15), Status.RENEWAL_WINDOW, "inside renewal window"),
    (date(2026, 8, 2), Status.RENEWAL_WINDOW, "120 days before expiry"),
    (date(2026, 8, 3), Status.VALID, "119 days before expiry"),
    (date(2026, 11, 30), Status.VALID, "valid_until itself"),
    (date(2026, 12, 1), Status.EXPIRED, "day after valid_until"),
    (date(2030, 1, 1), Status.EXPIRED, "long after"),
]


def test_status_table_uses_the_real_expiry_date():
    assert rules.valid_until(PROGRAMME, ISSUED) == EXPIRES


@pytest.mark.parametrize(
    "day, status", [pytest.param(day, status, id=comment) for day, status, comment in STATUS_TABLE]
)
def test_status_on_a_fixed_day(day, status):
    assert rules.status_on(PROGRAMME, day, issued_on=ISSUED, expires_on=EXPIRES) is status


@pytest.mark.parametrize(
    "day, badge",
    [
        pytest.param(date(2023, 11, 29), False, id="day before issue: no badge"),
        pytest.param(date(2023, 11, 30), True, id="issue day: badge"),
        pytest.param(date(2026, 7, 15), True, id="renewal window: badge"),
        pytest.param(date(2026, 11, 30), True, id="valid_until itself: badge"),
        pytest.param(date(2026, 12, 1), False, id="day after valid_until: no badge"),
    ],
)
def test_badge_shown_only_while_the_certificate_is_in_force(day, badge):
    status = rules.status_on(PROGRAMME, day, issued_on=ISSUED, expires_on=EXPIRES)
    assert rules.shows_badge(status) is badge


REVOKED_ON = date(2025, 3, 10)


@pytest.mark.parametrize(
    "day, revoked_on, status",
    [
        pytest.param(date(2025, 3, 9), REVOKED_ON, Status.VALID, id="day before revocation: still valid"),
        pytest.param(date(2025, 3, 10), REVOKED_ON, Status.REVOKED, id="revocation day: revoked"),
        pytest.param(date(2025, 3, 11), REVOKED_ON, Status.REVOKED, id="after revocation: revoked"),
        pytest.param(date(2026, 7, 1), date(2026, 7, 2), Status.RENEWAL_WINDOW,
                     id="day before revocation in renewal window: renewal_window"),
        pytest.param(date(2026, 7, 2), date(2026, 7, 2), Status.REVOKED, id="revoked inside renewal window"),
        pytest.param(date(2026, 12, 1), REVOKED_ON, Status.REVOKED, id="revocation beats expiry"),
        pytest.param(date(2028, 1, 1), date(2026, 11, 30), Status.REVOKED,
                     id="revoked on valid_until, looked at later"),
        pytest.param(date(2026, 11, 30), date(2026, 12, 1), Status.VALID,
                     id="revocation dated after the day asked: normal status"),
    ],
)
def test_revocation_wins_from_its_date_on(day, revoked_on, status):
    assert rules.status_on(
        PROGRAMME, day, issued_on=ISSUED, expires_on=EXPIRES, revoked_on=revoked_on
    ) is status


@pytest.mark.parametrize(
    "status, badge",
    [
        (Status.NOT_YET_VALID, False),
        (Status.VALID, True),
        (Status.RENEWAL_WINDOW, True),
        (Status.EXPIRED, False),
        (Status.REVOKED, False),
    ],
)
def test_shows_badge_for_each_status(status, badge):
    assert rules.shows_badge(status) is badge


def test_shows_badge_table_covers_every_status():
    assert set(Status) == {
        Status.NOT_YET_VALID, Status.VALID, Status.RENEWAL_WINDOW, Status.EXPIRED, Status.REVOKED
    }


# --- product codes ---------------------------------------------------------------------------------------

FORMAT_HINT = "(mã tỉnh)-(mã xã)-(số thứ tự)-(năm)"


@pytest.mark.parametrize(
    "province, commune, sequence, year, code",
    [
        ("91", "30985", 12, 2026, "91-30985-012-2026"),
        ("01", "00004", 1, 2018, "01-00004-001-2018"),
        ("79", "26734", 999, 2100, "79-26734-999-2100"),
        ("79", "26734", 1234, 2026, "79-26734-1234-2026"),
        (91, 30985, 12, 2026, "91-30985-012-2026"),
    ],
)
def test_product_code_builds_the_26_2026_format(province, commune, sequence, year, code):
    assert rules.product_code(province, commune, sequence, year) == code


@pytest.mark.parametrize(
    "code, province, commune, sequence, year",
    [
        ("91-30985-012-2026", "91", "30985", 12, 2026),
        ("01-00004-001-2018", "01", "00004", 1, 2018),
        ("79-26734-1234-2026", "79", "26734", 1234, 2026),
    ],
)
def test_parse_product_code_reads_a_current_code(code, province, commune, sequence, year):
    parsed = rules.parse_product_code(code, PROVINCES)
    assert parsed == rules.ProductCode(province=province, commune=commune, sequence=sequence, year=year)
    assert parsed.legacy is False
    assert parsed.district is None


@pytest.mark.parametrize(
    "args", [("91", "30985", 12, 2026), ("01", "00004", 1, 2018), ("79", "26734", 1234, 2100)], ids=str
)
def test_product_code_round_trips_through_parse(args):
    code = rules.product_code(*args)
    parsed = rules.parse_product_code(code, PROVINCES)
    assert (parsed.province, parsed.commune, parsed.sequence, parsed.year) == args
    assert str(parsed) == code


def test_parse_product_code_reads_a_legacy_code_with_a_district_part():
    parsed = rules.parse_product_code("91-899-30985-012-2019", PROVINCES)
    assert parsed.legacy is True
    assert parsed.district == "899"
    assert (parsed.province, parsed.commune, parsed.sequence, parsed.year) == ("91", "30985", 12, 2019)
    assert str(parsed) == "91-899-30985-012-2019"


@pytest.mark.parametrize(
    "code",
    [" 91-30985-012-2026", "91-30985-012-2026 ", "  91-30985-012-2026\t", "91-30985-012-2026\n"],
    ids=repr,
)
def test_parse_product_code_ignores_surrounding_whitespace(code):
    assert str(rules.parse_product_code(code, PROVINCES)) == "91-30985-012-2026"


@pytest.mark.parametrize(
    "code",
    [
        "91-3098-012-2026",  # commune of 4 digits
        "",
        "ab-12345-001-2026",
        "9-30985-012-2026",
        "91-30985-12-2026",  # sequence of 2 digits
        "91-30985-12345-2026",
        "91-30985-012-26",
        "91 30985 012 2026",
        "91_30985_012_2026",
        "91-30985-012-2026-1",
        "91-30985-012",
        "91-30985--012-2026",
        "91-89-30985-012-2019",  # legacy with a 2-digit district
        "91-30985-012-2026x",
        "91 -30985-012-2026",
        None,
    ],
    ids=repr,
)
def test_parse_product_code_rejects_malformed_codes_showing_the_expected_format(code):
    with pytest.raises(RuleError) as excinfo:
        rules.parse_product_code(code, PROVINCES)
    message = only_error(excinfo)
    assert repr(code) in message
    assert FORMAT_HINT in message
    assert "91-30985-012-2026" in message


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"province": "9"}, "Mã tỉnh phải có 2 chữ số (nhận được '9')"),
        ({"province": "911"}, "Mã tỉnh phải có 2 chữ số"),
        ({"province": "ab"}, "Mã tỉnh phải có 2 chữ số (nhận được 'ab')"),
        ({"province": ""}, "Mã tỉnh phải có 2 chữ số"),
        ({"commune": "3098"}, "Mã xã phải có 5 chữ số (nhận được '3098')"),
        ({"commune": "309851"}, "Mã xã phải có 5 chữ số"),
        ({"commune": "3098a"}, "Mã xã phải có 5 chữ số"),
        ({"sequence": 0}, "Số thứ tự phải từ 1 đến 9999 (nhận được 0)"),
        ({"sequence": -1}, "Số thứ tự phải từ 1 đến 9999"),
        ({"sequence": 10000}, "Số thứ tự phải từ 1 đến 9999 (nhận được 10000)"),
        ({"sequence": "12"}, "Số thứ tự phải từ 1 đến 9999 (nhận được '12')"),
        ({"sequence": 1.5}, "Số thứ tự phải từ 1 đến 9999"),
        ({"year": 2017}, "Năm phải từ 2018 đến 2100 (nhận được 2017)"),
        ({"year": 2101}, "Năm phải từ 2018"),
        ({"year": "2026"}, "Năm phải từ 2018 đến 2100 (nhận được '2026')"),
        ({"year": 26}, "Năm phải từ 2018"),
    ],
    ids=lambda v: str(v),
)
def test_product_code_rejects_bad_parts_with_a_message(kwargs, fragment):
    args = {"province": "91", "commune": "30985", "sequence": 12, "year": 2026, **kwargs}
    with pytest.raises(RuleError) as excinfo:
        rules.product_code(**args)
    assert fragment in only_error(excinfo)


def test_product_code_reports_every_bad_part_together():
    with pytest.raises(RuleError) as excinfo:
        rules.product_code("9", "3098", 0, 2017)
    messages = excinfo.value.messages
    assert len(messages) == 4
    assert messages[0].startswith("Mã tỉnh")
    assert messages[1].startswith("Mã xã")
    assert messages[2].startswith("Số thứ tự")
    assert messages[3].startswith("Năm")


# --- product codes carry a real provincial code ----------------------------------------------------------


def test_the_reference_data_knows_34_current_and_63_former_provinces():
    assert (len(PROVINCES.current), len(PROVINCES.former)) == (34, 63)
    assert PROVINCES.current <= PROVINCES.former


@pytest.mark.parametrize("province", ["01", "96", "91", "79"])  # lowest and highest current codes, and two more
def test_current_code_with_one_of_the_34_provinces_is_read(province):
    assert rules.parse_product_code(f"{province}-30985-012-2026", PROVINCES).province == province


@pytest.mark.parametrize("province", ["00", "02", "03", "97", "99"])  # 02 (Hà Giang) merged into 08 in 2025
def test_current_code_with_a_province_that_is_none_of_the_34_is_refused(province):
    with pytest.raises(RuleError) as excinfo:
        rules.parse_product_code(f"{province}-30985-012-2026", PROVINCES)
    message = only_error(excinfo)
    assert f"Mã tỉnh {province}" in message and "34 tỉnh, thành phố hiện nay" in message


@pytest.mark.parametrize("province", ["02", "95", "01", "96"])  # former only (Hà Giang, Bạc Liêu) and still current
def test_legacy_code_with_one_of_the_63_former_provinces_is_read(province):
    parsed = rules.parse_product_code(f"{province}-899-30985-012-2019", PROVINCES)
    assert parsed.province == province and parsed.legacy


@pytest.mark.parametrize("province", ["00", "03", "05", "97", "99"])
def test_legacy_code_with_a_province_that_never_existed_is_refused(province):
    with pytest.raises(RuleError) as excinfo:
        rules.parse_product_code(f"{province}-899-30985-012-2019", PROVINCES)
    assert "63 tỉnh, thành phố trước sáp nhập" in only_error(excinfo)


def test_product_code_given_the_provinces_refuses_a_former_one():
    assert rules.product_code("08", "30985", 12, 2026, provinces=PROVINCES) == "08-30985-012-2026"
    with pytest.raises(RuleError) as excinfo:
        rules.product_code("02", "30985", 12, 2026, provinces=PROVINCES)
    assert "Mã tỉnh 02" in only_error(excinfo)


def test_province_codes_come_as_data_so_the_rules_hold_none_of_their_own():
    only_hanoi = rules.ProvinceCodes(current=frozenset({"01"}), former=frozenset({"01"}))
    assert rules.parse_product_code("01-00004-001-2026", only_hanoi).province == "01"
    with pytest.raises(RuleError, match="một trong 1 tỉnh"):
        rules.parse_product_code("91-30985-012-2026", only_hanoi)


# --- purity: no Django -----------------------------------------------------------------------------------

RULES_PATH = PROJECT_ROOT / "storefront" / "ocop" / "rules.py"


def test_rules_source_imports_nothing_from_django():
    tree = ast.parse(RULES_PATH.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert imported, "expected to find rules.py's imports"
    assert not [name for name in imported if name == "django" or name.startswith("django.")]


def test_importing_rules_in_a_fresh_interpreter_loads_no_django():
    script = (
        "import sys\n"
        "import storefront.ocop.rules\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(loaded)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
