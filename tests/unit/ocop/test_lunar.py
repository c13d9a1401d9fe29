"""Tết on the Vietnamese lunisolar calendar (UTC+7), which in some years differs from the Chinese new year."""

from datetime import date

from storefront.ocop.lunar import next_tet, tet


def test_tet_falls_on_the_vietnamese_calendars_new_year():
    assert tet(2026) == date(2026, 2, 17)
    assert tet(2027) == date(2027, 2, 6)
    assert tet(2036) == date(2036, 1, 28)


def test_tet_follows_vietnam_where_the_chinese_new_year_is_a_day_later():
    assert tet(2007) == date(2007, 2, 17)  # China: 18 February
    assert tet(2030) == date(2030, 2, 2)  # China: 3 February


def test_the_coming_tet_is_this_years_until_its_first_day_then_next_years():
    assert next_tet(date(2026, 11, 30)) == date(2027, 2, 6)
    assert next_tet(date(2027, 2, 6)) == date(2027, 2, 6)
    assert next_tet(date(2027, 2, 7)) == date(2028, 1, 26)
