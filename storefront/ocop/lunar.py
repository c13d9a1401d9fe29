"""Tết Nguyên Đán, the lunar new year as Vietnam keeps it (on the Vietnamese lunisolar calendar, UTC+7, which
now and then falls a day or a month away from the Chinese one). The `holidays` package owns the calendar."""

from datetime import date
from functools import lru_cache

LUNAR_NEW_YEAR = "Lunar New Year"  # the holiday's name in holidays' en_US names


@lru_cache(maxsize=None)
def tet(year: int) -> date:
    """The first day of Tết in the Gregorian `year` (which always holds one, in late January or February)."""
    import holidays  # here: only the insight pages need it, and every web worker would hold it

    days = holidays.country_holidays("VN", years=year, language="en_US").get_named(LUNAR_NEW_YEAR, lookup="exact")
    return min(days)


def next_tet(day: date) -> date:
    """The first day of the coming Tết: this year's if it is still ahead (or today), else next year's."""
    this_year = tet(day.year)
    return this_year if this_year >= day else tet(day.year + 1)
